// The per-letter ratio from which the transliteration model takes a word pair for one name: the lowest at which
// wrong pairs of the dev splits (each Arabic word against the English word 7, 13 and 29 rows on) match at most
// MAX_FALSE of the time. Tuned on dev, as the data README allows.
import { arabicLetters, latinLetters } from '../../src/resolve/translit/letters.js';
import type { TranslitModel } from '../../src/resolve/translit/model.js';
import { readSplit, SETS } from './data.js';

const MAX_FALSE = 0.002;

/** Chooses the threshold; 0 when no dev data is there. */
export function chooseThreshold(model: TranslitModel): number {
  const wrong: number[] = [];
  for (const set of Object.keys(SETS)) {
    const rows = (readSplit(set, 'dev') ?? []).slice(0, 2000);
    rows.forEach((r, i) => {
      const letters = arabicLetters(r.arabic);
      for (const step of [7, 13, 29]) {
        const other = latinLetters(rows[(i + step) % rows.length]!.english);
        if (other !== latinLetters(r.english)) wrong.push(model.ratio(letters, other));
      }
    });
  }
  if (wrong.length === 0) return 0;
  wrong.sort((a, b) => b - a);
  return Number((wrong[Math.floor(wrong.length * MAX_FALSE)] ?? 0).toFixed(3));
}
