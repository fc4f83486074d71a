/**
 * The shipped relation model end to end on hand-written sentences of the constructions the issue names (posts
 * without an organisation, appositions with adjectives, denials, references resolved by coreference), and its
 * invariances (wrapped lines, no edge from two countries merely named together). Figures live in docs/relations.md;
 * these check behaviour that a regression would break.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_MIN_CONFIDENCE } from '../../src/extract/index.js';
import { KEEP_FLOOR, loadRelationModel, modelRelationExtractor } from '../../src/extract/relation-model/index.js';
import type { ExtractedRelation } from '../../src/extract/types.js';
import { readingView } from '../../src/nlp/layout.js';
import { loadParser } from '../../src/nlp/parse/index.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { inputFor, moneyIn, type HandMention } from './helpers.js';

const extract = modelRelationExtractor(loadRelationModel(), loadParser());

/** Relations shown by default, as "type(source -> target)" with " NEG" for denied ones. */
function shown(text: string, mentions: HandMention[]): string[] {
  return extract(inputFor(text, mentions))
    .filter((r) => r.confidence >= DEFAULT_MIN_CONFIDENCE)
    .map((r) => `${r.type}(${r.source} -> ${r.target})${r.negated ? ' NEG' : ''}`).sort();
}

test('a post before a name, without an organisation, ties the person to the country', () => {
  const text = 'Iraqi Prime Minister Haider al-Abadi met Hassan Rouhani in Tehran.';
  const mentions: HandMention[] = [['Iraqi', 'MISC'], ['Haider al-Abadi', 'PERSON'], ['Hassan Rouhani', 'PERSON'], ['Tehran', 'LOC']];
  assert.ok(shown(text, mentions).includes('role_in(Haider al-Abadi -> Iraqi)'));
  assert.ok(shown(text, mentions).includes('met(Haider al-Abadi -> Hassan Rouhani)'));
  const role = extract(inputFor(text, mentions)).find((r) => r.type === 'role_in');
  assert.equal(role?.role, 'prime minister');
});

test('appositions: "X, Iraq\'s interior minister" and "X, the feared leader of the sectarian Y"', () => {
  assert.deepEqual(shown("Qasim al-Araji, Iraq's interior minister, said the attack was planned.", [['Qasim al-Araji', 'PERSON'], ['Iraq', 'LOC']]),
    ['role_in(Qasim al-Araji -> Iraq)']);
  const text = 'Abu Mahdi al-Muhandis, the feared leader of the sectarian Kataib Hezbollah, was killed.';
  const [rel] = extract(inputFor(text, [['Abu Mahdi al-Muhandis', 'PERSON'], ['Kataib Hezbollah', 'ORG']]));
  assert.equal(`${rel?.type}(${rel?.source} -> ${rel?.target})`, 'role_in(Abu Mahdi al-Muhandis -> Kataib Hezbollah)');
  assert.ok(rel!.confidence >= DEFAULT_MIN_CONFIDENCE);
  assert.equal(rel!.role, 'leader');
});

test('a denial keeps the relation but marks it negated', () => {
  assert.deepEqual(shown('Karim denied meeting Suleiman in Damascus.', [['Karim', 'PERSON'], ['Suleiman', 'PERSON'], ['Damascus', 'LOC']]),
    ['met(Karim -> Suleiman) NEG']);
});

test('two countries named in one sentence are not placed in each other', () => {
  const rels = extract(inputFor('Iran and Iraq are neighbours.', [['Iran', 'LOC'], ['Iraq', 'LOC']]));
  assert.deepEqual(rels.filter((r) => r.confidence >= DEFAULT_MIN_CONFIDENCE), []);
});

test('a pronoun resolved by coreference becomes an end, and the evidence says whom it stands for', () => {
  const text = 'Ahmed Karim is a senior Iraqi official. He met Hassan Rouhani in Tehran on Monday.';
  const rels = extract(inputFor(text, [['Ahmed Karim', 'PERSON'], ['Iraqi', 'MISC'], ['Hassan Rouhani', 'PERSON'], ['Tehran', 'LOC']]));
  const met = rels.find((r) => r.type === 'met');
  assert.ok(met, JSON.stringify(rels.map((r) => r.type)));
  assert.deepEqual([met.source, met.target].sort(), ['Ahmed Karim', 'Hassan Rouhani']);
  const ref = met.resolved?.[0];
  assert.equal(ref?.text, 'He');
  assert.deepEqual(ref?.entityKeys, ['Ahmed Karim']);
  assert.equal(text.slice(ref!.antecedents[0]!.start, ref!.antecedents[0]!.end), 'Ahmed Karim');
});

test('every relation keeps its provenance: rule or model, the features that weighed most, spans inside its sentence', () => {
  // (Until cablegraph-rel-en-5 this read "the Syrian government"; -5 scores that pair below the floor: models/MODEL_CARD.md.)
  const text = 'Turkey condemned Syria on Monday. Yeltsin telephoned Clinton on Tuesday.';
  const rels = extract(inputFor(text, [['Turkey', 'LOC'], ['Syria', 'LOC'], ['Yeltsin', 'PERSON'], ['Clinton', 'PERSON']]));
  assert.ok(rels.some((r) => r.type === 'opposed' && r.source === 'Turkey'));
  assert.ok(rels.some((r) => r.type === 'contacted' && r.source === 'Yeltsin' && r.target === 'Clinton'));
  for (const r of rels) {
    assert.ok(r.confidence >= KEEP_FLOOR && r.confidence <= 1);
    assert.match(r.rule, /^(model|[a-z])/);
    if (r.rule.startsWith('model')) assert.ok((r.why ?? []).length > 0);
    for (const s of [r.sourceSpan!, r.targetSpan!]) assert.ok(s.start >= r.evidence.start && s.end <= r.evidence.end);
    assert.equal(text.slice(r.evidence.start, r.evidence.end), r.evidence.text);
  }
});

