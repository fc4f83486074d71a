// ALL-CAPS prose (telexes, old cables, typewritten memos) read with the casing mixed-case text would give it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, type Token } from '../../src/nlp/tokenize.js';
import { titleCase, truecaseCapsSentences } from '../../src/nlp/ner/truecase-caps.js';
import { loadRecognizer } from '../../src/nlp/ner/index.js';
import { readSentences } from '../../src/nlp/sentences.js';

// Capitalisation buckets as unlabelled text gives them: 0 = never capitalised mid-sentence, 4 = nearly always.
const buckets = new Map([['met', 0], ['governor', 2], ['mosul', 4], ['militia', 1], ['leader', 1], ['nato', 4], ['police', 1], ['may', 3], ['agreed', 0], ['withdraw', 0]]);

const sentencesOf = (lines: string[]): { text: string; tokens: Token[][] } => {
  const text = lines.join('\n');
  let at = 0;
  const tokens = lines.map((l) => {
    const ts = tokenize(text, at, at + l.length);
    at += l.length + 1;
    return ts;
  });
  return { text, tokens };
};
const words = (ts: Token[]): string => ts.map((t) => t.text).join(' ');

test('titleCase capitalises each part of a hyphenated or apostrophised word', () => {
  assert.equal(titleCase('AL-TAMIMI'), 'Al-Tamimi');
  assert.equal(titleCase("O'BRIEN"), "O'Brien");
  assert.equal(titleCase('MOSUL'), 'Mosul');
});

test('a document written in capitals is recased from the buckets: common words lower, names and unknown words capitalised, acronyms kept', () => {
  const { text, tokens } = sentencesOf(['THE LEADER OF THE MILITIA MET GOVERNOR JABOURI IN MOSUL, I SAID.', 'THE LNA AND THE KDP MET NATO POLICE.']);
  const out = truecaseCapsSentences(tokens, buckets, 12);
  assert.equal(words(out[0]!), 'The leader of the militia met governor Jabouri in Mosul , I said .');
  // Unknown and three letters or fewer: an acronym ("LNA"); no vowel: an acronym ("KDP"); "NATO" is capitalised as the buckets know it.
  assert.equal(words(out[1]!), 'The LNA and the KDP met Nato police .');
  // Offsets are the stored text's: every token still points at its own characters.
  for (const ts of out) for (const t of ts) assert.equal(text.slice(t.start, t.end).toLowerCase(), t.text.toLowerCase());
});

test('in a mixed-case document, an ALL-CAPS paragraph takes the forms the document itself writes; headlines stay as written', () => {
  const { tokens } = sentencesOf([
    'CABLE: MILITIA LEADER MEETS GOVERNOR',
    'AHMED AL-TAMIMI, THE LEADER OF THE SARAYA AL-NOUR MILITIA, MET THE GOVERNOR OF NINEVEH IN MOSUL ON 4 MAY AND AGREED TO WITHDRAW.',
    "According to a contact, al-Tamimi's group is funded by the Badr Foundation and the Governor depends on the militia.",
  ]);
  const out = truecaseCapsSentences(tokens, buckets, 12);
  // Five words: a headline, which the model reads in capitals as it learnt them.
  assert.equal(out[0], tokens[0]);
  assert.equal(words(out[1]!), 'Ahmed al-Tamimi , the leader of the Saraya Al-Nour militia , met the Governor of Nineveh in Mosul on 4 May and agreed to withdraw .');
  assert.equal(out[2], tokens[2]);
});

test('a document without ALL-CAPS sentences is returned as it was', () => {
  const { tokens } = sentencesOf(['Ahmed al-Tamimi met the governor in Mosul.', 'NATO said so.']);
  assert.equal(truecaseCapsSentences(tokens, buckets, 12), tokens);
});

test('the shipped recognizer reads a telex in capitals as whole names (spans are the stored capitals)', () => {
  const rec = loadRecognizer();
  const text = 'CAIRO, JUNE 3 - EGYPT\'S FOREIGN MINISTER, SAMEH HOSNY, MET HIS JORDANIAN COUNTERPART AYMAN RIFAI IN AMMAN ON TUESDAY.\n'
    + 'THE LIBYAN NATIONAL ARMY IS LED BY MARSHAL KHALIFA DARWISH AND IS BACKED BY THE UNITED ARAB EMIRATES.';
  const { reading, sentences } = readSentences(text);
  const names = rec.recognize(reading, sentences).map((s) => `${s.text}/${s.type}`);
  for (const n of ['SAMEH HOSNY/PERSON', 'AYMAN RIFAI/PERSON', 'KHALIFA DARWISH/PERSON', 'AMMAN/LOC', 'LIBYAN NATIONAL ARMY/ORG']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
});

test('an auxiliary opening a question is not part of the name after it', () => {
  const rec = loadRecognizer();
  for (const text of ['Did Karimov actually meet the brigade commander?', 'Has Karimov met the colonel since?']) {
    const { reading, sentences } = readSentences(text);
    const names = rec.recognize(reading, sentences).map((s) => s.text);
    assert.deepEqual(names, ['Karimov'], text);
  }
});
