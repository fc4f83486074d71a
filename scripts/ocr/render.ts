/** Renders text to a page image with ImageMagick's pango coder (which shapes Arabic script), for OCR fixtures and evaluation. */
import { execFileSync } from 'node:child_process';

/** How a page is drawn: font family, size in points, resolution and width in pixels. */
export interface RenderStyle {
  font: string;
  points: number;
  dpi: number;
  width: number;
}

/** Font that suits a language: Naskh for Persian and Arabic, a serif for English (as typed cables and letters look). */
export function fontFor(lang: string): string {
  return lang === 'en' ? 'Noto Serif' : 'Noto Naskh Arabic';
}

/** Escapes text for pango markup. */
function markup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Draws `text` (paragraphs separated by blank lines, wrapped to the width) in grey on white and writes `out` (the
 * extension picks the format); `extra` are ImageMagick options applied after drawing (noise, blur, rotation).
 */
export function renderPage(text: string, out: string, style: RenderStyle, extra: string[] = []): void {
  // pango's -density sizes the canvas for 72 dpi and overdraws lines, so the font size is scaled instead.
  const size = ((style.points * style.dpi) / 72).toFixed(1);
  const body = `<span font="${style.font} ${size}">${markup(text)}</span>`;
  execFileSync('convert', [
    '-size', `${style.width}x`, '-background', 'white', `pango:${body}`,
    '-bordercolor', 'white', '-border', String(Math.round(style.dpi / 4)), '-colorspace', 'Gray', ...extra,
    '-units', 'PixelsPerInch', '-density', String(style.dpi), out,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
}
