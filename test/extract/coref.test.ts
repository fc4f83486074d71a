// Coreference: [case, text, named mentions (surface, type, key), expected "reference@occurrence: keys" or "reference@n: -" for none].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType } from '../../src/model/index.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { resolveReferences, type ResolvedReference } from '../../src/extract/coref/index.js';
import { mentionsFromNames } from './helpers.js';

type Name = [surface: string, type: EntityType, key: string];
type Row = [name: string, text: string, names: Name[], expected: string[]];

const SOLEIMANI: Name = ['Soleimani', 'PERSON', 'soleimani'];
const KH: Name = ['Kataib Hezbollah', 'ORG', 'kh'];

const ROWS: Row[] = [
  ['he: the one person named before',
    'Qassem Soleimani travelled to Baghdad in October. He met Iraqi officials there.',
    [['Qassem Soleimani', 'PERSON', 'soleimani'], ['Baghdad', 'LOC', 'baghdad'], ['Iraqi', 'MISC', 'iraq']],
    ['He: soleimani']],
  ['she: a woman\'s first name beats the nearer man',
    'Fatima Hassan met Ali Rezaei in Tehran on Monday. She told reporters the talks had gone well.',
    [['Fatima Hassan', 'PERSON', 'fatima'], ['Ali Rezaei', 'PERSON', 'rezaei'], ['Tehran', 'LOC', 'tehran']],
    ['She: fatima']],
  ['him: not the subject of its own clause',
    'Soleimani met Abadi in Baghdad.\nAbadi thanked him for the support.',
    [SOLEIMANI, ['Abadi', 'PERSON', 'abadi'], ['Baghdad', 'LOC', 'baghdad']],
    ['him: soleimani']],
  ['its: the organisation before it',
    'Kataib Hezbollah denied the report on Tuesday. Its leaders said they answer only to the Iraqi state.',
    [KH, ['Iraqi', 'MISC', 'iraq']],
    ['Its: kh']],
  ['their: an organisation with a plural name',
    'The Syrian Democratic Forces said on Tuesday that their fighters had captured three villages near Raqqa.',
    [['Syrian Democratic Forces', 'ORG', 'sdf'], ['Raqqa', 'LOC', 'raqqa']],
    ['their: sdf']],
  ['the militia: the organisation the text called a militia, over a nearer organisation',
    'Kataib Hezbollah, an Iraqi militia, was blamed by the Pentagon for the rocket attack on Sunday. The militia answers to the IRGC.',
    [KH, ['Iraqi', 'MISC', 'iraq'], ['Pentagon', 'ORG', 'pentagon'], ['IRGC', 'ORG', 'irgc']],
    ['The militia: kh']],
  ['the ambassador: a possessor opens the apposition that describes him',
    "Hassan Danaeifar, Iran's ambassador to Iraq, met Nechirvan Barzani in Erbil. The ambassador later phoned Falih al-Fayyadh.",
    [['Hassan Danaeifar', 'PERSON', 'danaeifar'], ['Iran', 'LOC', 'iran'], ['Iraq', 'LOC', 'iraq'], ['Nechirvan Barzani', 'PERSON', 'barzani'], ['Erbil', 'LOC', 'erbil'], ['Falih al-Fayyadh', 'PERSON', 'fayyadh']],
    ['The ambassador: danaeifar']],
  ['the militia: described before the name',
    'The Iraqi militia Asaib Ahl al-Haq has grown since 2014, and the Badr Organisation has lost ground.\nThe militia now runs checkpoints in Baghdad.',
    [['Iraqi', 'MISC', 'iraq'], ['Asaib Ahl al-Haq', 'ORG', 'aah'], ['Badr Organisation', 'ORG', 'badr'], ['Baghdad', 'LOC', 'baghdad']],
    ['The militia: aah']],
  ['the country: the country, not the city',
    'Protests spread across Iraq last week and filled the streets of Baghdad. The country has not seen such unrest since 2003.',
    [['Iraq', 'LOC', 'iraq'], ['Baghdad', 'LOC', 'baghdad']],
    ['The country: iraq']],
  ['pleonastic it refers to nothing',
    'Soleimani was killed near Baghdad airport. It is likely that Iran will respond within weeks.',
    [SOLEIMANI, ['Baghdad', 'LOC', 'baghdad'], ['Iran', 'LOC', 'iran']],
    ['It: -']],
  ['two men named together: "he" is ambiguous, so unresolved',
    'Hadi al-Amiri and Faleh al-Fayyadh met in Baghdad on Monday. He said the talks had been useful.',
    [['Hadi al-Amiri', 'PERSON', 'amiri'], ['Faleh al-Fayyadh', 'PERSON', 'fayyadh'], ['Baghdad', 'LOC', 'baghdad']],
    ['He: -']],
  ['no person named before: "he" is unresolved',
    'The ministry in Tehran issued a statement on Friday. He said nothing more.',
    [['Tehran', 'LOC', 'tehran']],
    ['He: -']],
  ['both: the two names of the list just before',
    'Adams and Platt are both injured and will miss the qualifier on Sunday.',
    [['Adams', 'PERSON', 'adams'], ['Platt', 'PERSON', 'platt']],
    ['both: adams+platt']],
  ['both agencies: the pair named in the sentence before',
    'The CIA and the NSA shared the intercepts with Baghdad. Both agencies declined to comment on Friday.',
    [['CIA', 'ORG', 'cia'], ['NSA', 'ORG', 'nsa'], ['Baghdad', 'LOC', 'baghdad']],
    ['Both agencies: cia+nsa']],
  ['the last three: the right three of a list of four',
    'The factions include Kataib Hezbollah, Asaib Ahl al-Haq, Kataib Sayyid al-Shuhada and the Badr Organisation. ' +
      'The last three answer directly to the IRGC.',
    [KH, ['Asaib Ahl al-Haq', 'ORG', 'aah'], ['Kataib Sayyid al-Shuhada', 'ORG', 'kss'], ['Badr Organisation', 'ORG', 'badr'], ['IRGC', 'ORG', 'irgc']],
    ['The last three: aah+badr+kss']],
  ['the latter: the last of the pair named before',
    'Washington accused Hadi al-Amiri and Qais al-Khazali of directing the attack. The latter denied any role on Sunday.',
    [['Washington', 'LOC', 'washington'], ['Hadi al-Amiri', 'PERSON', 'amiri'], ['Qais al-Khazali', 'PERSON', 'khazali']],
    ['The latter: khazali']],
  ['the two leaders: the two people just named',
    'Defense Secretary Ash Carter met Prime Minister Haider al-Abadi in Baghdad, where the two leaders discussed the campaign.',
    [['Ash Carter', 'PERSON', 'carter'], ['Haider al-Abadi', 'PERSON', 'abadi'], ['Baghdad', 'LOC', 'baghdad']],
    ['the two leaders: abadi+carter']],
];

