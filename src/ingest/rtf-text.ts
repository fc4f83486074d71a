/**
 * Plain text from RTF, for .rtf files and Outlook messages that keep their body only as (compressed) RTF: paragraphs
 * become lines, font tables, pictures and other destinations are skipped (page headers and footers are kept: some
 * writers put a whole letter in one), \'hh bytes are decoded in the document's code page.
 */
import iconv from 'iconv-lite';

// Destinations whose content is not text of the document.
const SKIPPED = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'themedata', 'colorschememapping', 'datastore', 'latentstyles', 'listtable', 'listoverridetable',
  // List definitions (also when a writer leaves them outside \listtable): level templates are bytes, not text.
  'list', 'listlevel', 'leveltext', 'levelnumbers', 'listname', 'listoverride', 'lfolevel', 'listpicture',
  'rsidtbl', 'generator', 'xmlnstbl', 'filetbl', 'revtbl', 'fldinst', 'bkmkstart', 'bkmkend', 'mmathPr',
]);
const BREAKS: Record<string, string> = { par: '\n', line: '\n', row: '\n', sect: '\n\n', page: '\n\n', tab: '\t', cell: '\t' };
const SYMBOLS: Record<string, string> = {
  emdash: '\u2014', endash: '\u2013', lquote: '\u2018', rquote: '\u2019', ldblquote: '\u201c', rdblquote: '\u201d', bullet: '\u2022',
};

interface Group {
  skip: boolean;
  uc: number;
  /** Nothing read since the group's "{": only there does "\\*" mark an ignorable destination. */
  fresh: boolean;
}

/** The text of an RTF document and whether its outermost group was closed (false: the file is cut short). */
export interface RtfReading {
  text: string;
  complete: boolean;
}

// A UTF-16 surrogate without its other half (\u-10240 alone) cannot be stored as text.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Converts RTF (given as a Latin-1 string, one character per byte) to text, e.g.
 * "{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}\f0 M\'fcller met the envoy.\par Next line.}" ->
 * "Müller met the envoy.\nNext line."
 */
export function rtfToText(rtf: string): string {
  return readRtf(rtf).text;
}

/** As rtfToText, and whether the outermost group closed; bytes after it (padding, junk some writers append) are ignored. */
export function readRtf(rtf: string): RtfReading {
  const codepage = /\\ansicpg(\d+)/.exec(rtf.slice(0, 2000))?.[1];
  const encoding = codepage && iconv.encodingExists(`cp${codepage}`) ? `cp${codepage}` : 'cp1252';
  const out: string[] = [];
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length > 0) out.push(iconv.decode(Buffer.from(bytes), encoding));
    bytes = [];
  };
  const stack: Group[] = [];
  let group: Group = { skip: false, uc: 1, fresh: true };
  let pendingSkip = 0; // characters standing in for the last \u character
  let opened = false;
  let complete = false;
  for (let i = 0; i < rtf.length; i++) {
    const c = rtf[i]!;
    if (c === '{') { stack.push(group); group = { ...group, fresh: true }; opened = true; continue; }
    if (c === '}') {
      flush();
      group = stack.pop() ?? group;
      if (opened && stack.length === 0) { complete = true; break; }
      continue;
    }
    if (c === '\r' || c === '\n') continue;
    const fresh = group.fresh;
    group.fresh = false;
    if (c !== '\\') {
      if (pendingSkip > 0) { pendingSkip--; continue; }
      if (!group.skip) { flush(); out.push(c); }
      continue;
    }
    const next = rtf[i + 1] ?? '';
    if (next === "'") {
      const byte = parseInt(rtf.slice(i + 2, i + 4), 16);
      i += 3;
      if (pendingSkip > 0) { pendingSkip--; continue; }
      if (!group.skip && !Number.isNaN(byte)) bytes.push(byte);
      continue;
    }
    const word = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(rtf.slice(i + 1, i + 45));
    if (!word) {
      i++;
      if (group.skip) continue;
      if (next === '*') { if (fresh) group.skip = true; continue; }
      if (next === '\\' || next === '{' || next === '}') { flush(); out.push(next); }
      else if (next === '~') { flush(); out.push('\u00a0'); }
      else if (next === '\n' || next === '\r') { flush(); out.push('\n'); }
      continue;
    }
    i += word[0].length;
    const name = word[1]!;
    const param = word[2] === undefined ? undefined : Number(word[2]);
    // \binN: N raw bytes follow (they may hold braces and backslashes).
    if (name === 'bin' && param !== undefined) { i += Math.max(0, param); continue; }
    if (SKIPPED.has(name)) { group.skip = true; continue; }
    if (name === 'uc' && param !== undefined) { group.uc = param; continue; }
    if (group.skip) continue;
    if (name === 'u' && param !== undefined) {
      flush();
      out.push(String.fromCharCode(param < 0 ? param + 65536 : param));
      pendingSkip = group.uc;
    } else if (BREAKS[name]) { flush(); out.push(BREAKS[name]); }
    else if (SYMBOLS[name]) { flush(); out.push(SYMBOLS[name]); }
  }
  flush();
  const text = out.join('').replace(LONE_SURROGATE, '\ufffd').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return { text, complete };
}
