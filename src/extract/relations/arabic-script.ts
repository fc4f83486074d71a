/**
 * Relations in Persian and Arabic sentences: the Arabic-script frames over masked sentences, with negation and hedges
 * read in those languages. A document mixing scripts (an English report quoting a Persian statement) sends each
 * sentence to the extractor of its script: the English parser and model never see a Persian sentence.
 */
import type { Span } from '../../model/index.js';
import { arabicScriptShare } from '../../nlp/arabic-script.js';
import { maskSentences } from '../masked.js';
import { PRONOUN_TEXT, withPronouns } from '../pronouns.js';
import type { ExtractedRelation, ExtractionInput } from '../types.js';
import { compileFrames, runFrames } from './frame.js';
import { ARABIC_SCRIPT_FRAMES, w } from './arabic-script-frames.js';

const FRAMES = compileFrames(ARABIC_SCRIPT_FRAMES);
const ARABIC_LETTER = /\p{Script=Arabic}/u;

// A denial or negation shortly before the match or inside it: "لم يلتق", "نفى أن يكون التقى", "تکذیب کرد".
// Arabic writes the conjunction onto the word that opens a clause ("ونفى", "ويُعتقد").
const NEGATION = new RegExp(`(?:^|[\\s،,])[وف]?(?:${w('لم|لن|ليس|لا|نفى|نفت|ينفي|تنفي|نفي|تکذیب|نفی|هرگز')})(?=\\s)`, 'u');
// Hearsay and modality: "ربما", "يعتقد", "احتمالا", "گفته می‌شود", "ممکن است".
// ("وقد" before a past verb is "and indeed", so "قد" takes no conjunction).
const HEDGE = new RegExp(`(?:^|\\s)(?:${w('قد')}|[وف]?${w('ربما|يعتقد|يُعتقد|يقال|احتمالا|احتمالاً|ممکن است|گفته می‌شود|ظاهرا|ظاهراً|گویا')})(?=\\s)`, 'u');
// How far before a match a negation or hedge still governs it (characters of masked text).
const SCOPE_BEFORE = 30;

/** True when most letters of the span are Arabic script (Persian, Arabic, Urdu, Kurdish). */
export function isArabicScript(text: string, span: Span): boolean {
  return arabicScriptShare(text, span.start, span.end) > 0.5;
}

/** Relations the Persian and Arabic frames find, one per (type, pair, sentence), the most confident kept. */
export function extractArabicScriptRelations(input: ExtractionInput): ExtractedRelation[] {
  const best = new Map<string, ExtractedRelation>();
  // "وی" and "او" stand in for the one person named just before them ("... . وی با X دیدار کرد"), as English "he".
  for (const s of maskSentences({ ...input, mentions: withPronouns(input.text, input.mentions, input.within) })) {
    if (s.mentions.length < 2) continue;
    for (const hit of runFrames(s, FRAMES)) {
      const src = s.mentions[hit.source]!;
      const tgt = s.mentions[hit.target]!;
      if (src.entityKey === tgt.entityKey) continue;
      const window = s.masked.slice(Math.max(0, hit.from - SCOPE_BEFORE), hit.to);
      const hedged = HEDGE.test(window);
      const viaPronoun = PRONOUN_TEXT.test(src.text) || PRONOUN_TEXT.test(tgt.text);
      const rel: ExtractedRelation = {
        type: hit.type, source: src.entityKey, target: tgt.entityKey,
        confidence: Math.round(hit.confidence * (hedged ? 0.8 : 1) * (viaPronoun ? 0.85 : 1) * 100) / 100,
        rule: viaPronoun ? `${hit.rule}:pronoun` : hit.rule,
        evidence: { documentId: input.documentId, start: s.span.start, end: s.span.end, text: input.text.slice(s.span.start, s.span.end) },
        sourceSpan: { start: src.start, end: src.end },
        targetSpan: { start: tgt.start, end: tgt.end },
      };
      if (hit.role !== undefined && hit.type === 'role_in') rel.role = hit.role;
      if (NEGATION.test(window)) rel.negated = true;
      const key = `${rel.type}|${rel.source}|${rel.target}|${s.span.start}`;
      const prev = best.get(key);
      if (prev === undefined || rel.confidence > prev.confidence) best.set(key, rel);
    }
  }
  return [...best.values()];
}

/**
 * Wraps an extractor of English sentences so Arabic-script sentences go to the Persian/Arabic extractor instead (the
 * frames, or the Persian/Arabic model with the frames as its features); a text without an Arabic letter goes straight
 * through.
 */
export function byScript(
  english: (input: ExtractionInput) => ExtractedRelation[],
  arabicScript: (input: ExtractionInput) => ExtractedRelation[] = extractArabicScriptRelations,
): (input: ExtractionInput) => ExtractedRelation[] {
  return (input) => {
    const scope = input.within ?? { start: 0, end: input.text.length };
    if (!ARABIC_LETTER.test(input.text.slice(scope.start, scope.end))) return english(input);
    const arabic: Span[] = [];
    const other: Span[] = [];
    for (const s of input.sentences) (isArabicScript(input.text, s) ? arabic : other).push(s);
    const out = [
      ...(other.length > 0 ? english({ ...input, sentences: other }) : []),
      ...(arabic.length > 0 ? arabicScript({ ...input, sentences: arabic }) : []),
    ];
    return out.sort((a, b) => a.evidence.start - b.evidence.start || a.type.localeCompare(b.type));
  };
}
