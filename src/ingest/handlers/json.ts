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
      // Pretty-printed objects one after another (jq output, logs, RFC 7464 sequences): read as one list of them.
      const values = concatenatedJson(text);
      if (values) value = values;
      else throw new IngestFailure('invalid-json', `${input.path} is not valid JSON: ${(err as Error).message}`);
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

/**
 * Two or more JSON objects or arrays written one after another (separated by white space or RFC 7464's record
 * separator), or null when the text is not that. One pass over the text: each top-level value's end is found by
 * counting brackets outside strings, then parsed alone.
 */
export function concatenatedJson(text: string): unknown[] | null {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      if (depth === 0) return null; // a bare string at the top level
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (depth++ === 0) start = i;
    } else if (c === 0x7d || c === 0x5d) {
      if (--depth < 0) return null;
      if (depth === 0) {
        try {
          values.push(JSON.parse(text.slice(start, i + 1)));
        } catch {
          return null;
        }
      }
    } else if (depth === 0 && !(c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x1e || c === 0xfeff)) {
      return null; // anything else between values: not a sequence of objects
    }
  }
  return depth === 0 && !inString && values.length >= 2 ? values : null;
}
