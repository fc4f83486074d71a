/** The layouts real documents arrive in, made from clean text: hard-wrapped lines, e-mail quoting, wire copy. */

/** Wraps every line of `text` greedily at `width` columns (as mail clients and wire systems do); blank lines stay. */
export function hardWrap(text: string, width = 65, prefix = ''): string {
  return text.split('\n').map((line) => {
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return prefix.trimEnd();
    const out: string[] = [];
    let current = '';
    for (const w of words) {
      if (current && prefix.length + current.length + 1 + w.length > width) {
        out.push(prefix + current);
        current = w;
      } else current = current ? `${current} ${w}` : w;
    }
    out.push(prefix + current);
    return out.join('\n');
  }).join('\n');
}

/**
 * Wraps like `hardWrap`, but a word of 8 letters or more that does not fit is broken with a hyphen after as many of its
 * letters as fit (at least 3, leaving at least 3), as typeset pages, justified PDFs and their OCR do ("Man-" / "souri").
 * A word that holds a hyphen is broken at it.
 */
export function hyphenWrap(text: string, width = 60): string {
  return text.split('\n').map((line) => {
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return '';
    const out: string[] = [];
    let current = '';
    for (const w of words) {
      const room = width - (current ? current.length + 1 : 0);
      if (current && w.length > room) {
        const at = w.includes('-') ? w.indexOf('-') + 1 : /^\p{L}{8,}/u.test(w) ? Math.min(room - 1, w.length - 3) : 0;
        if (at >= 3 && (w.includes('-') ? at <= room : true)) {
          const head = w.includes('-') ? w.slice(0, at) : `${w.slice(0, at)}-`;
          out.push(`${current} ${head}`);
          current = w.slice(at);
          continue;
        }
        out.push(current);
        current = w;
      } else current = current ? `${current} ${w}` : w;
    }
    out.push(current);
    return out.join('\n');
  }).join('\n');
}

/** Prefixes every line with "> " as a mail client quoting a message in a reply (blank lines become ">"). */
export function quoteLines(text: string, depth = 1): string {
  const marker = '>'.repeat(depth).split('').join(' ');
  return text.split('\n').map((l) => (l.trim() ? `${marker} ${l}` : marker)).join('\n');
}

/** A reply quoting `original` (wrapped at 65 columns, then quoted), with a greeting, an attribution line and a device signature. */
export function asEmailReply(original: string): string {
  return [
    'Have a look at the piece below, it is worth reading before Thursday.',
    '',
    'Sent from my iPhone',
    '',
    'On Tue, Nov 19, 2019 at 8:02 AM Analyst Desk <desk@example.org> wrote:',
    '',
    quoteLines(hardWrap(original, 65)),
    '',
  ].join('\n');
}
