// Rules applied after the model, and document-level consistency, on hand-made chunks; cells and broken words with the shipped model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/nlp/tokenize.js';
import { Gazetteer, gazetteerMask } from '../../src/nlp/ner/gazetteer.js';
import { countryAbbreviations, extendOrgHeads, nationalityAdjectives, numberedSources, splitCoordinated, stripTitles, trimChunkStarts } from '../../src/nlp/ner/rules.js';
import { harmoniseTypes, propagateNames, resolveSurnames } from '../../src/nlp/ner/consistency.js';
import type { Chunk } from '../../src/nlp/ner/tags.js';
import { loadRecognizer } from '../../src/nlp/ner/index.js';
import { readSentences } from '../../src/nlp/sentences.js';

const gaz = new Gazetteer();
for (const w of ['kataeb', 'asaib', 'harakat', 'ministry']) gaz.add([w], gazetteerMask('ORGWORD'));
gaz.add(['quds', 'force'], gazetteerMask('ORG'));
for (const w of ['iraqi', 'iranian']) gaz.add([w], gazetteerMask('NAT'));

/** Chunk texts with types, for readable assertions. */
function show(text: string, chunks: Chunk[]): string[] {
  const ts = tokenize(text);
  return chunks.map((c) => `${ts.slice(c.start, c.end).map((t) => t.text).join(' ')}/${c.type}`);
}

test('titles are stripped from PERSON chunks; a title alone is dropped', () => {
  const text = 'Grand Ayatollah Ali al-Sistani met the Ambassador';
  const ts = tokenize(text);
  const out = stripTitles([{ start: 0, end: 4, type: 'PER' }, { start: 6, end: 7, type: 'PER' }], ts);
  assert.deepEqual(show(text, out), ['Ali al-Sistani/PER']);
});

test('coordinated organisations are split; a name with "and" inside is not', () => {
  const a = 'Kataeb Hezbollah and Asaib Ahl al-Haq';
  assert.deepEqual(show(a, splitCoordinated([{ start: 0, end: 7, type: 'ORG' }], tokenize(a), gaz)), ['Kataeb Hezbollah/ORG', 'Asaib Ahl al-Haq/ORG']);
  const b = 'The Intercept and the New York Times';
  assert.deepEqual(show(b, splitCoordinated([{ start: 0, end: 8, type: 'ORG' }], tokenize(b), gaz)), ['The Intercept/ORG', 'New York Times/ORG']);
  const c = 'Ministry of Intelligence and National Security';
  assert.deepEqual(show(c, splitCoordinated([{ start: 0, end: 6, type: 'ORG' }], tokenize(c), gaz)), ['Ministry of Intelligence and National Security/ORG']);
});

test('chunk starts: months and compound adjectives come off; an ORG takes in an organisation word before it', () => {
  const a = 'August National Association of Purchasing Management';
  assert.deepEqual(show(a, trimChunkStarts([{ start: 0, end: 6, type: 'ORG' }], tokenize(a), new Map())), ['National Association of Purchasing Management/ORG']);
  const b = 'the Iran-backed Kataeb Hezbollah';
  assert.deepEqual(show(b, trimChunkStarts([{ start: 1, end: 4, type: 'ORG' }], tokenize(b), new Map())), ['Iran-backed/MISC', 'Kataeb Hezbollah/ORG']);
  const c = 'Harakat Hezbollah al-Nujaba';
  assert.deepEqual(show(c, extendOrgHeads([{ start: 1, end: 3, type: 'ORG' }], tokenize(c), gaz)), ['Harakat Hezbollah al-Nujaba/ORG']);
});

