/** Where things are: located_in from prepositions, "-based", "X, Y" place pairs and possessive places. */
import type { Frame } from './frame.js';
import { AUX } from './lexicon.js';

/** Generic place nouns between a preposition and a place name: "in the port city of Basra". */
const PLACE_NOUN = String.raw`(?:(?:the )?(?:[a-z]+ )?(?:city|town|province|village|region|capital|area|district|governorate|port|outskirts|suburbs?|neighbourhood|neighborhood|countryside|north|south|east|west|centre|center|heart|border|desert)(?: of)? )?`;

/** located_in rules; confidence depends on what is placed (a place in a place is surest, a person least). */
export const LOCATIVE_FRAMES: Frame[] = [
  {
    // "Karbala in Iraq", "the Wadi Barada area of Damascus"
    rule: 'locative:place-in-place',
    pattern: `{a:L} (?:in|of|near|inside|outside|within) (?:the )?${PLACE_NOUN}{l:L}`,
    emit: [{ type: 'located_in', source: 'a', target: 'l' }],
    confidence: 0.75,
  },
  {
    // "Hezbollah in Lebanon", "ISIL in Syria and Iraq"
    rule: 'locative:org-in-place',
    pattern: `{a:O} (?:in|inside|near|outside|at|across) (?:the )?${PLACE_NOUN}{l:L}`,
    emit: [{ type: 'located_in', source: 'a', target: 'l' }],
    confidence: 0.6,
  },
  {
    // "U.S. Secretary of Defense Ash Carter in Washington" (where a person was, at the time the sentence tells)
    rule: 'locative:person-in-place',
    pattern: `{a:P} (?:in|inside|at) (?:the )?${PLACE_NOUN}{l:L}`,
    emit: [{ type: 'located_in', source: 'a', target: 'l' }],
    confidence: 0.45,
  },
  {
    // "IRGC agents stationed inside Syria", "the SDF, based in Qamishli"
    rule: 'locative:based-in',
    pattern: String.raw`{a:POLM}(?:,[^,;"]{1,80}?,?)? (?:who |which |that )?${AUX}*(?:based|headquartered|stationed|deployed|located|operating|active|present|positioned|garrisoned|hiding|holed up|lives|lived|living|resides|resided|residing) (?:in|inside|near|at|to|across|out of) (?:the )?${PLACE_NOUN}{l:L}`,
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