test('a hard-wrapped paragraph gives the same relations as the unwrapped one', () => {
  const flat = 'Iraqi Prime Minister Haider al-Abadi met Hassan Rouhani in Tehran, where Qasim al-Araji, ' +
    "Iraq's interior minister, joined the talks with the Iranian delegation.";
  const wrapped = flat.replace(/(.{1,40})(?: |$)/g, '$1\n').trim();
  assert.ok(wrapped.includes('\n'));
  const names: HandMention[] = [['Iraqi', 'MISC'], ['Haider al-Abadi', 'PERSON'], ['Hassan Rouhani', 'PERSON'], ['Tehran', 'LOC'],
    ['Qasim al-Araji', 'PERSON'], ['Iraq', 'LOC'], ['Iranian', 'MISC']];
  const key = (r: ExtractedRelation): string => `${r.type}(${r.source} -> ${r.target})`;
  const run = (text: string): string[] => {
    const reading = readingView(text);
    const input = inputFor(reading, names);
    return extract({ ...input, sentences: splitSentences(reading) }).filter((r) => r.confidence >= DEFAULT_MIN_CONFIDENCE).map(key).sort();
  };
  const expected = run(flat);
  assert.ok(expected.length >= 2, expected.join());
  assert.deepEqual(run(wrapped), expected);
});

test('a phone call is contact, not a meeting: no met edge beside the contacted one', () => {
  for (const text of ['Danaeifar later phoned Falih al-Fayyadh.', 'Danaeifar held a phone call with Falih al-Fayyadh on Monday.']) {
    const rels = extract(inputFor(text, [['Danaeifar', 'PERSON'], ['Falih al-Fayyadh', 'PERSON']]));
    assert.ok(rels.some((r) => r.type === 'contacted' && r.source === 'Danaeifar' && r.target === 'Falih al-Fayyadh'), `${text}: ${JSON.stringify(rels.map((r) => [r.type, r.rule]))}`);
    assert.equal(rels.filter((r) => r.type === 'met').length, 0, `${text}: ${JSON.stringify(rels.map((r) => [r.type, r.rule, r.confidence]))}`);
  }
});

test('a payment and a recruitment stated plainly are shown, though the labelled text holds none to measure the rule on', () => {
  assert.deepEqual(shown('The Quds Force paid Farid Nasseri $50,000 for the documents.', [['Quds Force', 'ORG'], ['Farid Nasseri', 'PERSON']]),
    ['paid(Quds Force -> Farid Nasseri)']);
  const text = 'The Quds Force paid Farid Nasseri $50,000 for the documents.';
  const paid = extract(inputFor(text, [['Quds Force', 'ORG'], ['Farid Nasseri', 'PERSON']], { money: [moneyIn(text, '$50,000', 50000, 'USD')] }));
  assert.equal(paid[0]?.amount?.amount, 50000);
  assert.ok(shown('Laila Haddad was recruited by the Interior Ministry in 2015.', [['Laila Haddad', 'PERSON'], ['Interior Ministry', 'ORG']])
    .includes('informant_for(Laila Haddad -> Interior Ministry)'));
});

test('names of one list are siblings for the rules too: no apposition read between two of them', () => {
  const text = 'The leak names Farid Nasseri, Laila Haddad, Omar Saleh, CIA informants and others.';
  const mentions: HandMention[] = [['Farid Nasseri', 'PERSON'], ['Laila Haddad', 'PERSON'], ['Omar Saleh', 'PERSON'], ['CIA', 'ORG']];
  assert.deepEqual(shown(text, mentions).filter((r) => r.includes('Omar Saleh') && r.includes('CIA')), []);
  // Outside a list the same apposition still reads.
  assert.ok(shown('The leak names Omar Saleh, a CIA informant since 2015.', [['Omar Saleh', 'PERSON'], ['CIA', 'ORG']])
    .includes('informant_for(Omar Saleh -> CIA)'));
});

test('a name qualifying the speaker is not a party to what the speaker says; the speaker may be', async () => {
  const { extract: extractAll } = await import('../../src/extract/index.js');
  const edges = (text: string, mentions: HandMention[]): string[] => extractAll(inputFor(text, mentions), extract).relations
    .filter((r) => r.confidence >= DEFAULT_MIN_CONFIDENCE)
    .map((r) => `${r.type}(${r.source} -> ${r.target})${r.negated ? ' NEG' : ''}`).sort();
  // The model alone reads role_in(Iraj Danaeifar -> KDP) here; the sentence says the KDP official is the source.
  const text = 'According to a senior KDP official, Iraj Danaeifar delivered the message to Masoud Barzani in Erbil last week.';
  const mentions: HandMention[] = [['KDP', 'ORG'], ['Iraj Danaeifar', 'PERSON'], ['Masoud Barzani', 'PERSON'], ['Erbil', 'LOC']];
  assert.ok(extract(inputFor(text, mentions)).some((r) => r.type === 'role_in' && r.target === 'KDP'), 'the case still arises');
  assert.ok(!edges(text, mentions).some((r) => r.includes('KDP')), edges(text, mentions).join('; '));
  // The speaker's own denial stays: "Abadi denied meeting Soleimani".
  assert.deepEqual(edges('Haider al-Abadi denied meeting Qassem Soleimani in Baghdad.', [['Haider al-Abadi', 'PERSON'], ['Qassem Soleimani', 'PERSON'], ['Baghdad', 'LOC']])
    .filter((r) => r.startsWith('met')), ['met(Haider al-Abadi -> Qassem Soleimani) NEG']);
});
