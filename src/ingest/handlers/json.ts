/** Any other JSON: its string values, joined with newlines, are the text. */
import { IngestFailure, type FormatHandler } from '../handler.js';
import { decodeText } from '../decode.js';
import { newDocument } from '../document.js';
import { jsonlHandler } from './jsonl.js';

/** Reads a JSON file as the text of its string values, in document order. */
export const jsonHandler: FormatHandler = {
  name: 'json',
  extensions: ['.json'],
  async read(input) {
    const { text } = decodeText(input.bytes, input.path);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      // JSON Lines saved as .json (a common export): one record per line, each a JSON object.
      if (looksLikeJsonLines(text)) return jsonlHandler.read(input);
      throw new IngestFailure('invalid-json', `${input.path} is not valid JSON: ${(err as Error).message}`);
    }
    const strings: string[] = [];
    collectStrings(value, strings);
    return newDocument(input, 'json', strings.join('\n'), { mimeType: 'application/json' });
  },
};

// Iterative so a deeply nested hostile file cannot overflow the stack. Byte strings (CBOR) hold no text.
export function collectStrings(root: unknown, out: string[]): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.trim()) out.push(value);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (value instanceof Map) {
      // CBOR maps whose keys are not all strings (cbor.ts): their values, in order
      const values = [...(value as Map<unknown, unknown>).values()];
      for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
    } else if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      const values = Object.values(value);
      for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
    }
  }
}

/** Two or more non-empty lines, the first two each a whole JSON object: JSON Lines, whatever the file is called. */
function looksLikeJsonLines(text: string): boolean {
  const lines: string[] = [];
  // Reads line by line from the start: only the first two non-empty lines are needed, whatever the file's size.
  for (let at = 0; at < text.length && lines.length < 2;) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const t = text.slice(at, end).trim();
    if (t !== '') lines.push(t);
    at = end + 1;
  }
  if (lines.length < 2) return false;
  return lines.every((l) => {
    if (!l.startsWith('{')) return false;
    try {
      const v: unknown = JSON.parse(l);
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    } catch {
      return false;
    }
  });
}
