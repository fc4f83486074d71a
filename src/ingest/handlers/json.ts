/** Any other JSON: its string values, joined with newlines, are the text. */
import { IngestFailure, type FormatHandler } from '../handler.js';
import { decodeText } from '../decode.js';
import { newDocument } from '../document.js';

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
      throw new IngestFailure('invalid-json', `${input.path} is not valid JSON: ${(err as Error).message}`);
    }
    const strings: string[] = [];
    collectStrings(value, strings);
    return newDocument(input, 'json', strings.join('\n'), { mimeType: 'application/json' });
  },
};

// Iterative so a deeply nested hostile file cannot overflow the stack.
function collectStrings(root: unknown, out: string[]): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.trim()) out.push(value);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (value && typeof value === 'object') {
      const values = Object.values(value);
      for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
    }
  }
}
