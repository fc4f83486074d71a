/** Apple Mail messages (.emlx): a line with the message's byte count, the RFC 5322 message, then an XML property list. */
import { IngestFailure, type FormatHandler } from '../handler.js';
import { asciiHead, sha256Hex } from '../document.js';
import { looksLikeEmail } from '../email-headers.js';
import { emailHandler } from './email.js';

// "1234\n" or "1234      \n": Apple pads the count with spaces in some versions.
const COUNT_LINE = /^(\d{1,12})[ \t]*\r?\n/;

/** Reads the message part with the e-mail handler; the document keeps the whole file as its original. */
export const emlxHandler: FormatHandler = {
  name: 'emlx',
  extensions: ['.emlx'],
  sniff(head) {
    const m = asciiHead(head, 32).match(COUNT_LINE);
    return m !== null && looksLikeEmail(head.subarray(m[0].length));
  },
  async read(input) {
    const m = asciiHead(input.bytes, 32).match(COUNT_LINE);
    if (!m) throw new IngestFailure('corrupt-email', `${input.path} is not an Apple Mail message: it does not start with the line giving the message's length.`);
    const start = m[0].length;
    const length = Number(m[1]);
    if (start + length > input.bytes.byteLength) {
      throw new IngestFailure('corrupt-email', `${input.path} is a truncated Apple Mail message: ${length} bytes announced, ${input.bytes.byteLength - start} present.`);
    }
    // The plist after the message holds Mail's flags and dates, not text of the message.
    const doc = await emailHandler.read({ ...input, bytes: input.bytes.subarray(start, start + length) });
    doc.format = 'emlx';
    doc.original = input.bytes;
    doc.sha256 = sha256Hex(input.bytes);
    return doc;
  },
};
