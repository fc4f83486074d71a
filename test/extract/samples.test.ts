// End to end on the sample articles with hand-made names: what a user sees by default must be mostly right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_MIN_CONFIDENCE, extract } from '../../src/extract/index.js';
import { extractDates } from '../../src/nlp/dates.js';
import { extractMoney } from '../../src/nlp/money.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { mentionsFromNames } from './helpers.js';
import { SAMPLE_NAMES } from './sample-names.js';

// Relations checked by hand against the articles as correct readings. Anything shown that is not listed counts as wrong.
const JUDGED_CORRECT: Record<string, string[]> = {
  '000_d100bfb39792b62b.txt': [
    'located_in(Tehran -> Iran)', // "attends a meeting in Tehran, Iran"
    'role_in(Soleimani -> IRGC)', // "Revolutionary Guard Gen. Qassem Soleimani"
    'opposed(Israel -> Iran)', // "The long shadow war between Israel and Iran"
    'controls(Iran -> Iraq)', // "how thoroughly Iran dominates the politics of Iraq"
    'role_in(Soleimani -> Quds Force)', // "the commander of Iran's notorious Quds Force, Gen. Qassem Soleimani"
    'role_in(Abdul-Mahdi -> Iraq)', // "Iraqi Prime Minister Adel Abdul-Mahdi"
    'part_of(IRGC -> Iran)', // "(IRGC), the military arm of the Iranian theocracy"
    'part_of(MOIS -> Iran)', // "the Iranian intelligence ministry (MOIS)"
    'part_of(Quds Force -> Iran)', // "Iran's notorious Quds Force"
    'role_in(Abadi -> Iraq)', // "Iraqi Prime Minister Haider al-Abadi"
  ],
  '001_922c9d26da2ca72a.txt': [
    'attacked(United States -> Iraq)', // "the U.S.' invasion and occupation of Iraq"
    'role_in(Jabouri -> Iraq)', // "Salim al-Jabouri, Iraq's speaker of parliament"
    'informant_for(Barzani -> Iran)', // "before immediately reporting the details of the meeting to an Iranian official"
    'role_in(Barzani -> Kurdistan)', // "the former prime minister of Kurdistan"
    'opposed(PMU -> Islamic State)', // "the Popular Mobilization Forces (PMU) in the fight against ISIS"
    'controls(Iran -> PMU)', // "Iranian-led PMU forces"
    'role_in(Maksusi -> Iraq)', // "Iraq's then-commander of military intelligence, Lt. Gen. Hatem al-Maksusi"
    'controls(United States -> SDF)', // "the U.S.-backed Kurdish-led militia, the Syrian Democratic Forces"
    'controls(Kurds -> SDF)', // same sentence, "Kurdish-led"
    'paid(United States -> Source 134992)', // "He also said the U.S. paid him $3,000 a month" (him = the asset named before)
    'located_in(United States -> Iraq)', // caption "U.S. troops stationed in Iraq"
    'located_in(IRGC -> Syria)', // "IRGC agents stationed inside Syria"
  ],
  '003_b040a4527846fc2c.txt': [
    'opposed(Tehran -> United States)', // "tensions between Tehran and Washington"
    'part_of(Quds Force -> IRGC)', // "the Revolutionary Guards Corps, in particular its elite Quds Force unit"
    'attacked(United States -> Soleimani)', // "killed in a January 2020 US drone strike"
    'role_in(Soleimani -> Quds Force)', // "the Quds Force leader"
    'controls(Soleimani -> Hashd)', // "Under Soleimani, Hashd al-Shaabi played a major role"
    'located_in(Islamic State -> Iraq)', // "wiping out IS in Iraq"
    'attacked(Hashd -> Islamic State)', // "Hashd al-Shaabi played a major role in wiping out IS"
    'part_of(MOIS -> Iran)', // "the reserve of Iran's Ministry of Intelligence and National Security"
    'located_in(Ain al-Assad -> Anbar)', // "the Ain al-Assad military base in western Anbar province"
    'attacked(United States -> Muhandis)', // "the Americans killed him and also killed Muhandis"
    'role_in(Qaani -> Quds Force)', // "who succeeded Soleimani as leader of the Quds Force"
    'succeeded(Qaani -> Soleimani)',
    'controls(Hejazi -> Beit Rahbari)', // "in charge of the Beit Rahbari agency"
    'controls(Hejazi -> Kataeb Hezbollah)', // "responsible for ... including Kataeb Hezbollah and Asaib Ahl al-Haq"
    'controls(Hejazi -> Asaib Ahl al-Haq)',
    'role_in(Hejazi -> Khamenei)', // "Khamenei's security adviser"
    'attacked(United States -> Kataeb Hezbollah)', // "a 26 February US air strike on Kataeb Hezbollah and Kataeb Sayyid al-Shuhada fighters"
    'attacked(United States -> Kataeb Sayyid al-Shuhada)',
    'met(Hejazi -> Abu Fadak)', // "Hejazi called Hashd leader Abu Fadak ... to 'an urgent' meeting in Tehran"
    'role_in(Abu Fadak -> Hashd)', // "Hashd leader Abu Fadak"
    'role_in(Nasrallah -> Hezbollah)', // "Lebanese Hezbollah leader Hassan Nasrallah"
    'located_in(Imams Bridge -> Baghdad)', // "Baghdad's Imams Bridge"
    'located_in(Kataeb Sayyid al-Shuhada -> Syria)', // "Kataeb Sayyid al-Shuhada fighters in Syria"
    'opposed(United States -> Iran)', // "the conflict between the US and Iran"
  ],
};