const render = (r: ResolvedReference): string => `${r.text}: ${[...r.entityKeys].sort().join('+')}`;

for (const [name, text, names, expected] of ROWS) {
  test(`coref: ${name}`, () => {
    const resolved = resolveReferences({ text, sentences: splitSentences(text), mentions: mentionsFromNames(text, names) });
    for (const line of expected) {
      const ref = line.slice(0, line.indexOf(': '));
      const keys = line.slice(line.indexOf(': ') + 2);
      const found = resolved.filter((r) => r.text === ref);
      if (keys === '-') assert.deepEqual(found.map(render), [], `${ref} should stay unresolved`);
      else assert.deepEqual(found.map(render), [line]);
    }
  });
}

test('coref: offsets are exact, kinds and types as documented, antecedents point at the names', () => {
  const text = 'GENEVA (Reuters) - Kataib Hezbollah, an Iraqi militia, rejected\nthe accusation. Its spokesman said the militia had not fired.\n' +
    'Abu Mahdi al-Muhandis, its founder, was killed in January. The U.S. said he had planned the attack.';
  const names: Name[] = [['GENEVA', 'LOC', 'geneva'], ['Reuters', 'ORG', 'reuters'], KH, ['Iraqi', 'MISC', 'iraq'],
    ['Abu Mahdi al-Muhandis', 'PERSON', 'muhandis'], ['U.S.', 'LOC', 'us']];
  const mentions = mentionsFromNames(text, names);
  const resolved = resolveReferences({ text, sentences: splitSentences(text), mentions });
  for (const r of resolved) {
    assert.equal(text.slice(r.start, r.end), r.text);
    assert.ok(r.confidence > 0 && r.confidence <= 1);
    for (const a of r.antecedents) assert.ok(mentions.some((m) => m.start === a.start && m.end === a.end && r.entityKeys.includes(m.entityKey)));
  }
  const byText = new Map(resolved.map((r) => [r.text, r]));
  assert.equal(byText.get('its')?.kind, 'possessive');
  assert.deepEqual(byText.get('its')?.entityKeys, ['kh']);
  // A dateline's agency is no antecedent: "Its" may stay unresolved, but never goes to Reuters or Geneva.
  assert.ok(!resolved.some((r) => r.entityKeys.includes('reuters') || r.entityKeys.includes('geneva')));
  assert.equal(byText.get('the militia')?.kind, 'definite');
  assert.equal(byText.get('the militia')?.type, 'ORG');
  assert.deepEqual(byText.get('he')?.entityKeys, ['muhandis']);
  assert.equal(byText.get('he')?.kind, 'pronoun');
  assert.equal(byText.get('he')?.type, 'PERSON');
});

test('coref: a document without names or references gives nothing', () => {
  const text = 'Prices rose sharply on Tuesday. Trading was thin.';
  assert.deepEqual(resolveReferences({ text, sentences: splitSentences(text), mentions: [] }), []);
});
