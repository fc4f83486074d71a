/** Rich Text Format documents (WordPad, Word "Save as RTF", TextEdit, many e-mail clients): text, title and author. */
import { IngestFailure, type FormatHandler } from '../handler.js';
import { asciiHead, newDocument } from '../document.js';
import { readRtf, rtfToText } from '../rtf-text.js';
import { normalizeDate } from '../dates.js';

// "{\rtf1" opens every RTF file; some writers put a byte-order mark or blank lines before it.
const SIGNATURE = /^(?:\ufeff|\xef\xbb\xbf)?\s*\{\\rtf/;

/** Reads RTF with our reader (rtf-text.ts): destinations such as fonts, pictures and fields skipped, code pages decoded. */
export const rtfHandler: FormatHandler = {
  name: 'rtf',
  extensions: ['.rtf'],
  sniff(head) {
    return SIGNATURE.test(asciiHead(head, 64));
  },
  async read(input) {
    // One character per byte: \'hh escapes and code-page text are decoded by the reader, not here.
    const rtf = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength).toString('latin1');
    if (!SIGNATURE.test(rtf.slice(0, 64))) {
      throw new IngestFailure('corrupt-rtf', `${input.path} is named .rtf but does not start with "{\\rtf": not a Rich Text Format file.`);
    }
    const { text, complete } = readRtf(rtf);
    // Cut short: the outermost group never closes and the file does not even end with a brace (writers that drop one
    // closing brace, or count \bin bytes wrongly, are read all the same).
    if (!complete && !/\}\s*\0*$/.test(rtf.slice(-64))) {
      throw new IngestFailure('corrupt-rtf', `${input.path} is truncated: the RTF document does not end with its closing brace.`);
    }
    const doc = newDocument(input, 'rtf', text, { mimeType: 'application/rtf', ...infoOf(rtf) });
    if (text.trim() === '') doc.warnings = [{ path: input.path, code: 'no-text', message: `${input.path}: the RTF document holds no text (only pictures or objects?).` }];
    return doc;
  },
};

/** Title, author and creation date from the \info group ("{\title Memo}{\author A. B.}{\creatim\yr2019\mo11\dy19}"). */
function infoOf(rtf: string): { title?: string; author?: string; published?: string } {
  const info = group(rtf, rtf.indexOf('{\\info'));
  const field = (name: string): string | undefined => {
    const m = new RegExp(`\\{\\\\${name}\\s+((?:[^{}\\\\]|\\\\.[^\\\\{}]*)*)\\}`).exec(info);
    return m ? rtfToText(`{\\rtf1 ${m[1]}}`).trim() || undefined : undefined;
  };
  const out: { title?: string; author?: string; published?: string } = {};
  const title = field('title');
  const author = field('author');
  if (title) out.title = title;
  if (author) out.author = author;
  const created = /\\creatim\\yr(\d{4})\\mo(\d{1,2})\\dy(\d{1,2})/.exec(info);
  const date = created ? normalizeDate(`${created[1]}-${created[2]!.padStart(2, '0')}-${created[3]!.padStart(2, '0')}`) : undefined;
  if (date) out.published = date;
  return out;
}

/** The text of the brace group opening at `start` (escaped braces skipped), or '' when there is none. */
function group(rtf: string, start: number): string {
  if (start < 0) return '';
  let depth = 0;
  for (let i = start; i < rtf.length && i < start + 200_000; i++) {
    const c = rtf[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return rtf.slice(start, i + 1);
  }
  return '';
}
