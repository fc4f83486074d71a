/**
 * `cablegraph eval names FILE.tsv`: for each Arabic-script name of a file, ranks every Latin name of the file by the
 * transliteration model and reports how often the file's own Latin name comes first (top1) and among the first
 * five (top5). A skeleton index picks the PREFILTER most similar names first when the file is large.
 */
import { readFileSync } from 'node:fs';
import { prepareArabic, prepareLatin, scorePrepared } from './index.js';
import type { TranslitModel } from './model.js';
import { arabicSkeleton, latinSkeleton, SkeletonIndex } from './prefilter.js';

/** Names ranked by the full model per Arabic name when the file holds more pairs than FULL_RANK_LIMIT. */
export const PREFILTER = 300;
/** Up to this many pairs every Latin name is scored against every Arabic one (above it the prefilter costs no top1 on names-google-ar2en dev). */
export const FULL_RANK_LIMIT = 1000;

/** Results of one evaluation. */
export interface NamesEvalResult {
  pairs: number;
  top1: number;
  top5: number;
  /** How often the right name was among the prefiltered ones (1 when every name was scored). */
  prefilterRecall: number;
  seconds: number;
  /** Arabic name, expected Latin name and the model's first choice, for pairs it got wrong. */
  errors: { arabic: string; expected: string; got: string }[];
}

/**
 * Reads name pairs from a TSV whose header names the columns "arabic" and "english" (others ignored); a column
 * "arabic_chars" (letters separated by spaces, as in names-wikidata-en-ar) is read as "arabic".
 */
export function readNamePairs(text: string): { arabic: string; english: string }[] {
  const [header = '', ...lines] = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const cols = header.split('\t').map((c) => c.trim().toLowerCase());
  const en = cols.indexOf('english');
  const ar = cols.indexOf('arabic');
  const chars = cols.indexOf('arabic_chars');
  if (en < 0 || (ar < 0 && chars < 0)) throw new Error('the header must name the columns "arabic" and "english"');
  return lines.filter((l) => l.trim() !== '').map((l) => {
    const f = l.split('\t');
    return { arabic: ar >= 0 ? f[ar] ?? '' : (f[chars] ?? '').replace(/ /g, ''), english: f[en] ?? '' };
  }).filter((p) => p.arabic.trim() !== '' && p.english.trim() !== '');
}

/** Ranks and scores the pairs. A Latin spelling equal to the expected one elsewhere in the file is not a competitor. */
export function evaluateNamePairs(model: TranslitModel, pairs: { arabic: string; english: string }[], prefilter = PREFILTER, fullLimit = FULL_RANK_LIMIT): NamesEvalResult {
  const t0 = performance.now();
  const latin = pairs.map((p) => prepareLatin(p.english));
  const latinKey = latin.map((l) => l.join(' '));
  const full = pairs.length <= fullLimit;
  const index = full ? null : new SkeletonIndex(latin.map((l) => latinSkeleton(l.join(''))));
  const all = pairs.map((_, i) => i);
  let top1 = 0;
  let top5 = 0;
  let inPrefilter = 0;
  const errors: NamesEvalResult['errors'] = [];
  pairs.forEach((p, i) => {
    const arabic = prepareArabic(p.arabic);
    const candidates = index ? index.nearest(arabicSkeleton(model, arabic.joined), prefilter) : all;
    // Each distinct spelling once, with its best score.
    const best = new Map<string, number>();
    for (const j of candidates) {
      const key = latinKey[j]!;
      if (best.has(key)) continue;
      best.set(key, scorePrepared(model, arabic, latin[j]!).ratio);
    }
    const gold = best.get(latinKey[i]!);
    if (gold === undefined) {
      errors.push({ arabic: p.arabic, expected: p.english, got: '(not in prefilter)' });
      return;
    }
    inPrefilter++;
    let better = 0;
    let first = latinKey[i]!;
    let firstScore = gold;
    for (const [key, s] of best) {
      if (key === latinKey[i] || !(s > gold)) continue;
      better++;
      if (s > firstScore) [first, firstScore] = [key, s];
    }
    if (better === 0) top1++;
    else errors.push({ arabic: p.arabic, expected: p.english, got: first });
    if (better < 5) top5++;
  });
  const n = Math.max(1, pairs.length);
  return { pairs: pairs.length, top1: top1 / n, top5: top5 / n, prefilterRecall: inPrefilter / n, seconds: (performance.now() - t0) / 1000, errors };
}

/** Evaluates a file and formats the report; its last line is "top1 X top5 Y". */
export function evaluateNamesFile(model: TranslitModel, file: string, options: { errors?: boolean; prefilter?: number } = {}): { result: NamesEvalResult; report: string } {
  const prefilter = options.prefilter ?? PREFILTER;
  const result = evaluateNamePairs(model, readNamePairs(readFileSync(file, 'utf8')), prefilter);
  const lines = [
    `${result.pairs} name pairs; every Latin name of the file ranked for each Arabic-script name${result.pairs > FULL_RANK_LIMIT ? ` (best ${prefilter} by skeleton first; right name among them ${(100 * result.prefilterRecall).toFixed(1)}%)` : ''}`,
    `${(result.pairs / Math.max(1e-9, result.seconds)).toFixed(0)} names/s`,
  ];
  if (options.errors) for (const e of result.errors) lines.push(`  ${e.arabic}\texpected ${e.expected}\tgot ${e.got}`);
  lines.push(`top1 ${result.top1.toFixed(4)} top5 ${result.top5.toFixed(4)}`);
  return { result, report: lines.join('\n') };
}
