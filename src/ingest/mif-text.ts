/**
 * The text of a FrameMaker MIF file (Maker Interchange Format, Adobe's documented plain-text form of a FrameMaker
 * document): MIF is a tree of `<Statement value ...>`; the words are in `<String `...'>` statements of `<ParaLine>`s,
 * one `<Para>` per paragraph, in `<TextFlow>`s; tables (`<Tbls>`, written before the flows) are placed where a
 * paragraph anchors them (`<ATbl id>`), a row per line and cells separated by tabs. Written from the MIF Reference.
 */

/** What the walker sees: a statement opening (its name and the plain value after it), a string, or a statement closing. */
type MifEvent = { kind: 'open'; name: string; value: string } | { kind: 'string'; value: string } | { kind: 'close' };

/** FrameMaker's special characters written as `\xNN ` inside strings. */
const SPECIAL: Record<number, string> = { 0x04: '', 0x05: '', 0x08: '\t', 0x09: '\n', 0x10: ' ', 0x11: ' ', 0x12: ' ', 0x13: ' ', 0x14: ' ', 0x15: '-' };

/** `<Char Name>` statements. */
const CHARS: Record<string, string> = {
  Tab: '\t', HardSpace: ' ', SoftHyphen: '', DiscHyphen: '', NoHyphen: '', HardHyphen: '-', HardReturn: '\n',
  EmDash: '—', EnDash: '–', Cent: '¢', Pound: '£', Yen: '¥', NumberSpace: ' ', ThinSpace: ' ', EnSpace: ' ', EmSpace: ' ',
};

const macRoman = new TextDecoder('macintosh');

/** Undoes a string's escapes: \> \q \Q \\ \t and \xNN (with the space that ends it). */
function unescape(raw: string): string {
  return raw.replace(/\\(x([0-9a-fA-F]{2}) ?|[>qQ\\t])/g, (_, esc: string, hex: string | undefined) => {
    if (hex) {
      const code = parseInt(hex, 16);
      return code in SPECIAL ? SPECIAL[code]! : code >= 0x80 ? macRoman.decode(new Uint8Array([code])) : String.fromCharCode(code);
    }
    return esc === 'q' ? "'" : esc === 'Q' ? '`' : esc === 't' ? '\t' : esc;
  });
}

/** Reads the statements in order; linear in the text. */
function* events(text: string): Generator<MifEvent> {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '<') {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      const name = text.slice(i + 1, j);
      let k = j;
      while (k < n && text[k] !== '<' && text[k] !== '>' && text[k] !== '`' && text[k] !== '#') k++;
      yield { kind: 'open', name, value: text.slice(j, k).trim() };
      i = k;
    } else if (c === '>') {
      yield { kind: 'close' };
      i++;
    } else if (c === '`') {
      let j = i + 1;
      while (j < n && text[j] !== "'") j += text[j] === '\\' ? 2 : 1;
      yield { kind: 'string', value: unescape(text.slice(i + 1, j)) };
      i = j + 1;
    } else if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
    } else {
      i++;
    }
  }
}

/** A table being read: rows of cells, each cell its paragraphs. */
interface Table { rows: string[][] }

/** The document's paragraphs as text, a blank line between paragraphs, tables where they are anchored. */
export function mifText(text: string): string {
  const tables = new Map<string, Table>();
  const out: string[] = [];
  const stack: string[] = [];
  let table: Table | undefined;
  let tableId = '';
  let para: string[] | undefined;
  let anchored: string[] = [];
  // Reference pages hold FrameMaker's own tables (HTML mapping, conversion macros), not the document: their text
  // frames are known from the <Page> statements, written before the flows, and their paragraphs left out.
  const referenceRects = new Set<string>();
  let pageType = '';
  let rect = '';
  for (const e of events(text)) {
    if (e.kind === 'open') {
      stack.push(e.name);
      const parent = stack[stack.length - 2];
      if (e.name === 'PageType' && parent === 'Page') pageType = e.value;
      else if (e.name === 'ID' && parent === 'TextRect' && stack.includes('Page') && pageType === 'ReferencePage') referenceRects.add(e.value);
      else if (e.name === 'TextRectID' && para) rect = e.value;
      else if (e.name === 'Tbl') table = { rows: [] };
      else if (e.name === 'TblID' && table && stack.length >= 2 && stack[stack.length - 2] === 'Tbl') tableId = e.value;
      else if (e.name === 'Row' && table) table.rows.push([]);
      else if (e.name === 'Cell' && table) table.rows.at(-1)?.push('');
      else if (e.name === 'Para') { para = []; anchored = []; rect = ''; }
      else if (e.name === 'Char' && para) para.push(CHARS[e.value] ?? '');
      else if (e.name === 'ATbl' && para && !table) anchored.push(e.value);
    } else if (e.kind === 'string') {
      if (para && stack.at(-1) === 'String') para.push(e.value);
    } else {
      const name = stack.pop();
      if (name === 'Page') pageType = '';
      if (name === 'Para' && para && referenceRects.has(rect)) {
        para = undefined;
      } else if (name === 'Para' && para) {
        const words = para.join('').replace(/[ \t]+\n/g, '\n').trim();
        if (table) {
          const row = table.rows.at(-1);
          if (row && row.length > 0 && words) row[row.length - 1] = row[row.length - 1] ? `${row[row.length - 1]} ${words}` : words;
        } else {
          if (words) out.push(words);
          for (const id of anchored) {
            const t = tables.get(id);
            if (t) out.push(t.rows.map((r) => r.join('\t').trimEnd()).filter(Boolean).join('\n'));
          }
        }
        para = undefined;
      } else if (name === 'Tbl' && table) {
        if (tableId) tables.set(tableId, table);
        table = undefined;
        tableId = '';
      }
    }
  }
  return out.filter(Boolean).join('\n\n');
}
