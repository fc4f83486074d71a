/**
 * The resolution a scanned PDF page is rendered at for OCR. A scan is an image placed on the page; rendering far above
 * the image's own resolution gives Tesseract no new detail, only enlarged pixels: a 1-bit, 72-ppi scan (fax and JBIG2
 * pages) drawn at 300 dpi is 4x blocky staircases, and Tesseract then misreads digits inside words ("JBIG2" read as
 * "JBI?", "currently" as "currantly"). Drawn at twice its own resolution it reads them right. So a page is rendered at
 * the configured resolution, but at most twice the resolution of its largest image (never below MIN_DPI).
 */
import { runPoppler } from '../pdf-text.js';

/** The lowest resolution a page is rendered at whatever its images. */
export const MIN_DPI = 100;
/** A scan is drawn at most this many times its own resolution. */
export const MAX_UPSCALE = 2;

/** One image as `pdfimages -list` lists it: its page, size in pixels and resolution (pixels per inch) across and down. */
export interface PageImage { page: number; width: number; height: number; xPpi: number; yPpi: number }

/** A page's size in points (1/72 inch), as `pdfinfo` gives it. */
export interface PageSize { width: number; height: number }

/** Reads `pdfimages -list` output: the images (not masks) with their page, size in pixels and resolution. */
export function parseImageList(listing: string): PageImage[] {
  const images: PageImage[] = [];
  for (const line of listing.split('\n')) {
    const cols = line.trim().split(/\s+/u);
    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
    if (cols.length < 14 || !/^\d+$/u.test(cols[0]!) || cols[2] !== 'image') continue;
    const [page, width, height, xPpi, yPpi] = [cols[0], cols[3], cols[4], cols[12], cols[13]].map(Number) as [number, number, number, number, number];
    if (![page, width, height, xPpi, yPpi].every(Number.isFinite)) continue;
    if (xPpi > 0 && yPpi > 0) images.push({ page, width, height, xPpi, yPpi });
  }
  return images;
}

/** Reads `pdfinfo -f 1 -l N` output: each page's size in points. */
export function parsePageSizes(info: string): Map<number, PageSize> {
  const sizes = new Map<number, PageSize>();
  for (const m of info.matchAll(/^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts/gmu)) {
    sizes.set(Number(m[1]), { width: Number(m[2]), height: Number(m[3]) });
  }
  return sizes;
}

/**
 * Per page, the resolution of its scan: the largest image (by pixels) drawn over at least half the page's area, its
 * lower resolution of the two axes. Pages without such an image are absent.
 */
export function scanResolutions(images: PageImage[], pages: Map<number, PageSize>): Map<number, number> {
  const best = new Map<number, PageImage>();
  for (const image of images) {
    const page = pages.get(image.page);
    if (!page) continue;
    const drawn = (image.width / image.xPpi) * (image.height / image.yPpi) * 72 * 72;
    if (drawn < 0.5 * page.width * page.height) continue;
    const seen = best.get(image.page);
    if (!seen || image.width * image.height > seen.width * seen.height) best.set(image.page, image);
  }
  return new Map([...best].map(([n, image]) => [n, Math.min(image.xPpi, image.yPpi)]));
}

/** The resolution to render a page at: `dpi`, lowered to MAX_UPSCALE times the page's scan resolution when known. */
export function renderDpi(dpi: number, scanPpi: number | undefined): number {
  if (scanPpi === undefined || !(scanPpi > 0)) return dpi;
  return Math.max(Math.min(dpi, MIN_DPI), Math.min(dpi, Math.round(scanPpi * MAX_UPSCALE)));
}

/**
 * The scan resolution of each page of a PDF file, from poppler's `pdfimages -list` (it reads the page tree, not the
 * image data) and `pdfinfo` (page sizes, only when there are images). Resolves to an empty map when either tool fails:
 * the pages are then rendered at the configured resolution, as before.
 */
export async function pdfScanResolutions(pdf: string): Promise<Map<number, number>> {
  const listing = await output('pdfimages', ['-list', pdf]);
  const images = listing ? parseImageList(listing) : [];
  if (images.length === 0) return new Map();
  const last = images.reduce((n, i) => Math.max(n, i.page), 0);
  const info = await output('pdfinfo', ['-f', '1', '-l', String(last), pdf]);
  return info ? scanResolutions(images, parsePageSizes(info)) : new Map();
}

/** A poppler tool's standard output, or null when it cannot run, fails or runs out of time. */
async function output(command: string, args: string[]): Promise<string | null> {
  const result = await runPoppler(command, args, new Uint8Array()).catch(() => null);
  return result && result.code === 0 ? result.stdout : null;
}
