/** Relations named by a noun, a compound or a possessive rather than a verb: "US air strike on X", "Iran-backed X", "X's Quds Force". */
import type { Frame } from './frame.js';
import { NOT_IN_PP, NOT_POSSESSOR, object } from './clause.js';
import { CONTENT_WORD, NP_GAP } from './lexicon.js';

/** Noun-headed frames. */
export const NOUN_FRAMES: Frame[] = [
  {
    // "a secret meeting between Abadi and Iranian intelligence", "talks between Iran and the United States"
    rule: 'meeting-between',
    pattern: String.raw`(?:meeting|meetings|talks|summit|negotiations) between (?:the )?{a:PO} and (?:the )?{b:PO}`,
    emit: [{ type: 'met', source: 'a', target: 'b' }],
    confidence: 0.75,
  },
  {
    // "a 26 February US air strike on Kataeb Hezbollah", "the U.S.' invasion and occupation of Iraq"
    rule: 'attack-noun',
    pattern: `{a:POLM}(?:'s?)? (?:${CONTENT_WORD} ){0,2}(?:strikes?|airstrikes?|attacks?|raids?|bombing|bombardment|offensive|assault|invasion|shelling|incursion)(?: and [a-z]+)? (?:on|against|targeting|of) ${object('b', 'POLM')}`,
    emit: [{ type: 'attacked', source: 'a', target: 'b' }],
    confidence: 0.75,
    modifiers: ['a'],
  },
  {
    // "Overseas operations are the reserve of Iran's Ministry of Intelligence", "Iraq's Popular Mobilization Forces", "the IRGC's Quds Force"
    rule: 'possessive-org',
    pattern: String.raw`{b:LO}'s? (?:${CONTENT_WORD} )?{a:O}`,
    emit: [{ type: 'part_of', source: 'a', target: 'b' }],
    confidence: 0.55,
  },
  {
    // "the Iranian intelligence ministry (MOIS)", "the Iraqi army (ISF)"
    rule: 'demonym-body',
    pattern: String.raw`{b:m} (?:${CONTENT_WORD} ){0,2}(?:ministry|army|navy|air force|government|agency|service|services|police|parliament|judiciary|guard|forces) \({a:O}\)`,
    emit: [{ type: 'part_of', source: 'a', target: 'b' }],
    confidence: 0.65,
  },
  {
    // "the Islamic Revolutionary Guard Corps (IRGC), the military arm of the Iranian theocracy"
    rule: 'arm-of',
    pattern: String.raw`{a:O}(?: \([^)]{1,30}\))?, (?:the |a |an )?(?:[a-z-]+ ){0,2}(?:arm|wing|branch|unit|division|subsidiary|affiliate|faction|offshoot|part|component|member) of (?:the )?(?:{b:OLM}|{b:olm} (?:theocracy|regime|government|state|leadership|establishment|army|military))`,
    emit: [{ type: 'part_of', source: 'a', target: 'b' }],
    confidence: 0.75,
  },
  {
    // "the Revolutionary Guards Corps, in particular its elite Quds Force unit"
    rule: 'its-unit',
    pattern: String.raw`{b:O}, (?:in particular |notably |especially |including |and )?its (?:[a-z-]+ ){0,2}{a:Oo}`,
    emit: [{ type: 'part_of', source: 'a', target: 'b' }],
    confidence: 0.7,
  },
  {
    // "the Hashd's fight against IS", "Iraq's war on the Islamic State"
    rule: 'fight-noun',
    pattern: String.raw`{a:POLM}(?:'s?)? (?:in (?:its|their|his|her|the) )?(?:${CONTENT_WORD} ){0,2}(?:fight|war|campaign|battle|struggle|offensive|operations?|efforts?|defen[cs]es?|strategy|plan|determination|commitment|resolve) (?:against|on|to (?:defeat|destroy|counter)) ${object('b', 'POLM')}`,
    emit: [{ type: 'opposed', source: 'a', target: 'b' }],
    confidence: 0.7,
    modifiers: ['a'],
  },
  {
    // "the IS-held town", "Houthi-controlled Sanaa"
    rule: 'held-compound',
    pattern: String.raw`{a:OP}-(?:held|controlled|occupied|run|ruled) (?:[a-z-]+ ){0,2}?{b:L}`,
    emit: [{ type: 'controls', source: 'a', target: 'b' }],
    confidence: 0.7,
  },
  {
    // "the Axis of Resistance, which includes Hezbollah and the Houthis", "the factions, including Kataeb Hezbollah and Nujaba"
    rule: 'include-list',
    pattern: String.raw`${NOT_IN_PP}{x:OLM},?(?: (?:which|that|who)(?: [^.;:"]{1,60}?)?)? (?:include|includes|included|including|such as|notably|among them) (?:the )?{a:POL}`,
    emit: [{ type: 'part_of', source: 'a', target: 'x' }],
    confidence: 0.55,
    // "The regime and its backers, notably Russia": Russia is one of the backers, not of the regime.
    noCoordination: ['x'],
  },
  {
    // "payments from the MOIS to Abadi", "Iran's monthly payments to the factions"
    rule: 'payment-noun',
    pattern: String.raw`(?:{a:POLMolm}'s? (?:${CONTENT_WORD} ){0,2}(?:payments?|salary|salaries|stipends?|bribes?|transfers?|funding|money|cash) (?:of [^.;"]{1,30}? )?to|(?:payments?|salary|salaries|stipends?|bribes?|transfers?|funding|money|cash) (?:of [^.;"]{1,30}? )?from (?:the )?{a:POLM} to) (?:the )?{b:POLM}${NOT_POSSESSOR}`,
    emit: [{ type: 'paid', source: 'a', target: 'b' }],
    confidence: 0.7,
  },
  {
    // "Abadi was on the MOIS payroll", "a lawmaker on Iran's payroll"
    rule: 'on-payroll',
    pattern: String.raw`{b:PO}(?:,[^,;"]{1,60}?,)? (?:was |is |were |are |had been |has been )?(?:also |secretly |reportedly )?on (?:the )?{a:POLMolm}(?:'s?)? payroll`,
    emit: [{ type: 'paid', source: 'a', target: 'b' }],
    confidence: 0.75,
  },
  {
    // "the attack on the Ain al-Assad base by Kataeb Hezbollah", "an attack by Kataeb Hezbollah on US forces"
    rule: 'attack-by',
    pattern: String.raw`(?:attacks?|strikes?|airstrikes?|raids?|assaults?|ambush|bombing|shelling|offensive) (?:(?:on|against|targeting) (?:the )?{b:POLM}${NOT_POSSESSOR}(?: [a-z]+)? by (?:the )?{a:POLMolp}|by (?:the )?{a:POLMolp}(?: [a-z]+)? (?:on|against|targeting) (?:the )?{b:POLM}${NOT_POSSESSOR})`,
    emit: [{ type: 'attacked', source: 'a', target: 'b' }],
    confidence: 0.75,
  },
  {
    // "the SDF, made up in part of local Arabs and the Syrian Arab Coalition", "the Axis is composed of Hezbollah and the Houthis"
    rule: 'made-up-of',
    pattern: String.raw`{x:OL},? (?:which (?:is|are|was|were) |(?:is|are|was|were) )?(?:made up|composed|comprised|formed|consisting|consists?) (?:in part |mainly |largely |mostly |chiefly )?(?:of|by) ${NP_GAP}{a:POLM}`,
    emit: [{ type: 'part_of', source: 'a', target: 'x' }],
    confidence: 0.65,
    noCoordination: ['x'],
  },
  ...(
    [
      ['allied_with', 'ally|allies|partner|partners|friend', false],
      ['controls', 'proxy|proxies|client|puppet', true],
      ['opposed', 'rival|rivals|arch-rival|enemy|foe|critic', false],
    ] as const
  ).map(([type, nouns, reversed]): Frame => ({
    // "Kataeb Hezbollah, an Iranian proxy,", "Hadi al-Amiri, a close ally of Soleimani", "Qais al-Khazali, a rival of Sadr"
    rule: `apposition:${type}`,
    pattern: String.raw`{x:POLM}, (?:a |an |the |one of the )?(?:(?:close|key|longtime|long-time|staunch|main|chief|bitter|old|loyal|trusted) )?(?:{y:m} (?:${nouns})\b|(?:${nouns}) (?:of|to) (?:the )?{y:POLM}${NOT_POSSESSOR})`,
    emit: [reversed ? { type, source: 'y', target: 'x' } : { type, source: 'x', target: 'y' }],
    confidence: 0.7,
    modifiers: ['y'],
    noCoordination: ['x'],
  })),
  {
    // "the Iran-aligned Kataeb Hezbollah", "the pro-Tehran Asaib Ahl al-Haq"
    rule: 'aligned-compound',
    pattern: String.raw`(?:{a:POLM}-(?:aligned|affiliated|allied|friendly|leaning)|[Pp]ro-{a:POLM}) (?:(?:[\w-]|⟦[A-Za-z]\d+⟧)+ ){0,3}?(?:[\w-]+, (?:the )?)?{b:OM}(?!-)`,
    emit: [{ type: 'allied_with', source: 'b', target: 'a' }],
    confidence: 0.65,
  },
  {
    // "the shadow war between Israel and Iran", "tensions between Tehran and Washington", "the rivalry between X and Y"
    rule: 'hostility-between',
    pattern: String.raw`(?:war|wars|rivalry|rivalries|conflict|fighting|clashes|hostilities|feud|tensions|dispute|disputes|enmity) between (?:the )?{a:POLM} and (?:the )?{b:POLM}`,
    emit: [{ type: 'opposed', source: 'a', target: 'b' }],
    confidence: 0.7,
  },
  {
    // "Iranian ally Hezbollah", "Kremlin ally Ramzan Kadyrov" ("Jamaican rival X" names a nationality, so a demonym needs a group after it)
    rule: 'ally-title',
    pattern: String.raw`(?:{a:POLol}|{a:m}(?= (?:[a-z]+ )?(?:ally|allies) (?:the )?⟦[OL]))(?:'s?)? (?:[a-z]+ )?(?:ally|allies) (?:the )?{b:POLM}`,
    emit: [{ type: 'allied_with', source: 'a', target: 'b' }],
    confidence: 0.7,
    modifiers: ['a'],
  },
  {
    // "the Houthis and their Iranian allies", "Damascus and its Hezbollah allies"
    rule: 'and-its-allies',
    pattern: String.raw`{a:POLM},? and (?:its|their|his|her) (?:[a-z]+ )?{b:POLMolm} (?:allies|ally|partners|partner)\b`,
    emit: [{ type: 'allied_with', source: 'a', target: 'b' }],
    confidence: 0.7,
  },
  {
    // "US support for the Kurds", "Iran's backing of the Houthis"
    rule: 'support-noun',
    pattern: String.raw`{a:POLMolm}(?:'s?)? (?:${CONTENT_WORD} ){0,2}(?:(?:its|their|his|her|our) )?(?:${CONTENT_WORD} )?(?:support|assistance|aid) (?:for|to|of) ${object('b', 'POLM')}`,
    emit: [{ type: 'allied_with', source: 'a', target: 'b' }],
    confidence: 0.6,
  },
  {
    // "Iran's proxy Kataeb Hezbollah"
    rule: 'proxy-title',
    pattern: String.raw`(?:{a:POLol}|{a:m}(?= (?:[a-z]+ )?(?:proxy|proxies) (?:the )?⟦[OL]))(?:'s?)? (?:[a-z]+ )?(?:proxy|proxies|client|puppet) (?:the )?{b:POLM}`,
    emit: [{ type: 'controls', source: 'a', target: 'b' }],
    confidence: 0.7,
    modifiers: ['a'],
  },
  {
    // "Iran's arch-rival Saudi Arabia"
    rule: 'rival-title',
    pattern: String.raw`(?:{a:POLol}|{a:m}(?= (?:[a-z]+ )?(?:rival|rivals|arch-rival|arch-enemy|enemy|foe) (?:the )?⟦[OL]))(?:'s?)? (?:[a-z]+ )?(?:rival|rivals|arch-rival|arch-enemy|enemy|foe) (?:the )?{b:POLM}`,
    emit: [{ type: 'opposed', source: 'a', target: 'b' }],
    confidence: 0.7,
    modifiers: ['a'],
  },
  {
    // "the U.S.-backed Kurdish-led militia, the Syrian Democratic Forces", "Iran-backed Kataeb Hezbollah"
    rule: 'backed-compound',
    pattern: String.raw`{a:POLM}-(?:backed|led|sponsored|funded|controlled|run|created|trained|armed|supported|commanded) (?:(?:[\w-]|⟦[A-Za-z]\d+⟧)+ ){0,3}?(?:[\w-]+, (?:the )?)?{b:OM}(?!-)`,
    emit: [{ type: 'controls', source: 'a', target: 'b' }],
    confidence: 0.65,
  },
  {
    // "Under Soleimani, Hashd al-Shaabi played a major role"
    rule: 'under-control',
    pattern: String.raw`(?:[Uu]nder the (?:command|control|leadership) of |[Uu]nder ){a:PO}(?:'s? (?:command|control|leadership))?, (?:the )?{b:O}`,
    emit: [{ type: 'controls', source: 'a', target: 'b' }],
    confidence: 0.65,
  },
];
