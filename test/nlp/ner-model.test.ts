// The shipped NER model: loading, names it must find in the sample articles, and dev-set F1 when the data is present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModelDir, findPackageRoot, loadRecognizer, MODEL_FILE } from '../../src/nlp/ner/index.js';
import { evaluateNerFile } from '../../src/nlp/ner/eval.js';
import { splitSentences } from '../../src/nlp/sentences.js';

test('the model ships under models/, loads in under a second and is cached', () => {
  assert.ok(existsSync(join(defaultModelDir(), MODEL_FILE)));
  assert.equal(defaultModelDir(), join(findPackageRoot(), 'models'));
  // CPU time, not wall time: the bound is about the loader's work, and CI machines are shared.
  const c0 = process.cpuUsage();
  const rec = loadRecognizer();
  const c = process.cpuUsage(c0);
  const ms = (c.user + c.system) / 1000;
  assert.ok(ms < 1000, `load took ${ms.toFixed(0)} ms of CPU`);
  assert.equal(loadRecognizer(), rec);
  assert.match(rec.version, /^cablegraph-ner-en-/);
});

// Sentences from examples/iran-cables/*.txt and the names the model must find in them, with their types.
const MUST_FIND: Array<[string, Array<[string, string]>]> = [
  [
    'The Intercept and the New York Times on Monday published a lengthy examination of leaked Iranian intelligence cables that shed new light on how thoroughly Iran dominates the politics of Iraq, with much of the dirtiest work done by the commander of Iran’s notorious Quds Force, Gen. Qassem Soleimani.',
    [['New York Times', 'ORG'], ['Iran', 'LOC'], ['Iraq', 'LOC'], ['Quds Force', 'ORG'], ['Qassem Soleimani', 'PERSON']],
  ],
  [
    'Asghar Hejazi, Khamenei’s security adviser in charge of the Beit Rahbari agency, became directly responsible for the most prominent Iraqi armed factions, including Kataeb Hezbollah and Asaib Ahl al-Haq.',
    [['Asghar Hejazi', 'PERSON'], ['Khamenei', 'PERSON'], ['Iraqi', 'MISC'], ['Kataeb Hezbollah', 'ORG'], ['Asaib Ahl al-Haq', 'ORG']],
  ],
  [
    'When Grand Ayatollah Ali al-Sistani called on Iraqis to take up arms and mobilise against IS, he unintentionally offered an ideological umbrella to form this force.',
    // "IS" (Islamic State) is also the word "is": found by some trainings, missed by this one (MODEL_CARD.md).
    [['Ali al-Sistani', 'PERSON']],
  ],
  [
    'Under Soleimani, Hashd al-Shaabi played a major role in wiping out IS in Iraq.',
    [['Soleimani', 'PERSON'], ['Hashd al-Shaabi', 'ORG'], ['Iraq', 'LOC']],
  ],
  [
    'The report is based on material from Iran’s Ministry of Intelligence and National Security that was provided by an anonymous Iraqi source.',
    [['Iran', 'LOC'], ['Ministry of Intelligence and National Security', 'ORG'], ['Iraqi', 'MISC']],
  ],
  [
    'One such asset, officially named Source 134992 but known by the CIA as “Donnie Brasco” reportedly accepted Iran’s offer of protection.',
    [['Source 134992', 'PERSON'], ['CIA', 'ORG'], ['Donnie Brasco', 'PERSON'], ['Iran', 'LOC']],
  ],
  [
    'It alleged that Prime Minister Mustafa al-Kadhimi was seeking to increase the number of US troops in Iraq.',
    [['Mustafa al-Kadhimi', 'PERSON'], ['US', 'LOC'], ['Iraq', 'LOC']],
  ],
  [
    'The faction leaders represented in the “the Coordinating Body of the Resistance Factions” met the next day in Baghdad to plan the next steps.',
    [['Coordinating Body of the Resistance Factions', 'ORG'], ['Baghdad', 'LOC']],
  ],
  [
    'Abu Mahdi al-Muhandis, the deputy head of the Hashd, was killed alongside Soleimani.',
    [['Abu Mahdi al-Muhandis', 'PERSON'], ['Soleimani', 'PERSON']],
  ],
];

test('finds the names in sentences from the sample articles', () => {
  const rec = loadRecognizer();
  for (const [sentence, want] of MUST_FIND) {
    const found = rec.recognize(sentence, splitSentences(sentence)).map((s) => `${s.text}/${s.type}`);
    for (const [name, type] of want) assert.ok(found.includes(`${name}/${type}`), `${name}/${type} not in [${found.join(', ')}] for: ${sentence}`);
  }
});

test('spans carry offsets into the text, and titles stay outside names', () => {
  const text = 'Boilerplate line\n\nLt. Gen. Qassem Soleimani met Prime Minister Adel Abdul-Mahdi in Baghdad.';
  const spans = loadRecognizer().recognize(text, splitSentences(text));
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
  const people = spans.filter((s) => s.type === 'PERSON').map((s) => s.text);
  assert.deepEqual(people, ['Qassem Soleimani', 'Adel Abdul-Mahdi']);
});

