/** Plain text and Markdown, in UTF-8, UTF-16 (with BOM) or a legacy single-byte encoding. */
import type { FormatHandler } from '../handler.js';
import { decodeText } from '../decode.js';
import { newDocument } from '../document.js';

/** Reads plain text and Markdown; the text is kept as decoded (line endings too) so offsets match the original. */
export const textHandler: FormatHandler = {
  name: 'text',
  extensions: ['.txt', '.text', '.md', '.markdown', '.log', '.rst', '.asc'],
  async read(input) {
    const { text, encoding } = decodeText(input.bytes, input.path);
    const mimeType = /\.(md|markdown)$/i.test(input.path) ? 'text/markdown' : 'text/plain';
    return newDocument(input, 'text', text, { mimeType, meta: { encoding } });
  },
};
