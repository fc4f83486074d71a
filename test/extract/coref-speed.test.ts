// Coreference stays linear in document length: the work (appearances looked at) grows 10x for a 10x document, and a
// crowded sentence does not make each later reference scan everything named before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType } from '../../src/model/index.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { resolveReferences } from '../../src/extract/coref/index.js';
import { mentionsFromNames } from './helpers.js';

const PARAGRAPH =
  'Kataib Hezbollah, an Iraqi militia, was blamed for the rocket attack on the base near Kirkuk. ' +
  'Its leaders denied it, and the militia said it answers only to the Iraqi state.\n' +
  'Qassem Soleimani met Hadi al-Amiri in Baghdad on Monday. He told him that the\nPentagon would respond. ' +
  'The CIA and the NSA shared the intercepts. Both agencies declined to comment, and they said nothing more.\n';
const NAMES: [string, EntityType, string][] = [
  ['Kataib Hezbollah', 'ORG', 'kh'], ['Iraqi', 'MISC', 'iraq'], ['Kirkuk', 'LOC', 'kirkuk'], ['Qassem Soleimani', 'PERSON', 'soleimani'],
  ['Hadi al-Amiri', 'PERSON', 'amiri'], ['Baghdad', 'LOC', 'baghdad'], ['Pentagon', 'ORG', 'pentagon'], ['CIA', 'ORG', 'cia'], ['NSA', 'ORG', 'nsa'],
];

function work(text: string): { steps: number; resolved: number } {
  const counter = { steps: 0 };
  const resolved = resolveReferences({ text, sentences: splitSentences(text), mentions: mentionsFromNames(text, NAMES) }, { work: counter });
  return { steps: counter.steps, resolved: resolved.length };
}

test('coref speed: work grows linearly with the document (1x vs 10x)', () => {
  const small = work(PARAGRAPH.repeat(20));
  const large = work(PARAGRAPH.repeat(200));
  assert.ok(small.steps > 0 && small.resolved > 0);
  const ratio = large.steps / small.steps;
  assert.ok(ratio > 9 && ratio < 11, `work ratio ${ratio.toFixed(2)} for a 10x document`);
  assert.ok(large.resolved / small.resolved > 8 && large.resolved / small.resolved < 12);
});

test('coref speed: a sentence naming hundreds of entities does not make later references scan them all', () => {
  const names: [string, EntityType, string][] = [];
  const list: string[] = [];
  for (let i = 0; i < 400; i++) {
    const name = `Brigade${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`;
    names.push([name, 'ORG', name.toLowerCase()]);
    list.push(name);
  }
  const text = `The groups include ${list.join(', ')}.\n` + 'It denied the report. Its leaders said the group would respond.\n'.repeat(50);
  const counter = { steps: 0 };
  resolveReferences({ text, sentences: splitSentences(text), mentions: mentionsFromNames(text, names) }, { work: counter });
  // 150 references; an unbounded scan would look at 400 names for each of the first ones.
  assert.ok(counter.steps < 150 * 60, `steps ${counter.steps}`);
});
