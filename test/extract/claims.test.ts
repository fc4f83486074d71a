// Claims: [text, hand-written mentions, expected "stance <speaker> key: claim start"].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractClaims } from '../../src/extract/claims.js';
import { inputFor, type HandMention } from './helpers.js';

type Row = [name: string, text: string, mentions: HandMention[], expected: string[]];

const ROWS: Row[] = [
  [
    'quotation with an anonymous specialist',
    '“There has been an escalation at various levels in Iraq, on the security, political and media levels,” a specialist in Iranian affairs told MEE, speaking on condition of anonymity.',
    [['Iraq', 'LOC'], ['Iranian', 'MISC'], ['MEE', 'ORG']],
    ['asserts <a specialist in Iranian affairs> null anon: There has been an escalation'],
  ],
  [
    'quotation with a named speaker after the verb',
    '“Qaani is the weakest link in the chain of command,” said Hadi al-Amiri.',
    [['Qaani', 'PERSON'], ['Hadi al-Amiri', 'PERSON', 'Amiri']],
    ['asserts <Hadi al-Amiri> Amiri: Qaani is the weakest link'],
  ],
  [
    'quotation introduced by a titled, named speaker',
    'Iraqi Prime Minister Adel Abdul-Mahdi said: “We will not allow Iraq to become a battleground for others.”',
    [['Iraqi', 'MISC'], ['Adel Abdul-Mahdi', 'PERSON', 'Abdul-Mahdi'], ['Iraq', 'LOC']],
    ['asserts <Iraqi Prime Minister Adel Abdul-Mahdi> Abdul-Mahdi: We will not allow Iraq'],
  ],
  [
    'denial by a named person',
    'Abadi, in particular, vehemently denied meeting in secret with Iranian intelligence operatives.',
    [['Abadi', 'PERSON']],
    ['denies <Abadi> Abadi: meeting in secret with Iranian'],
  ],
  [
    'reported speech with "sources said" interposed',
    'Those assassinations, sources said, left behind a vast mess that has been reflected on the work of the four agencies.',
    [],
    ['asserts <sources> null anon: Those assassinations left behind'],
  ],
  [
    'according to a document',
    'According to the leaks, Iran found many of them and paid them to switch loyalties.',
    [['Iran', 'LOC']],
    ['asserts <the leaks> null: Iran found many of them'],
  ],
  [
    'a document that reveals',
    'The leak also reveals that Nechervan Barzani met with top American and British officials in Dec 2014.',
    [['Nechervan Barzani', 'PERSON']],
    ['asserts <The leak> null: Nechervan Barzani met with'],
  ],
  [
    'a speaker that is a named organisation',
    'The Pentagon said a US contractor had died during the attack.',
    [['Pentagon', 'ORG'], ['US', 'LOC']],
    ['asserts <The Pentagon> Pentagon: a US contractor had died'],
  ],
  [
    'two statements in one sentence, each with its speaker',
    'The Iraqi military said the attack did not cause any casualties, but the Pentagon said the next day that a US contractor had died.',
    [['Iraqi', 'MISC'], ['Pentagon', 'ORG'], ['US', 'LOC']],
    ['asserts <The Iraqi military> null: the attack did not cause any casualties', 'asserts <the Pentagon> Pentagon: a US contractor had died'],
  ],
  [
    'scare quotes are not claims',
    'Abadi was dismissed as “the Americans’ candidate” and enjoyed a “special relationship” with Iran.',
    [['Abadi', 'PERSON'], ['Iran', 'LOC']],
    [],
  ],
];

for (const [name, text, mentions, expected] of ROWS) {
  test(`claims: ${name}`, () => {
    const got = extractClaims(inputFor(text, mentions)).map(
      (c) => `${c.stance} <${c.speakerText}> ${c.speakerKey ?? 'null'}${c.anonymous === true ? ' anon' : ''}: ${c.text}`,
    );
    assert.equal(got.length, expected.length, got.join('\n'));
    got.forEach((g, i) => assert.ok(g.startsWith(expected[i]!), `${g}\n  does not start with\n${expected[i]}`));
  });
}

test('claims: a pronoun speaker takes the previous speaker', () => {
  const text =
    '“The actual leader of the factions at the moment is Hejazi,” a political leader close to Iran told MEE. “The supreme leader is trying to regain his control over the agencies,” he said.';
  const claims = extractClaims(inputFor(text, [['Hejazi', 'PERSON'], ['Iran', 'LOC'], ['MEE', 'ORG']]));
  assert.equal(claims.length, 2);
  assert.equal(claims[1]!.speakerText, 'he');
  assert.equal(claims[1]!.anonymous, true);
});

test('claims: a quoted paragraph right after an attributed one keeps its speaker', () => {
  const text = '“Soleimani was the link that binds all the factions together,” the specialist said.\n“The Iranians have failed to compensate for the two so far.”\nThe Pentagon said nothing.';
  const claims = extractClaims(inputFor(text, [['Soleimani', 'PERSON'], ['Pentagon', 'ORG']]));
  assert.equal(claims[1]?.rule, 'quote:continued');
  assert.equal(claims[1]?.speakerText, 'the specialist');
  assert.equal(claims[1]?.text, 'The Iranians have failed to compensate for the two so far.');
});

test('claims: narrating verbs need "that" to report speech', () => {
  const text = 'Tartabull added two hits and three runs for the visitors.';
  assert.deepEqual(extractClaims(inputFor(text, [['Tartabull', 'PERSON']])), []);
});

test('claims: lines joined from an e-mail quote (runs of spaces) read as the same claims', () => {
  // Ingest's reading view of "> " quoted mail keeps offsets by leaving a run of spaces where each line break and quote
  // mark were ("particular,   vehemently"); the claim patterns are written with single spaces and must read through.
  const flats = [
    'Abadi, in particular, vehemently denied meeting in secret with Iranian intelligence operatives.',
    '“Qaani is the weakest link in the chain of command of the factions,” said Hadi al-Amiri, the commander.',
    'Iraqi Prime Minister Adel Abdul-Mahdi said: “We will not allow Iraq to become a battleground for others.”',
  ];
  const NAMES: [RegExp, HandMention[1]][] = [[/Abadi/, 'PERSON'], [/Iranian/, 'MISC'], [/Qaani/, 'PERSON'], [/Hadi\s+al-Amiri/, 'PERSON'],
    [/Iraqi/, 'MISC'], [/Adel\s+Abdul-Mahdi/, 'PERSON'], [/Iraq\b/, 'LOC']];
  const read = (t: string) => {
    const names = NAMES.flatMap(([re, type]) => { const m = re.exec(t); return m ? [[m[0], type] as HandMention] : []; });
    return extractClaims(inputFor(t, names)).map((c) => ({ stance: c.stance, speaker: c.speakerText.replace(/\s+/g, ' '), claim: t.slice(c.span!.start, c.span!.end).replace(/\s+/g, ' ') }));
  };
  for (const flat of flats) {
    const given = read(flat);
    assert.equal(given.length, 1, flat);
    // Every third space becomes the run a joined quote line leaves.
    let n = 0;
    const joined = flat.replace(/ /g, () => (++n % 3 === 0 ? '   ' : ' '));
    assert.deepEqual(read(joined), given, joined);
  }
});
