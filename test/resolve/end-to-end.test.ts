import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityType } from '../../src/model/index.js';
import { clusterEntities, resolveWithinDocument, toCandidates, type DocumentMention, type MergeDecision } from '../../src/resolve/index.js';

/** A document with its mentions, located by surface form in text order. */
function doc(id: string, text: string, specs: [string, EntityType][]): { id: string; text: string; mentions: DocumentMention[] } {
  let from = 0;
  const mentions = specs.map(([surface, type]) => {
    const start = text.indexOf(surface, from);
    assert.ok(start >= 0, `${id}: "${surface}" not found`);
    from = start + surface.length;
    return { start, end: start + surface.length, type, text: surface };
  });
  return { id, text, mentions };
}

// Short sentences in the style of the sample cables; each document spells names its own way.
const DOCS = [
  doc('a', 'Iraqi Shia militia fighters were organised into the Popular Mobilization Forces (PMU) by Gen. Qassem Soleimani. The PMU fought in Iraq. Soleimani visited Iran.', [
    ['Popular Mobilization Forces', 'ORG'], ['PMU', 'ORG'], ['Gen. Qassem Soleimani', 'PERSON'], ['PMU', 'ORG'], ['Iraq', 'LOC'], ['Soleimani', 'PERSON'], ['Iran', 'LOC'],
  ]),
  doc('b', 'Qasem Soleimani founded the Hashd al-Shaabi, also known as the Popular Mobilization Forces, with Kataib Hezbollah.', [
    ['Qasem Soleimani', 'PERSON'], ['Hashd al-Shaabi', 'ORG'], ['Popular Mobilization Forces', 'ORG'], ['Kataib Hezbollah', 'ORG'],
  ]),
  doc('c', 'A US air strike on Kataeb Hezbollah fighters; the Hashd al-Shaabi leadership in Iraq called for an investigation. Abu Fadak met Abu Mahdi al-Muhandis.', [
    ['US', 'LOC'], ['Kataeb Hezbollah', 'ORG'], ['Hashd al-Shaabi', 'ORG'], ['Iraq', 'LOC'], ['Abu Fadak', 'PERSON'], ['Abu Mahdi al-Muhandis', 'PERSON'],
  ]),
];

/** Runs both resolution steps and returns entity name -> member keys. */
function resolve(decisions: MergeDecision[] = []): Map<string, string[]> {
  const candidates = DOCS.flatMap((d) => toCandidates(d.id, d.mentions, resolveWithinDocument(d.text, d.mentions).clusters));
  return new Map(clusterEntities(candidates, decisions).entities.map((e) => [e.name, e.members]));
}

test('documents in, entities out: spellings and stated equivalences join, different names stay apart', () => {
  const entities = resolve();
  assert.deepEqual(entities.get('Popular Mobilization Forces'), ['a#ORG:popular mobilization forces', 'b#ORG:popular mobilization forces', 'c#ORG:hashd al shaabi']);
  assert.deepEqual(entities.get('Qassem Soleimani'), ['a#PERSON:qassem soleimani', 'b#PERSON:qasem soleimani']);
  assert.deepEqual(entities.get('Kataib Hezbollah') ?? entities.get('Kataeb Hezbollah'), ['b#ORG:kataib hezbollah', 'c#ORG:kataeb hezbollah']);
  assert.deepEqual(entities.get('Iraq'), ['a#LOC:iraq', 'c#LOC:iraq']);
  assert.deepEqual(entities.get('Iran'), ['a#LOC:iran']);
  assert.deepEqual(entities.get('Abu Fadak'), ['c#PERSON:abu fadak']);
});

test('a stored split is applied again after re-extraction', () => {
  const split: MergeDecision = { kind: 'split', a: 'b#ORG:kataib hezbollah', b: 'c#ORG:kataeb hezbollah', at: '2026-11-21T10:00:00Z', by: 'analyst' };
  const first = resolve([split]);
  const again = resolve([split]);
  assert.deepEqual(again, first);
  assert.deepEqual(first.get('Kataib Hezbollah'), ['b#ORG:kataib hezbollah']);
  assert.deepEqual(first.get('Kataeb Hezbollah'), ['c#ORG:kataeb hezbollah']);
});
