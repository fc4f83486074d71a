/** Pattern pieces for subjects, objects and agents of verbs, shared by the verb and passive rule sets. */
import { AUX, NP_GAP, ROLE, ROLE_QUALIFIER, STANCE_NOUN, TITLE } from './lexicon.js';

/** An optional apposition or relative clause between a subject and its verb: ", Khamenei's security adviser in charge of X,". */
export const APPOSITIVE = String.raw`(?:,${phraseChars(110)},| \([^)]{1,40}\))?`;

/** Up to `max` characters of a comma-free phrase without a finite verb or a pronoun subject: the body of an apposition. */
export function phraseChars(max: number): string {
  return String.raw`(?! (?:he|she|they|it|we|I|and|or|but)\b)(?:(?!\b(?:is|was|were|are|has|have|had|will|would|said|says|told)\b)[^,;"]){1,${max}}?`;
}

/** A subject with what may stand between it and its verb: "Hejazi", "Abadi, in particular, vehemently", "Qaani, who". */
export function subject(name: string, types: string): string {
  // Either a clause subject, or a name followed by a participle even inside a phrase ("photos of a militia commander fighting ISIS").
  return String.raw`(?:${NOT_IN_PP}{${name}:${types}}${APPOSITIVE}(?:,? (?:who|which|that) | |, (?=[a-z]+(?:ed|ing) ))${AUX}*${CONJOINED}|{${name}:${types}} (?=[a-z]+ing\b))${ACTIVE}`;
}

/** A name right after a preposition or a participle is not a subject: "Protesters in the streets of Iraq are critical of Iran", "troops besieging Turin were defeated". */
export const NOT_IN_PP = String.raw`(?<!\b(?:of|in|at|on|from|with|to|by|for|into|over|under|about|against|between|among|near|like|than|as|[a-z]+ing) (?:the )?)`;

/** An earlier verb sharing the subject ("the Americans killed him and also killed Muhandis"), or a role phrase ("played a major role in wiping out IS"). */
const CONJOINED = String.raw`(?:[a-z]+ (?:(?:him|her|them|it|⟦[A-Za-z]\d+⟧) )?and (?:also |then |later |subsequently )?|(?:played|plays|play|had|has) an? (?:[a-z]+ ){0,2}role in )?`;

/** Refuses a passive auxiliary right before the verb ("Karimi was killed at a checkpoint" has no object); "was working for" is active. */
const ACTIVE = String.raw`(?:(?<!\b(?:was|were|is|are|been|being|be|get|got|gets) (?:[a-z]+ly )?)|(?=(?:[a-z]+ly )?[a-z]+ing\b))`;

/** A post written before a name inside an object: "Hashd leader" in "called Hashd leader Abu Fadak", "met the Iraqi Foreign Minister, Ibrahim al-Jaafari". */
const TITLED = String.raw`(?:⟦[A-Za-z]\d+⟧(?:'s?)? ${ROLE_QUALIFIER}*${ROLE},? |${TITLE})*`;

/** A possessor is not the object ("paid Jabouri's adviser", "met Iran's foreign minister"), except of a stance ("attacking Israel's decision"). */
export const NOT_POSSESSOR = String.raw`(?!'s? (?!(?:[a-z]+ )?${STANCE_NOUN}\b))`;

/** An object after its verb, allowing a short noun phrase and "including": "the most prominent Iraqi armed factions, including X". */
export function object(name: string, types: string): string {
  return String.raw`(?:${NP_GAP}(?:[a-z][\w'-]*, (?:including|such as|notably|namely|especially|particularly|mainly|among them) )?)?(?:the )?${TITLED}{${name}:${types}}${NOT_POSSESSOR}`;
}

/** An agent after "by": "by Iranian-backed X", "by the Quds Force". */
export function agent(name: string, types: string): string {
  return String.raw`by ${NP_GAP}{${name}:${types}}`;
}
