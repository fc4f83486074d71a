/** Posts written around a name: title-name pairs, appositions, copulas and appointments (role_in, succeeded). */
import type { Frame } from './frame.js';
import { AUX, CLASS_NOUN, ROLE, ROLE_QUALIFIER, TITLE } from './lexicon.js';
import { APPOSITIVE, NOT_IN_PP } from './clause.js';

const Q = ROLE_QUALIFIER;
/** The post with its qualifiers, captured: "security adviser", "then-commander". */
const POST = `{role:=${Q}*${ROLE}}`;
/** Lower-case words before a post, stopping at words that start a clause. */
const DESCRIPTORS = String.raw`(?:(?!(?:who|which|that|and|or|was|is|were|are|has|had|with|by|in|of|to|for|from|on|at|as)\b)[a-z][\w-]* ){0,3}?`;
/** A possessor before the organisation: "Iran's notorious" in "the commander of Iran's notorious Quds Force". */
const POSSESSOR = String.raw`(?:⟦[A-Za-z]\d+⟧'s? (?:[a-z][\w-]* )?)?`;

/**
 * "to" after a diplomat's post names the host, not the post's holder of office: "Iran's ambassador to Iraq" holds a
 * post of Iran only (docs/relations.md, the guidelines' role_in). A lookbehind on the post just matched.
 */
const NOT_ENVOY = String.raw`(?<!\b(?:ambassador|ambassadors|envoy|envoys|emissary|emissaries|consul|consuls|consul-general|representative|representatives|attache|attaché|charge d'affaires|chargé d'affaires))`;

/**
 * The person a copula or succession verb is said of: "Qaani succeeded", "the weakness of Qaani, who succeeded",
 * "Masjedi, a former adviser to Soleimani, succeeded" (Masjedi). Without "who", a name closing an inserted phrase is
 * not the subject: in CoNLL-2003 text a name followed by a comma and a finite verb almost always ends an apposition
 * ("the former manager of Baltimore, was named"), and a name after a preposition is inside a phrase.
 */
const CLAUSE_SUBJECT = (name: string): string => `(?:{${name}:P},? who |${NOT_IN_PP}{${name}:P}${APPOSITIVE} )`;

