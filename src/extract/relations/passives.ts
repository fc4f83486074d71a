/** Passive and reduced-passive constructions, where the object comes first: "X was killed by Y", "killed in a US drone strike". */
import type { RelationTypeId } from '../../model/index.js';
import type { Frame } from './frame.js';
import { NOT_IN_PP, agent, phraseChars } from './clause.js';
import { AUX, NP_GAP } from './lexicon.js';

/**
 * Participles that yield `type` from the agent (after "by") to the subject, or from the subject to the agent where
 * `fromSubject` is set: "X was recruited by Y" makes X the informant, informant_for(X -> Y).
 */
const PASSIVES: { type: RelationTypeId; participles: string; confidence: number; fromSubject?: true }[] = [
  {
    type: 'controls',
    participles: String.raw`(?:controlled|directed|commanded|run|overseen|sponsored|backed|founded|established|formed|created|armed|trained|led|headed|managed|supervised|handled|dominated|organi[sz]ed|set up)`,
    confidence: 0.8,
  },
  { type: 'paid', participles: String.raw`(?:paid|bribed|funded|financed|bankrolled)`, confidence: 0.8 },
  {
    type: 'attacked',
    participles: String.raw`(?:killed|assassinated|attacked|struck|targeted|bombed|shelled|raided|invaded|executed|murdered|ambushed|shot|wounded|injured|abducted|kidnapped|captured|seized|taken|detained|arrested|hit|overrun)`,
    confidence: 0.8,
  },
  { type: 'opposed', participles: String.raw`(?:opposed|critici[sz]ed|condemned|denounced|accused|sanctioned|fought|defeated|expelled|ousted)`, confidence: 0.75 },
  { type: 'informant_for', participles: String.raw`(?:recruited|handled|run as an? (?:asset|agent|source))`, confidence: 0.7, fromSubject: true },
  { type: 'allied_with', participles: String.raw`(?:supported|assisted|aided|helped|joined)`, confidence: 0.65 },
];

/** Amounts, times and places between a participle and its agent: "paid $3,000 a month by", "killed in Baghdad by". */
const CIRCUMSTANCE = String.raw`(?: (?:[$€£][\d,.]+(?: (?:million|billion))?|[\d,.]+ (?:dollars|euros|pounds|tomans|rials|dinars)|a (?:month|year|week)|per (?:month|year)|each month|(?:in|on|near|at|during) (?:the )?(?:⟦L\d+⟧|[A-Z]\w+|\d{4}|last \w+)|last \w+|yesterday|today)){0,3}`;

/** A subject with an optional apposition or reduced relative before the participle: "Soleimani, the Quds Force leader". */
// After a preposition a name is no subject ("in the streets of Iraq"), unless an apposition follows it ("by Qassem Soleimani, the Quds Force leader killed in ...").
const PATIENT = String.raw`(?:${NOT_IN_PP}{b:POLM}(?:,${phraseChars(80)},?)?|{b:POLM},${phraseChars(80)},?) (?:who |which |that )?${AUX}*`;

/** "X was killed by Y", "Hashd al-Shaabi, established by Soleimani", "the PMU, backed by Iran". */
export const PASSIVE_FRAMES: Frame[] = [
  ...PASSIVES.map(
    (row): Frame => ({
      rule: `passive:${row.type}`,
      // The agent may be a name qualifying its weapon or men: "by a US drone", "by Hezbollah fighters".
      pattern: `${PATIENT}${row.participles}${CIRCUMSTANCE} ${agent('a', 'POLMlop')}`,
      emit: [row.fromSubject ? { type: row.type, source: 'b', target: 'a' } : { type: row.type, source: 'a', target: 'b' }],
      confidence: row.confidence,
    }),
  ),
  {
    // "Qassem Soleimani, the Quds Force leader killed in a January 2020 US drone strike in Baghdad"
    rule: 'passive:killed-in-strike',
    pattern: String.raw`${PATIENT}(?:killed|assassinated|wounded|injured|targeted|struck|hit|died) (?:in|during|by) (?:an? |the )?(?:[\w,-]+ ){0,4}?{a:POLM}(?:'s?)? (?:[a-z-]+ ){0,2}(?:strike|airstrike|attack|raid|bombing|operation|assault|ambush)`,
    emit: [{ type: 'attacked', source: 'a', target: 'b' }],
    confidence: 0.75,
    modifiers: ['a'],
  },
  {
    // "Hassan Karimi was killed at a checkpoint during an attack by Kataeb Hezbollah"
    rule: 'passive:killed-in-attack-by',
    pattern: String.raw`${PATIENT}(?:killed|assassinated|wounded|injured|captured|abducted|kidnapped)(?: [^.;]{1,40}?)? (?:in|during) (?:an? |the )?(?:[a-z-]+ ){0,2}(?:attack|strike|airstrike|raid|ambush|bombing|assault|shelling|offensive|operation) (?:by|of|carried out by|launched by) ${NP_GAP}{a:POLM}`,
    emit: [{ type: 'attacked', source: 'a', target: 'b' }],
    confidence: 0.75,
  },
  {
    // "Abadi received $10,000 from the MOIS" (needs an amount, checked by the caller)
    rule: 'received-from',
    pattern: String.raw`{b:PO}(?:,[^,;"]{1,80}?,)? ${AUX}*(?:received|receives|accepted|accepts|took|takes|got|gets) [^.;]{1,60}? from (?:the )?{a:POLM}`,
    emit: [{ type: 'paid', source: 'a', target: 'b' }],
    confidence: 0.7,
    needsMoney: true,
  },
  {
    // "He also said the U.S. ... gave him a $20,000 bonus" (needs an amount, checked by the caller)
    rule: 'gave-money',
    pattern: String.raw`{a:POLM}(?:,[^,;"]{1,80}?,)? ${AUX}*(?:gave|gives|give|handed|hands|transferred|transfers|sent|sends|offered|offers|promised|promises|provided|provides|paid out) (?:to )?(?:the )?{b:PO}`,
    emit: [{ type: 'paid', source: 'a', target: 'b' }],
    confidence: 0.7,
    needsMoney: true,
  },
];
