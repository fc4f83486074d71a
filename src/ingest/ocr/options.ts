/** How documents are OCR'd: on or off, the language, the Tesseract binary, time limits and a per-page callback. */

/** OCR settings passed from the CLI or the programmatic ingest API down to the handlers. */
export interface OcrOptions {
  /** False turns OCR off: images and PDF pages without a text layer are stored blank with the warning "no-text". */
  enabled: boolean;
  /** Tesseract language(s) such as "fas+eng", or "auto" to choose per page from the script Tesseract sees. */
  lang: string;
  /** The tesseract executable (default "tesseract", or $CABLEGRAPH_TESSERACT). */
  binary: string;
  /** A page taking longer than this is stopped and recorded as failed (default 120 s). */
  pageTimeoutMs: number;
  /** pdftoppm resolution for PDF pages (default 300 dpi). */
  dpi: number;
  /** Called once for each page OCR'd (for the progress line's pages/s). */
  onPage?: (page: { seconds: number; confidence: number | undefined }) => void;
}

/** The defaults: on, language chosen per page, 300 dpi, two minutes a page. */
export function defaultOcrOptions(overrides: Partial<OcrOptions> = {}): OcrOptions {
  return {
    enabled: true,
    lang: 'auto',
    binary: process.env.CABLEGRAPH_TESSERACT || 'tesseract',
    pageTimeoutMs: 120_000,
    dpi: 300,
    ...overrides,
  };
}
