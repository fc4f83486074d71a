/** Where things are: located_in from prepositions, "-based", "X, Y" place pairs and possessive places. */
import type { MaskedSentence } from '../masked.js';
import { phraseChars } from './clause.js';
import type { Frame, FrameHit } from './frame.js';
import { AUX } from './lexicon.js';

/** Generic place nouns between a preposition and a place name: "in the port city of Basra". */
const PLACE_NOUN = String.raw`(?:(?:the )?(?:[a-z]+ )?(?:city|town|province|village|region|capital|area|district|governorate|port|outskirts|suburbs?|neighbourhood|neighborhood|countryside|north|south|east|west|centre|center|heart|border|desert)(?: of)? )?`;

/** A facility or area noun after a place name: "the Ain al-Assad military base in western Anbar province". */
const FACILITY = String.raw`(?:(?:military |air |naval |army |border )?(?:base|airbase|airport|airfield|camp|prison|port|bridge|dam|district|neighbourhood|neighborhood|province|governorate|city|town|village|region|area|crossing|square|refinery|field))`;

/** A compass word before a place name: "western Anbar", "northern Iraq". */
const DIRECTION = String.raw`(?:(?:northern|southern|eastern|western|north-western|north-eastern|south-western|south-eastern|northwestern|northeastern|southwestern|southeastern|central) )?`;

/** People standing for their organisation: "Hezbollah fighters", "IRGC agents". */
const MEMBERS = String.raw`(?:fighters|forces|troops|militants|terrorists|militias?|militiamen|members|units?|positions|targets|operatives|officials|agents|officers|soldiers|advisers|personnel|spies|assets)`;

/** located_in rules; confidence depends on what is placed (a place in a place is surest, a person least). */
export const LOCATIVE_FRAMES: Frame[] = [
  {
    // "Karbala in Iraq", "the Jadriya area of Baghdad"; not "Velten near Berlin" or "a camp outside Mosul", which
    // are beside the place, not in it.
    rule: 'locative:place-in-place',
    // "the east China city of Hangzhou" is the other way round, so "of" takes no facility noun.
    pattern: `{a:L}(?:(?: ${FACILITY})? (?:in|inside|within)| of) (?:the )?${PLACE_NOUN}${DIRECTION}{l:L}`,
    emit: [{ type: 'located_in', source: 'a', target: 'l' }],
    confidence: 0.75,
  },
  {
    // "Hezbollah in Lebanon", "Hezbollah fighters in Syria and Iraq", "IRGC agents stationed inside Syria"
    rule: 'locative:org-in-place',
    pattern: `{a:Oo}(?: ${MEMBERS})? (?:in|inside|near|outside|at|across) (?:the )?${PLACE_NOUN}{l:L}`,
    emit: [{ type: 'located_in', source: 'a', target: 'l' }],
    confidence: 0.6,
    modifiers: ['a'],
  },
  {
    // "Qaani in Baghdad" (where a person was, at the time the sentence tells)
    rule: 'locative:person-in-place',
    pattern: `{a:P} (?:in|inside|at|near) (?:the )?${PLACE_NOUN}{l:L}`,
    emit: [{ type: 'located_in', source: 'a', target: 'l' }],
    confidence: 0.45,
  },
  {
    // "IRGC agents stationed inside Syria", "the SDF, based in Qamishli"
    rule: 'locative:based-in',
    modifiers: ['a'],
    pattern: String.raw`{a:POLMolm}(?: ${MEMBERS})?(?:,${phraseChars(80)},)? (?:who |which |that )?${AUX}*(?:based|headquartered|stationed|deployed|located|operating|active|present|positioned|garrisoned|hiding|holed up|lives|lived|living|resides|resided|residing) (?:in|inside|near|at|to|across|out of) (?:the )?${PLACE_NOUN}{l:L}`,
    emit: [{ type: 'located_in', source: 'a', target: 'l' }],
    confidence: 0.75,
  },
  {
    // "the Beirut-based Hezbollah", "a Baghdad-based militia, Kataeb Hezbollah"
    rule: 'locative:compound-based',
    pattern: String.raw`{l:L}-based (?:[\w-]+ ){0,2}?(?:[\w-]+, )?(?:the )?{a:POM}`,
    emit: [{ type: 'located_in', source: 'a', target: 'l' }],
    confidence: 0.75,
  },
  {
    // "a meeting in Tehran, Iran" (a list like "Iran, Iraq and Syria" is excluded by the look-around)
    rule: 'locative:comma-pair',
    pattern: String.raw`(?<!(?:⟦[A-Za-z]\d+⟧,|,| and|\bor|with|and) ){a:L}, {l:L}(?=[.;:)]|,? (?:on|in|at|where|which|who|to|for|from|after|before|during|when|said|says|is|was|has|had)\b|$)`,
    emit: [{ type: 'located_in', source: 'a', target: 'l' }],
    confidence: 0.6,
    noCoordination: true,
  },
  {
    // "Iraq's Anbar province", "Syria's Idlib"
    rule: 'locative:possessive-place',
    pattern: String.raw`{l:L}'s? (?:[a-z]+ )?{a:L}`,
    emit: [{ type: 'located_in', source: 'a', target: 'l' }],
    confidence: 0.7,
  },
  {
    // "the Ain al-Assad military base in western Anbar province, which hosts the largest US military presence"
    rule: 'locative:hosts',
    pattern: String.raw`{l:L}(?:,[^,;"]{1,60}?,)? (?:which |that )?(?:hosts|hosted|houses|housed|is home to|was home to) (?:the |a |an )?(?:[a-z-]+ ){0,3}?{a:POM}`,
    emit: [{ type: 'located_in', source: 'a', target: 'l' }],
    confidence: 0.5,
    modifiers: ['a'],
  },
];

/** A place framing the sentence, "In Baghdad, ..." / "Near Qaim, ...". */
const FRAMING_PLACE = /^(?:In|Near|Inside|Outside|At|Across) (?:the )?(?:(?:[a-z]+ ){0,2}(?:city|town|province|village|region|area) of )?⟦L(\d+)⟧(?: and ⟦L\d+⟧)?, /;


/** "Near Qaim, a drone strike hit a Kataeb Hezbollah convoy": people and groups named in the first clause were at the framing place. */
export function framingPlaceHits(s: MaskedSentence): FrameHit[] {
  const m = FRAMING_PLACE.exec(s.masked);
  if (m === null) return [];
  const place = Number(m[1]);
  const clauseEnd = s.masked.search(/;|, (?:but|while|whereas) /);
  const end = clauseEnd < 0 ? s.masked.length : clauseEnd;
  const hits: FrameHit[] = [];
  s.slots.forEach((slot, k) => {
    const letter = s.masked[slot.start + 1]!;
    // A possessor ("the Department's work") is not there itself.
    if (k === place || slot.start < m[0].length || slot.end > end || !/[POM]/.test(letter) || s.masked.startsWith("'", slot.end)) return;
    // Below the default threshold: "In Toronto, Frank Thomas hit his 29th homer" places a visit, not a home.
    hits.push({ type: 'located_in', rule: 'locative:framing', source: k, target: place, confidence: 0.45, negated: false, from: 0, to: end, needsMoney: false, text: s.masked.slice(0, end) });
  });
  return hits;
}