/** Runs the whole stage over one sample with its hand-made names. */
function run(file: string): ReturnType<typeof extract> {
  const text = readFileSync(new URL(`../../examples/iran-cables/${file}`, import.meta.url), 'utf8');
  return extract({
    documentId: file, text, sentences: splitSentences(text), mentions: mentionsFromNames(text, SAMPLE_NAMES[file]!),
    dates: extractDates(text), money: extractMoney(text),
  });
}

/** Default-visible relations of one sample, as "type(source -> target)". */
function visible(file: string): string[] {
  const { relations } = run(file);
  return [...new Set(relations.filter((r) => r.confidence >= DEFAULT_MIN_CONFIDENCE && r.negated !== true).map((r) => `${r.type}(${r.source} -> ${r.target})`))];
}

test('samples: precision of default-visible relations >= 0.8, and the judged ones are still found', () => {
  let shown = 0;
  let right = 0;
  let judged = 0;
  let found = 0;
  const unjudged: string[] = [];
  for (const [file, correct] of Object.entries(JUDGED_CORRECT)) {
    const got = visible(file);
    shown += got.length;
    right += got.filter((g) => correct.includes(g)).length;
    unjudged.push(...got.filter((g) => !correct.includes(g)).map((g) => `${file}: ${g}`));
    judged += correct.length;
    found += correct.filter((c) => got.includes(c)).length;
  }
  assert.ok(right / shown >= 0.8, `precision ${right}/${shown}; not judged correct:\n${unjudged.join('\n')}`);
  assert.ok(found / judged >= 0.9, `found ${found}/${judged} of the judged relations`);
});

test('samples: claims with named, anonymous and documentary speakers, and edges resting on them', () => {
  const cables = run('000_d100bfb39792b62b.txt');
  const denial = cables.claims.find((c) => c.stance === 'denies');
  assert.equal(denial?.speakerKey, 'Abadi');
  const mee = run('003_b040a4527846fc2c.txt');
  const specialist = mee.claims.find((c) => c.speakerText === 'a specialist in Iranian affairs');
  assert.equal(specialist?.anonymous, true);
  assert.ok(mee.claims.filter((c) => c.rule === 'quote:continued').length >= 3);
  const killed = mee.relations.find((r) => r.type === 'attacked' && r.target === 'Muhandis');
  assert.equal(mee.claims[killed!.claimIndex!]?.speakerText, 'the specialist');
  const leaks = run('001_922c9d26da2ca72a.txt');
  const informant = leaks.relations.find((r) => r.type === 'informant_for' && r.source === 'Barzani');
  assert.equal(leaks.claims[informant!.claimIndex!]?.speakerText, 'The leak');
});

test('samples: dated events with participants and places', () => {
  const events = run('003_b040a4527846fc2c.txt').events.map((e) => `${e.type} ${e.date} ${e.participants.join(',')}${e.place ? ` @${e.place}` : ''}`);
  assert.ok(events.includes('killing 2020-01 Soleimani,Quds Force,United States @Baghdad'), events.join('\n'));
  assert.ok(events.includes('killing 2020-01-03 Soleimani,Muhandis'), events.join('\n'));
});