/** role_in rules keyed on a post word; a post belongs to one name, so none spreads over a list ("President A and B"). */
export const TITLE_FRAMES: Frame[] = ([
  {
    // "Iraqi Prime Minister Haider al-Abadi", "Hashd leader Abu Fadak", "Lebanese Hezbollah leader Hassan Nasrallah"
    rule: 'title-name',
    pattern: `{g:OLM}(?:'s?)? ${POST} ${TITLE}*{p:P}`,
    emit: [{ type: 'role_in', source: 'p', target: 'g', role: 'role' }],
    confidence: 0.85,
    modifiers: ['g'],
  },
  {
    // "Revolutionary Guard Gen. Qassem Soleimani"
    rule: 'title-name:military',
    pattern: String.raw`{g:OL} {role:=(?:Gen\.|General|Lt\. Gen\.|Maj\. Gen\.|Brig\. Gen\.|Col\.|Colonel|Adm\.|Admiral|Commander)} ${TITLE}*{p:P}`,
    emit: [{ type: 'role_in', source: 'p', target: 'g', role: 'role' }],
    confidence: 0.75,
    modifiers: ['g'],
  },
  {
    // "Asghar Hejazi, Khamenei's security adviser", "Nechervan Barzani, the former prime minister of Kurdistan",
    // "Qassem Soleimani, the Quds Force leader"
    rule: 'apposition',
    pattern: `{p:P}, (?:the |a |an |[Tt]he )?${DESCRIPTORS}(?:{g:OLMP}(?:'s?)? ${DESCRIPTORS})?${POST}(?:,? (?:of|for) (?:the )?${POSSESSOR}{g2:OLM}|${NOT_ENVOY},? to (?:the )?${POSSESSOR}{g2:OLM}| (?:in|at) (?:the )?{g2:O}|, (?:the )?{g2:O}(?=[,.;)]| [a-z-]|$))?`,
    emit: [
      { type: 'role_in', source: 'p', target: 'g', role: 'role' },
      { type: 'role_in', source: 'p', target: 'g2', role: 'role' },
    ],
    confidence: 0.85,
    modifiers: ['g', 'g2'],
  },
  {
    // "the commander of Iran's notorious Quds Force, Gen. Qassem Soleimani"
    rule: 'apposition:post-first',
    pattern: `${POST} (?:of|for|in|at) (?:the )?${POSSESSOR}{g:OLM}, ${TITLE}*{p:P}`,
    emit: [{ type: 'role_in', source: 'p', target: 'g', role: 'role' }],
    confidence: 0.8,
  },
  {
    // "Iraq's then-commander of military intelligence, Lt. Gen. Hatem al-Maksusi"
    rule: 'apposition:possessive-post-first',
    pattern: `{g:OLMP}'s? ${POST}(?: of [a-z]+(?: [a-z]+){0,2})?, ${TITLE}*{p:P}`,
    emit: [{ type: 'role_in', source: 'p', target: 'g', role: 'role' }],
    confidence: 0.8,
  },
  {
    // "Masum was elected president of Iraq", "Qaani became head of the Quds Force", "he served as adviser to Abadi"
    // (but "he served as ambassador to Iraq" names the host country: no post in it)
    rule: 'copula',
    pattern: `${CLAUSE_SUBJECT('p')}${AUX}*(?:is|was|became|becomes|remains|remained|serves as|served as|acts as|acted as|was appointed|was named|was elected|was made|was nominated|has been|had been|appointed|named|elected) (?:as )?(?:the |a |an )?${DESCRIPTORS}${POST}(?: (?:of|for|in|at)|${NOT_ENVOY} to) (?:the )?${POSSESSOR}{g:OLM}`,
    emit: [{ type: 'role_in', source: 'p', target: 'g', role: 'role' }],
    confidence: 0.8,
  },
  {
    // "Asghar Hejazi, Khamenei's security adviser in charge of the Beit Rahbari agency" (a name before "agency" is the agency, whatever its tag)
    rule: 'apposition:in-charge',
    pattern: String.raw`{p:P}, [^,;"]{0,80}?(?:in charge of|responsible for|who (?:heads|headed|leads|led|runs|ran|commands|commanded|controls|controlled|founded|directs|directed)) (?:the )?(?:{g:OL}|{g:P}(?= ${CLASS_NOUN}\b))`,
    emit: [{ type: 'controls', source: 'p', target: 'g' }],
    confidence: 0.75,
  },
  {
    // "Iraq's Aziz says ...", "Hezbollah's Nasrallah"; hidden by default, since "Jamaica's Michael Green" is a nationality, not a post
    rule: 'possessive-person',
    pattern: `{g:OL}'s? {p:P}(?! ${ROLE})`,
    emit: [{ type: 'role_in', source: 'p', target: 'g' }],
    confidence: 0.45,
  },
  {
    // "Hassan Nasrallah of Hezbollah"
    rule: 'person-of-org',
    pattern: `{p:P} of (?:the )?{g:O}(?! ⟦)`,
    emit: [{ type: 'role_in', source: 'p', target: 'g', role: 'member' }],
    confidence: 0.6,
  },
  {
    // "Esmail Qaani, who succeeded Soleimani as leader of the Quds Force" -> succeeded, role_in
    rule: 'succession',
    pattern: `${CLAUSE_SUBJECT('a')}${AUX}*(?:succeeded|succeeds|replaced|replaces|took over from|was named to replace|was appointed to replace) {b:P}(?: as (?:the )?${POST} (?:of|in|at|for) (?:the )?${POSSESSOR}{g:OLM})?`,
    emit: [
      { type: 'succeeded', source: 'a', target: 'b' },
      { type: 'role_in', source: 'a', target: 'g', role: 'role' },
    ],
    confidence: 0.85,
  },
  {
    // "Soleimani was succeeded by Qaani", "Soleimani's successor, Esmail Qaani"
    rule: 'succession:passive',
    pattern: `{b:P}(?: ${AUX}*(?:was|is|has been) (?:succeeded|replaced) by|'s? (?:[a-z]+ )?successor,?) ${TITLE}*{a:P}`,
    emit: [{ type: 'succeeded', source: 'a', target: 'b' }],
    confidence: 0.8,
  },
  {
    // "Esmail Qaani, Soleimani's successor at the Quds Force"
    rule: 'succession:apposition',
    pattern: `{a:P}, (?:the )?{b:P}'s? (?:[a-z]+ )?successor(?: (?:at|as head of|in) (?:the )?{g:OL})?`,
    emit: [
      { type: 'succeeded', source: 'a', target: 'b' },
      { type: 'role_in', source: 'a', target: 'g', role: 'successor' },
    ],
    confidence: 0.8,
  },
] as Frame[]).map((f) => ({ ...f, noCoordination: true }));
