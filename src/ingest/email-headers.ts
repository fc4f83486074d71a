/** Recognises e-mail by its header block, for files saved without an .eml extension. */
import { asciiHead } from './document.js';

const HEADER = /^([A-Za-z][A-Za-z0-9-]*):[ \t]?/;
// Headers only mail carries; "Subject:" or "Date:" alone also start memos and articles.
const MAIL_ONLY = /^(?:from|received|return-path|message-id|delivered-to|mime-version|dkim-signature|x-mailer|in-reply-to)$/i;

/** True when the head starts with an RFC 5322 header block: at least two headers, one of them mail-specific. */
export function looksLikeEmail(head: Uint8Array): boolean {
  const lines = asciiHead(head, 4096).split(/\r?\n/);
  let headers = 0;
  let mailOnly = 0;
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) continue; // folded continuation of the previous header
    const m = line.match(HEADER);
    if (!m) return false;
    headers++;
    if (MAIL_ONLY.test(m[1]!)) mailOnly++;
  }
  return headers >= 2 && mailOnly >= 1;
}

/** True when the head starts like an mbox: a "From " separator line followed by a header block. */
export function looksLikeMbox(head: Uint8Array): boolean {
  const text = asciiHead(head, 4096);
  if (!text.startsWith('From ')) return false;
  const next = text.indexOf('\n');
  return next > 0 && looksLikeEmail(head.subarray(next + 1));
}
