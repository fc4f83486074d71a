/**
 * Per-page OCR confidence kept in a document's metadata (no schema change): `meta.ocrConfidence` lists one value per
 * page, empty for pages read from a text layer ("" , "0.874", "0.912" -> ",0.874,0.912"); `meta.ocrLanguages` alike.
 */

/** Metadata key of the per-page confidences. */
export const OCR_CONFIDENCE_KEY = 'ocrConfidence';
/** Metadata key of the per-page Tesseract languages. */
export const OCR_LANGUAGES_KEY = 'ocrLanguages';
/** Below this mean word confidence a page is marked as doubtful in the reader. */
export const LOW_OCR_CONFIDENCE = 0.7;

/** Encodes one value per page (undefined: not OCR'd) as the metadata string. */
export function formatOcrConfidence(perPage: (number | undefined)[]): string {
  return perPage.map((c) => (c === undefined ? '' : c.toFixed(3))).join(',');
}

/** Decodes `meta.ocrConfidence`: one entry per page, null where the page was not OCR'd (or read no word). */
export function parseOcrConfidence(meta: Record<string, string> | undefined): (number | null)[] {
  const raw = meta?.[OCR_CONFIDENCE_KEY];
  if (!raw) return [];
  return raw.split(',').map((v) => (v === '' || !Number.isFinite(Number(v)) ? null : Number(v)));
}
