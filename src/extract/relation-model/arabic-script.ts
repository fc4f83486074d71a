/**
 * The relation model for Persian and Arabic sentences: the same candidate pairs, classes and trainer as the English
 * model, over surface features only (there is no Persian or Arabic parser), with the Arabic-script frames' verdicts as
 * features (ruleVerdicts sends Arabic-script sentences to the frames). Trained on PEYMA and ANERcorp sentences we
 * labelled (scripts/relations/train-arabic-script.ts). Letter variants are folded one character for one (ي/ی, ك/ک,
 * alef forms, digits) before features are read, so Persian and Arabic spellings share weights and every span still
 * points into the original text.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModelDir } from '../../nlp/ner/index.js';
import { foldArabicLetters } from '../../nlp/arabic-script.js';
import type { ExtractedRelation, ExtractionInput } from '../types.js';
import { extractRelationsModel } from './index.js';
import { loadLinearModel, type LinearModel } from './linear.js';

/** File name of the Persian/Arabic relation model inside the model folder. */
export const ARABIC_SCRIPT_MODEL_FILE = 'relations-fa-ar.bin.gz';

const cache = new Map<string, LinearModel | null>();

/** Loads the Persian/Arabic relation model from `modelDir`, or null when the folder has none (the frames then run alone). */
export function loadArabicScriptModel(modelDir: string = defaultModelDir()): LinearModel | null {
  if (!cache.has(modelDir)) {
    const path = join(modelDir, ARABIC_SCRIPT_MODEL_FILE);
    cache.set(modelDir, existsSync(path) ? loadLinearModel(path) : null);
  }
  return cache.get(modelDir)!;
}

/** The input with its text and mention texts folded (same length: offsets unchanged). */
export function foldInput(input: ExtractionInput): ExtractionInput {
  return { ...input, text: foldArabicLetters(input.text), mentions: input.mentions.map((m) => ({ ...m, text: foldArabicLetters(m.text) })) };
}

/** Extracts relations from Persian and Arabic sentences with the model; evidence and posts in the original spelling. */
export function arabicScriptModelExtractor(model: LinearModel): (input: ExtractionInput) => ExtractedRelation[] {
  return (input) => {
    const folded = foldInput(input);
    return extractRelationsModel(folded, { model }).map((r) => {
      const out: ExtractedRelation = { ...r, evidence: { ...r.evidence, text: input.text.slice(r.evidence.start, r.evidence.end) } };
      if (r.role !== undefined) {
        // The post as the sentence spells it: found in the folded evidence, read from the original at the same offsets.
        const at = folded.text.indexOf(r.role, r.evidence.start);
        if (at >= 0 && at + r.role.length <= r.evidence.end) out.role = input.text.slice(at, at + r.role.length);
      }
      return out;
    });
  };
}
