// Relation rules, one table row per construction: [sentence, hand-written mentions, expected relations].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractRelations } from '../../src/extract/relations.js';
import { inputFor, moneyIn, show, type HandMention } from './helpers.js';

type Row = [name: string, text: string, mentions: HandMention[], expected: string[]];

const ROWS: Row[] = [
  [
    'apposition with possessive post and "in charge of"; coordination under "including"',
    'Asghar Hejazi, Khamenei’s security adviser in charge of the Beit Rahbari agency, became directly responsible for the most prominent Iraqi armed factions, including Kataeb Hezbollah and Asaib Ahl al-Haq.',
    [['Asghar Hejazi', 'PERSON', 'Hejazi'], ['Khamenei', 'PERSON'], ['Beit Rahbari', 'ORG'], ['Iraqi', 'MISC'], ['Kataeb Hezbollah', 'ORG'], ['Asaib Ahl al-Haq', 'ORG']],
    ['controls(Hejazi -> Asaib Ahl al-Haq)', 'controls(Hejazi -> Beit Rahbari)', 'controls(Hejazi -> Kataeb Hezbollah)', 'role_in(Hejazi -> Khamenei)'],
  ],
  [
    'the same with what a real NER gives: the demonym untagged, the agency tagged as a person',
    'Asghar Hejazi, Khamenei’s security adviser in charge of the Beit Rahbari agency, became directly responsible for the most prominent Iraqi armed factions, including Kataeb Hezbollah and Asaib Ahl al-Haq.',
    [['Asghar Hejazi', 'PERSON', 'Hejazi'], ['Khamenei', 'PERSON'], ['Beit Rahbari', 'PERSON'], ['Kataeb Hezbollah', 'ORG'], ['Asaib Ahl al-Haq', 'ORG']],
    ['controls(Hejazi -> Asaib Ahl al-Haq)', 'controls(Hejazi -> Beit Rahbari)', 'controls(Hejazi -> Kataeb Hezbollah)', 'role_in(Hejazi -> Khamenei)'],
  ],
  [
    'title-name pairs and a summons to a meeting',
    'Hejazi called Hashd leader Abu Fadak and a number of prominent Iraqi faction commanders to “an urgent” meeting in Tehran. At the same, Lebanese Hezbollah leader Hassan Nasrallah invited commanders of a number of smaller factions to another meeting in Beirut.',
    [['Hejazi', 'PERSON'], ['Hashd', 'ORG'], ['Abu Fadak', 'PERSON'], ['Iraqi', 'MISC'], ['Tehran', 'LOC'], ['Lebanese', 'MISC'], ['Hezbollah', 'ORG'], ['Hassan Nasrallah', 'PERSON'], ['Beirut', 'LOC']],
    ['met(Hejazi -> Abu Fadak)', 'role_in(Abu Fadak -> Hashd)', 'role_in(Hassan Nasrallah -> Hezbollah)'],
  ],
  [
    'title-name with a demonym',
    'It was not the first time Tehran has acted to prop up Iraqi Prime Minister Adel Abdul-Mahdi.',
    [['Tehran', 'LOC'], ['Iraqi', 'MISC', 'Iraq'], ['Adel Abdul-Mahdi', 'PERSON']],
    ['role_in(Adel Abdul-Mahdi -> Iraq)'],
  ],
  [
    'succession after an apposition: the subject is the name before it, not the name that ends it',
    'Rahimi, a former aide to Karimi, succeeded Bakri as governor of the Central Bank.',
    [['Rahimi', 'PERSON'], ['Karimi', 'PERSON'], ['Bakri', 'PERSON'], ['Central Bank', 'ORG']],
    ['role_in(Rahimi -> Central Bank)', 'succeeded(Rahimi -> Bakri)'],
  ],
  [
    'a copula after an apposition, and a relative clause on a name after a preposition',
    'Nouri, an ally of Haddad, was named commander of the Northern Brigade. The rise of Salem, who replaced Jaber, surprised few.',
    [['Nouri', 'PERSON'], ['Haddad', 'PERSON'], ['Northern Brigade', 'ORG'], ['Salem', 'PERSON'], ['Jaber', 'PERSON']],
    ['allied_with(Nouri -> Haddad)', 'role_in(Nouri -> Northern Brigade)', 'succeeded(Salem -> Jaber)'],
  ],
  [
    'relative clause: succession with a post',
    'The weakness of General Esmail Qaani, who succeeded Soleimani as leader of the Quds Force, has opened the door.',
    [['Esmail Qaani', 'PERSON', 'Qaani'], ['Soleimani', 'PERSON'], ['Quds Force', 'ORG']],
    ['role_in(Qaani -> Quds Force)', 'succeeded(Qaani -> Soleimani)'],
  ],
  [
    'reduced passive: killed in a strike by a named state',
    'The Revolutionary Guards’ grip on foreign affairs was cemented by Qassem Soleimani, the Quds Force leader killed in a January 2020 US drone strike in Baghdad.',
    [['Revolutionary Guards', 'ORG'], ['Qassem Soleimani', 'PERSON', 'Soleimani'], ['Quds Force', 'ORG'], ['US', 'LOC'], ['Baghdad', 'LOC']],
    ['attacked(US -> Soleimani)', 'role_in(Soleimani -> Quds Force)'],
  ],
  [
    'passive recruitment: the one recruited is the informant, the recruiter the one informed',
    'Farid Nasseri was recruited by the Foreign Office in 2015. Two years later Laila Haddad was run as an agent by the Interior Ministry.',
    [['Farid Nasseri', 'PERSON'], ['Foreign Office', 'ORG'], ['Laila Haddad', 'PERSON'], ['Interior Ministry', 'ORG']],
    ['informant_for(Farid Nasseri -> Foreign Office)', 'informant_for(Laila Haddad -> Interior Ministry)'],
  ],
  [
    'denial: a denied meeting is recorded negated',
    'Abadi, in particular, vehemently denied meeting in secret with Iranian intelligence operatives.',
    [['Abadi', 'PERSON'], ['Iranian intelligence', 'ORG', 'MOIS']],
    ['!met(Abadi -> MOIS)'],
  ],
  [
    'negation: "did not meet"',
    'Barzani did not meet Hejazi during his visit.',
    [['Barzani', 'PERSON'], ['Hejazi', 'PERSON']],
    ['!met(Barzani -> Hejazi)'],
  ],
  [
    'attack noun with a coordinated target; members of a group placed ("KSS fighters in Syria")',
    'The extent of these divisions was made apparent in the aftermath of a 26 February US air strike on Kataeb Hezbollah and Kataeb Sayyid al-Shuhada fighters in Syria.',
    [['US', 'LOC'], ['Kataeb Hezbollah', 'ORG'], ['Kataeb Sayyid al-Shuhada', 'ORG'], ['Syria', 'LOC']],
    ['attacked(US -> Kataeb Hezbollah)', 'attacked(US -> Kataeb Sayyid al-Shuhada)', 'located_in(Kataeb Sayyid al-Shuhada -> Syria)'],
  ],
  [
    'conjoined verbs share a subject',
    'Soleimani was the link that binds all the factions together, but the Americans killed him and also killed Muhandis.',
    [['Soleimani', 'PERSON'], ['Americans', 'MISC', 'United States'], ['Muhandis', 'PERSON']],
    ['attacked(United States -> Muhandis)'],
  ],
  [
    'apposition: "the former prime minister of"; demonym-modified objects are not entities',
    'The leak also reveals that Nechervan Barzani, the former prime minister of Kurdistan, met with top American and British officials in Dec 2014.',
    [['Nechervan Barzani', 'PERSON'], ['Kurdistan', 'LOC'], ['American', 'MISC'], ['British', 'MISC']],
    ['role_in(Nechervan Barzani -> Kurdistan)'],
  ],
  [
    'possessive post with a qualifier after it',
    'Salim al-Jabouri, Iraq’s speaker of parliament from 2014 until 2018, had a top political adviser who was an Iranian intelligence asset.',
    [['Salim al-Jabouri', 'PERSON'], ['Iraq', 'LOC'], ['Iranian', 'MISC']],
    ['role_in(Salim al-Jabouri -> Iraq)'],
  ],
  [
    'post before the name, with a possessor (and the possessor owns the organisation)',
    'Much of the dirtiest work was done by the commander of Iran’s notorious Quds Force, Gen. Qassem Soleimani.',
    [['Iran', 'LOC'], ['Quds Force', 'ORG'], ['Qassem Soleimani', 'PERSON']],
    ['part_of(Quds Force -> Iran)', 'role_in(Qassem Soleimani -> Quds Force)'],
  ],
  [
    'possessive post before the name',
    'An Iraqi official carried a message from Iraq’s then-commander of military intelligence, Lt. Gen. Hatem al-Maksusi.',
    [['Iraqi', 'MISC'], ['Iraq', 'LOC'], ['Hatem al-Maksusi', 'PERSON']],
    ['role_in(Hatem al-Maksusi -> Iraq)'],
  ],
  [
    'answers to (part_of) with coordination of the object',
    'The Quds Force answers directly to Khamenei and the Revolutionary Guard.',
    [['Quds Force', 'ORG'], ['Khamenei', 'PERSON'], ['Revolutionary Guard', 'ORG']],
    ['part_of(Quds Force -> Khamenei)', 'part_of(Quds Force -> Revolutionary Guard)'],
  ],
  [
    'informant: "worked as an asset for"',
    'Hatem al-Maksusi worked as an asset for the Ministry of Intelligence for six years.',
    [['Hatem al-Maksusi', 'PERSON'], ['Ministry of Intelligence', 'ORG', 'MOIS']],
    ['informant_for(Hatem al-Maksusi -> MOIS)'],
  ],
  [
    'informant as a post word in apposition',
    'Donnie Brasco, a CIA asset, divulged everything he knew.',
    [['Donnie Brasco', 'PERSON'], ['CIA', 'ORG']],
    ['informant_for(Donnie Brasco -> CIA)'],
  ],
  [
    'successor in apposition',
    'Esmail Qaani, Soleimani’s successor at the Quds Force, lacks his ties.',
    [['Esmail Qaani', 'PERSON', 'Qaani'], ['Soleimani', 'PERSON'], ['Quds Force', 'ORG']],
    ['role_in(Qaani -> Quds Force)', 'succeeded(Qaani -> Soleimani)'],
  ],
  [
    'informant: secretly working for',
    'The adviser Karim Wahid was secretly working for the MOIS.',
    [['Karim Wahid', 'PERSON'], ['MOIS', 'ORG']],
    ['informant_for(Karim Wahid -> MOIS)'],
  ],
  [
    'passive with agent',
    'Hashd al-Shaabi was established by Soleimani in 2014.',
    [['Hashd al-Shaabi', 'ORG'], ['Soleimani', 'PERSON']],
    ['controls(Soleimani -> Hashd al-Shaabi)'],
  ],
  [
    'hostility between two named parties',
    'The long shadow war between Israel and Iran has burst into the open in recent days.',
    [['Israel', 'LOC'], ['Iran', 'LOC']],
    ['opposed(Israel -> Iran)'],
  ],
  [
    'X-backed compound',
    'The U.S.-backed Kurdish-led militia, the Syrian Democratic Forces (SDF), appealed to the Syrian regime.',
    [['U.S.', 'LOC'], ['Syrian Democratic Forces', 'ORG', 'SDF'], ['SDF', 'ORG'], ['Syrian', 'MISC']],
    ['controls(U.S. -> SDF)'],
  ],
  [
    'place in place, and a comma pair that is a list is not',
    'In Nov 2019, the Iranian consulate in Karbala in Iraq was set ablaze. Officials from Iran, Iraq, Syria and Turkey met.',
    [['Iranian', 'MISC'], ['Karbala', 'LOC'], ['Iraq', 'LOC'], ['Iran', 'LOC'], ['Iraq', 'LOC', 'Iraq', 2], ['Syria', 'LOC'], ['Turkey', 'LOC']],
    ['located_in(Karbala -> Iraq)'],
  ],
  [
    'active verb, not a passive: "was killed at a checkpoint" has no object',
    'Hassan Karimi was killed at a checkpoint during an attack by Kataeb Hezbollah.',
    [['Hassan Karimi', 'PERSON'], ['Kataeb Hezbollah', 'ORG']],
    ['attacked(Kataeb Hezbollah -> Hassan Karimi)'],
  ],
  [
    'hedged relations are kept with a lower confidence',
    'Iran tried to recruit Hatem al-Maksusi and paid Nouri al-Maliki.',
    [['Iran', 'LOC'], ['Hatem al-Maksusi', 'PERSON'], ['Nouri al-Maliki', 'PERSON']],
    ['informant_for(Hatem al-Maksusi -> Iran)', 'paid(Iran -> Nouri al-Maliki)'],
  ],
];