test('document level: headlines are truecased, later surnames follow the full name, names found once are found again', () => {
  const text = [
    'Leaked Cables Reveal How Iran Dominates Its Neighbour',
    '',
    'The cables reveal how Iran dominates its neighbour, officials said on Monday.',
    'Prime Minister Mustafa al-Kadhimi met the envoy of Asaib Ahl al-Haq in Baghdad.',
    'Kadhimi later denied that the meeting with Asaib Ahl al-Haq had taken place.',
  ].join('\n');
  const spans = loadRecognizer().recognize(text, splitSentences(text));
  const found = spans.map((s) => `${s.text}/${s.type}`);
  assert.ok(!found.some((f) => f.startsWith('Leaked') || f.includes('Reveal')), found.join(', '));
  assert.equal(found.filter((f) => f === 'Iran/LOC').length, 2, found.join(', '));
  assert.ok(found.includes('Kadhimi/PERSON'), found.join(', '));
  assert.equal(found.filter((f) => f === 'Asaib Ahl al-Haq/ORG').length, 2, found.join(', '));
});

test('a sentence adverb or a lone title is not a name', () => {
  const text = 'Likewise, the Ambassador said that Kurdish forces had withdrawn.';
  const found = loadRecognizer().recognize(text, splitSentences(text)).map((s) => s.text);
  assert.ok(!found.includes('Likewise') && !found.includes('Ambassador'), found.join(', '));
});

// Hand-written sentences in the same domain (not from the sample articles): names the model must find.
const DOMAIN: Array<[string, Array<[string, string]>]> = [
  ['Foreign Minister Mohammad Javad Zarif and President Hassan Rouhani met Ali Akbar Velayati in Tehran.',
    [['Mohammad Javad Zarif', 'PERSON'], ['Hassan Rouhani', 'PERSON'], ['Ali Akbar Velayati', 'PERSON'], ['Tehran', 'LOC']]],
  ['Harakat Hezbollah al-Nujaba and Saraya al-Salam, the militia loyal to Moqtada al-Sadr, denied the report.',
    [['Harakat Hezbollah al-Nujaba', 'ORG'], ['Saraya al-Salam', 'ORG'], ['Moqtada al-Sadr', 'PERSON']]],
  ['Abu Bakr al-Baghdadi, the leader of the Islamic State of Iraq and the Levant, was killed in Idlib province.',
    // Known failure (models/MODEL_CARD.md): the model splits "Islamic State of Iraq and the Levant" at "and the".
    [['Abu Bakr al-Baghdadi', 'PERSON'], ['Idlib', 'LOC']]],
  ['Officials said Iran-backed Kataeb Hezbollah fired the rockets.',
    [['Kataeb Hezbollah', 'ORG']]],
  ['Brig. Gen. Hossein Salami, the IRGC commander, said the Basij would not retreat.',
    [['Hossein Salami', 'PERSON'], ['IRGC', 'ORG'], ['Basij', 'ORG']]],
];

test('finds names of Arabic and Persian origin in hand-written domain sentences', () => {
  const rec = loadRecognizer();
  for (const [sentence, want] of DOMAIN) {
    const found = rec.recognize(sentence, splitSentences(sentence)).map((s) => `${s.text}/${s.type}`);
    for (const [name, type] of want) assert.ok(found.includes(`${name}/${type}`), `${name}/${type} not in [${found.join(', ')}]`);
  }
});

test('names inside web boilerplate are found; the boilerplate yields few names', () => {
  const text = [
    'Skip to main content',
    'Home | World | Middle East | Opinion',
    '',
    'By Jane Smith, Reuters',
    'Published November 20th, 2019 - 08:25 GMT',
    '',
    'BAGHDAD (Reuters) - Lt. Gen. Abdulamir Yarallah met officials of Kataib Hezbollah and the Popular Mobilization Forces on Tuesday, according to a statement from the Iraqi Ministry of Defence.',
    '',
    'Subscribe to our newsletter | © 2019 Thomson Reuters. All rights reserved.',
  ].join('\n');
  const found = loadRecognizer().recognize(text, splitSentences(text)).map((s) => `${s.text}/${s.type}`);
  for (const want of ['Jane Smith/PERSON', 'BAGHDAD/LOC', 'Abdulamir Yarallah/PERSON', 'Kataib Hezbollah/ORG', 'Popular Mobilization Forces/ORG', 'Ministry of Defence/ORG']) {
    assert.ok(found.includes(want), `${want} not in [${found.join(', ')}]`);
  }
  assert.ok(found.length <= 12, found.join(', '));
});

const DEV = process.env.CABLEGRAPH_DATA ? join(process.env.CABLEGRAPH_DATA, 'conll2003/dev.txt') : join(findPackageRoot(), '..', 'shared', 'data', 'conll2003', 'dev.txt');

test('CoNLL-2003 dev F1 >= 0.88 (conlleval)', { skip: existsSync(DEV) ? false : `no CoNLL-2003 dev set at ${DEV} (shared data absent)` }, async () => {
  const { report, f1 } = await evaluateNerFile(DEV);
  console.log(report);
  assert.match(report.split('\n').at(-1)!, /^F1 0\.\d{4}$/);
  assert.ok(f1 >= 0.88, `dev F1 ${f1}`);
});
