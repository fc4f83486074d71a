/** Typed relation extraction: runs every rule set over each sentence and merges what they find into sourced edges. */
import { RELATION_TYPES } from '../model/index.js';
import type { MoneyMention } from '../model/index.js';
import { maskSentences, type MaskedSentence } from './masked.js';
import { PRONOUN_TEXT, withPronouns } from './pronouns.js';
import { compileFrames, runFrames, type FrameHit } from './relations/frame.js';
import { INFORMANT_ROLES, STANCE_NOUN } from './relations/lexicon.js';
import { LOCATIVE_FRAMES, framingPlaceHits } from './relations/locative.js';
import { PASSIVE_FRAMES } from './relations/passives.js';
import { TITLE_FRAMES } from './relations/titles.js';
import { NOUN_FRAMES } from './relations/nouns.js';
import { CLAUSE_FRAMES, VERB_FRAMES } from './relations/verbs.js';
import type { ExtractedRelation, ExtractionInput } from './types.js';
import { SpanIndex } from './span-lookup.js';

// Order does not matter for correctness (all frames run and duplicates merge); it is grouped by construction for reading.
const FRAMES = compileFrames([...TITLE_FRAMES, ...VERB_FRAMES, ...CLAUSE_FRAMES, ...NOUN_FRAMES, ...PASSIVE_FRAMES, ...LOCATIVE_FRAMES]);

const INFORMANT_WORDS = new Set(INFORMANT_ROLES);

const STANCE_AFTER = new RegExp(String.raw`^'s? (?:[a-z]+ )?${STANCE_NOUN}\b`);

const CAPTURE = /\b(?:captured|seized|took|taken|overran|overrun|recaptured|retook|took over)\b/;

// Demonyms and group names: Iraqi, Iranian(s), Lebanese, Kurdish, Kurds, Shiite(s), Sunni(s), Israeli, Arab(s), Shia.
const DEMONYM = /^(?:\p{Lu}[\p{L}'-]*(?:an|ans|ian|ians|ese|ish|i|is|ic|ics|ch|ite|ites|ist|ists|ds|rab|rabs|ims|ems|iss)|Shia|Shi'a)$/u;

/** Extracts typed relations between the input's entity keys, one per (type, pair, sentence), best rule kept. */
export function extractRelations(input: ExtractionInput): ExtractedRelation[] {
  const best = new Map<string, ExtractedRelation>();
  const money = new SpanIndex(input.money);
  // Pronouns stand in for the one person named just before them; relations through them are marked and weakened.
  for (const s of maskSentences({ ...input, mentions: withPronouns(input.text, input.mentions, input.within) })) {
    if (s.mentions.length < 2) continue;
    for (const hit of [...runFrames(s, FRAMES), ...framingPlaceHits(s)]) {
      const rel = toRelation(input, money, s, hit);
      if (rel === null) continue;
      const ends = RELATION_TYPES[rel.type].symmetric ? [rel.source, rel.target].sort() : [rel.source, rel.target];
      const key = `${rel.type}|${ends.join('|')}|${s.span.start}`;
      const prev = best.get(key);
      if (prev === undefined || rel.confidence > prev.confidence) best.set(key, rel);
    }
  }
  return [...best.values()].sort((a, b) => a.evidence.start - b.evidence.start || a.type.localeCompare(b.type));
}

/** Turns a frame hit into a relation, applying the type fixes that depend on the mentions. */
function toRelation(input: ExtractionInput, money: SpanIndex<MoneyMention>, s: MaskedSentence, hit: FrameHit): ExtractedRelation | null {
  const src = s.mentions[hit.source]!;
  const tgt = s.mentions[hit.target]!;
  if (src.entityKey === tgt.entityKey) return null;
  let type = hit.type;
  let role = hit.role;
  // "an Iranian intelligence asset" is a covert tie, not a post.
  if (type === 'role_in' && role !== undefined && INFORMANT_WORDS.has(role.split(' ').pop()!)) type = 'informant_for';
  // "X is a member of Hezbollah": a person inside an organisation holds a post in it.
  if (type === 'part_of' && src.type === 'PERSON') {
    type = 'role_in';
    role = 'member';
  }
  // A MISC name in a relation must name people or a country by adjective ("Iraqi", "Kurds"), not an event or a product ("Euro 96").
  if ((src.type === 'MISC' && !DEMONYM.test(src.text)) || (tgt.type === 'MISC' && !DEMONYM.test(tgt.text))) return null;
  // "Arafat, attacking Israel's decision": attacking a stance is opposing its owner.
  // "Algeria attacked Britain on Wednesday for allowing ...": an attack "for" doing something is criticism.
  const afterTarget = s.masked.slice(s.slots[hit.target]!.end);
  if (type === 'attacked' && (STANCE_AFTER.test(afterTarget) || /^(?: on \w+)? for (?:[a-z]+ing|its|their|his|her)\b/.test(afterTarget))) type = 'opposed';
  // "IS captured Mosul": taking a place is holding it, not attacking the place.
  if (type === 'attacked' && tgt.type === 'LOC' && CAPTURE.test(hit.text)) type = 'controls';
  // "the Kurdish region, including Arbil": a place inside a place is located in it.
  if (type === 'part_of' && src.type === 'LOC' && tgt.type === 'LOC') type = 'located_in';
  // People are not located in people, and organisations do not hold posts in persons ... except advisers to a leader.
  if (type === 'located_in' && tgt.type !== 'LOC') return null;
  const from = s.offsets[hit.from]!;
  const amount = hit.type === 'paid' ? findAmount(money, from, s.span.end) : undefined;
  if (hit.needsMoney && amount === undefined) return null;
  const viaPronoun = PRONOUN_TEXT.test(src.text) || PRONOUN_TEXT.test(tgt.text);
  const rel: ExtractedRelation = {
    type,
    source: src.entityKey,
    target: tgt.entityKey,
    confidence: Math.round(hit.confidence * (viaPronoun ? 0.85 : 1) * 100) / 100,
    rule: viaPronoun ? `${hit.rule}:pronoun` : hit.rule,
    evidence: { documentId: input.documentId, start: s.span.start, end: s.span.end, text: input.text.slice(s.span.start, s.span.end) },
    sourceSpan: { start: src.start, end: src.end },
    targetSpan: { start: tgt.start, end: tgt.end },
  };
  if (role !== undefined && type === 'role_in') rel.role = role;
  if (amount !== undefined) rel.amount = amount;
  if (hit.negated) rel.negated = true;
  return rel;
}

/** The first amount stated after the verb in the same sentence: "paid him $3,000 a month". */
function findAmount(money: SpanIndex<MoneyMention>, from: number, sentenceEnd: number): MoneyMention | undefined {
  let first: MoneyMention | undefined;
  for (const m of money.inside({ start: from, end: sentenceEnd })) if (first === undefined || m.start < first.start) first = m;
  return first;
}