for (const [name, text, mentions, expected] of ROWS) {
  test(`relations: ${name}`, () => {
    assert.deepEqual(show(extractRelations(inputFor(text, mentions))), [...expected].sort());
  });
}

test('relations: paid carries the amount stated after the verb', () => {
  const text = 'He also said the CIA paid Donnie Brasco $3,000 a month.';
  const input = inputFor(text, [['CIA', 'ORG'], ['Donnie Brasco', 'PERSON']], { money: [moneyIn(text, '$3,000', 3000, 'USD', 'month')] });
  const [rel] = extractRelations(input);
  assert.equal(rel?.type, 'paid');
  assert.equal(rel?.amount?.amount, 3000);
});

test('relations: "gave" needs an amount to count as a payment', () => {
  const text = 'The CIA gave Donnie Brasco a car.';
  assert.deepEqual(extractRelations(inputFor(text, [['CIA', 'ORG'], ['Donnie Brasco', 'PERSON']])), []);
});

test('relations: evidence is the sentence, with rule, confidence and mention spans', () => {
  const text = 'First sentence here. Hashd leader Abu Fadak went to Tehran.';
  const [rel] = extractRelations(inputFor(text, [['Hashd', 'ORG'], ['Abu Fadak', 'PERSON'], ['Tehran', 'LOC']]));
  assert.ok(rel !== undefined);
  assert.equal(rel.evidence.text, 'Hashd leader Abu Fadak went to Tehran.');
  assert.equal(text.slice(rel.evidence.start, rel.evidence.end), rel.evidence.text);
  assert.equal(rel.rule, 'title-name');
  assert.equal(rel.role, 'leader');
  assert.ok(rel.confidence > 0.5 && rel.confidence <= 1);
  assert.equal(text.slice(rel.sourceSpan!.start, rel.sourceSpan!.end), 'Abu Fadak');
});
