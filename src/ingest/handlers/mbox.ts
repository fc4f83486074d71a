/** Mailboxes in mbox format: each message is a child document read by the e-mail handler. */
import type { ExtractedDocument, IngestError } from '../../model/index.js';
import { IngestFailure, type FormatHandler } from '../handler.js';
import { newDocument, toWarning } from '../document.js';
import { looksLikeMbox } from '../email-headers.js';

/** Reads an mbox; messages are named "box.mbox!/<n>.eml" in mailbox order. */
export const mboxHandler: FormatHandler = {
  name: 'mbox',
  extensions: ['.mbox', '.mbx'],
  container: true,
  sniff: looksLikeMbox,
  async read(input) {
    const messages = splitMbox(input.bytes);
    if (messages.length === 0) throw new IngestFailure('corrupt-email', `${input.path} holds no message (no "From " separator line).`);
    const children: ExtractedDocument[] = [];
    const warnings: IngestError[] = [];
    for (const [i, message] of messages.entries()) {
      const path = `${input.path}!/${i + 1}.eml`;
      try {
        children.push(await input.readChild(path, message));
      } catch (err) {
        warnings.push(toWarning(path, err));
      }
    }
    const listing = children.map((c) => `${c.published ?? ''} ${c.title ?? c.path}`.trim()).join('\n');
    return newDocument(input, 'mbox', listing, { mimeType: 'application/mbox', children, warnings });
  },
};

/**
 * Splits at "From " lines that start the file or follow a newline, dropping the separator line itself, and undoes
 * the mboxrd quoting of body lines (">From " -> "From ").
 */
function splitMbox(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const starts: number[] = [];
  const separator = /(?:^|\n)From [^\n]*\d{4}[^\n]*\n/g;
  for (const m of text.matchAll(separator)) starts.push(m.index! + (m[0].startsWith('\n') ? 1 : 0));
  const out: Uint8Array[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? text.length;
    const chunk = text.slice(start, end);
    const body = chunk.slice(chunk.indexOf('\n') + 1).replace(/^>(>*From )/gm, '$1');
    // latin1 round-trips every byte, so the message's own encoding is left for the e-mail handler to read.
    if (body.trim()) out.push(new Uint8Array(Buffer.from(body, 'latin1')));
  }
  return out;
}
