/**
 * A PDF text layer that is mostly junk: a font whose ToUnicode table maps glyphs to control characters, private-use
 * code points or U+FFFD, so pdftotext returns "\x01\x02\x03 NOPQ" where the page shows words. Such a page is read
 * with OCR instead (pages.ts); without OCR its junk characters are removed and the page is flagged.
 */

// C0 controls other than tab, line feed, form feed and carriage return; DEL and C1 controls; private use; U+FFFD.
const JUNK = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ue000-\uf8ff\ufffd]/g;

/** Share of junk among the non-space characters from which a page counts as garbled. */
export const GARBLED_SHARE = 0.2;

/** Whether a page's text is garbled: at least 10 visible characters, of which GARBLED_SHARE or more are junk. */
export function isGarbled(text: string): boolean {
  return text.replace(/\s+/g, '').length >= 10 && garbledShare(text) >= GARBLED_SHARE;
}

/** Share of junk among the visible (non-space) characters, 0 for text without any. */
export function garbledShare(text: string): number {
  const visible = text.replace(/\s+/g, '').length;
  return visible === 0 ? 0 : (text.match(JUNK)?.length ?? 0) / visible;
}

/** The text without junk characters. */
export function stripJunk(text: string): string {
  return text.replace(JUNK, '');
}