test('numbered sources are people; a lone US is a place', () => {
  const a = 'officially named Source 134992 but';
  assert.deepEqual(show(a, numberedSources([], tokenize(a))), ['Source 134992/PER']);
  const b = 'US troops';
  assert.deepEqual(show(b, countryAbbreviations([{ start: 0, end: 1, type: 'MISC' }], tokenize(b))), ['US/LOC']);
  // Left untagged by the model: a place; before an organisation, part of its name; in an all-caps line "US" may be "us".
  const c = 'after a 26 February US air strike on U.S. Central Command and UK forces';
  const chunks: Chunk[] = [{ start: 9, end: 11, type: 'ORG' }];
  assert.deepEqual(show(c, countryAbbreviations(chunks, tokenize(c))), ['US/LOC', 'U.S. Central Command/ORG', 'UK/LOC']);
  const d = 'LET US PRAY FOR U.S. TROOPS';
  assert.deepEqual(show(d, countryAbbreviations([], tokenize(d))), ['U.S./LOC']);
});

test('document level: names recur, types agree, bare surnames follow the full name', () => {
  const sentences = ['Mustafa al-Kadhimi met Asaib Ahl al-Haq', 'Kadhimi said Asaib Ahl al-Haq agreed', 'Asaib Ahl al-Haq left'];
  const tokens = sentences.map((s) => tokenize(s));
  const doc = {
    tokens,
    chunks: [
      [{ start: 0, end: 2, type: 'PER' }, { start: 3, end: 6, type: 'ORG' }],
      [{ start: 0, end: 1, type: 'ORG' }],
      [{ start: 0, end: 3, type: 'PER' }],
    ] as Chunk[][],
  };
  propagateNames(doc);
  harmoniseTypes(doc);
  resolveSurnames(doc);
  assert.deepEqual(show(sentences[1]!, doc.chunks[1]!), ['Kadhimi/PER', 'Asaib Ahl al-Haq/ORG']);
  // Two ORG votes against one PERSON: the third mention becomes ORG.
  assert.deepEqual(show(sentences[2]!, doc.chunks[2]!), ['Asaib Ahl al-Haq/ORG']);
});

test('a nationality the model left untagged before a lower-case word is MISC; not beside a name, not before a capital', () => {
  const a = 'provided by an anonymous Iraqi source to the Iranian embassy';
  assert.deepEqual(show(a, nationalityAdjectives([], tokenize(a), gaz)), ['Iraqi/MISC', 'Iranian/MISC']);
  // Beside a chunk the model found ("Iraqi Kataeb Hezbollah"), before a capital ("Iraqi Airways"), or not on the list.
  const b = 'the Iraqi Kataeb Hezbollah and Iraqi Airways and a Syrian source';
  assert.deepEqual(show(b, nationalityAdjectives([{ start: 2, end: 4, type: 'ORG' }], tokenize(b), gaz)), ['Kataeb Hezbollah/ORG']);
  // Already tagged: left as the model said.
  const c = 'an Iraqi source';
  assert.deepEqual(show(c, nationalityAdjectives([{ start: 1, end: 2, type: 'LOC' }], tokenize(c), gaz)), ['Iraqi/LOC']);
});

test('a name never runs across the gap between two cells of a table row, and a word broken over two lines is one name', () => {
  const rec = loadRecognizer();
  const table = [
    'Adel Mansouri        Commander           Zulfiqar Brigade',
    'Farid Nazari         Head                Southern Operations Command',
  ].join('\n');
  for (const [text, expected] of [
    [table, ['Adel Mansouri/PERSON', 'Zulfiqar Brigade/ORG', 'Farid Nazari/PERSON', 'Southern Operations Command/ORG']],
    ['Colonel Adel Man-\nsouri met General Farid Nazari of the Southern Opera-\ntions Command in Erbil.', ['Adel Mansouri/PERSON', 'Farid Nazari/PERSON', 'Southern Operations Command/ORG', 'Erbil/LOC']],
  ] as const) {
    const { reading, sentences } = readSentences(text);
    assert.deepEqual(rec.recognize(reading, sentences).map((s) => `${s.text}/${s.type}`), expected);
  }
});
