import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityType } from '../../src/model/index.js';
import { isSameEntity, scoreNames } from '../../src/resolve/match.js';

// Spellings of one entity: transliteration variants, titles, articles, scripts, word order with a comma.
const MUST_MERGE: [string, string, EntityType][] = [
  ['Qassem Soleimani', 'Qasem Soleimani', 'PERSON'],
  ['Qassem Soleimani', 'Ghasem Soleimani', 'PERSON'],
  ['Qassem Soleimani', 'Gen. Qassem Soleimani', 'PERSON'],
  ['Qassem Soleimani', 'قاسم سليماني', 'PERSON'],
  ['Kataeb Hezbollah', 'Kataib Hezbollah', 'ORG'],
  ['Kataeb Hezbollah', 'Kataib Hizballah', 'ORG'],
  ['Nechervan Barzani', 'Nechirvan Barzani', 'PERSON'],
  ['Haider al-Abadi', 'Haidar al-Abadi', 'PERSON'],
  ['Adel Abdul-Mahdi', 'Adil Abd al-Mahdi', 'PERSON'],
  ['Mustafa al-Kadhimi', 'Mostafa Kazemi', 'PERSON'],
  ['Revolutionary Guards Corps', 'the Revolutionary Guard', 'ORG'],
  ['IRGC', 'Islamic Revolutionary Guard Corps', 'ORG'],
  ['USN', 'U.S. Navy', 'ORG'], // a dotted initialism gives all its letters
  ['Revolutionary Guards', 'Islamic Revolutionary Guard Corps', 'ORG'],
  ['Iranian Ministry of Intelligence', 'Ministry of Intelligence', 'ORG'],
  ['Asaib Ahl al-Haq', "Asa'ib Ahl al-Haq", 'ORG'],
  ['Vladimir Putin', 'Владимир Путин', 'PERSON'],
  ['Vladimir Putin', 'Vladimir Poutine', 'PERSON'], // silent final e
  ['Vladimir Putin', 'ולדימיר פוטין', 'PERSON'],
  // Arabic and Persian script against the English-press spelling.
  ['نيجيرفان بارزاني', 'Nechirvan Barzani', 'PERSON'],
  ['حيدر العبادي', 'Haider al-Abadi', 'PERSON'],
  ['اسماعیل قاآنی', 'Esmail Qaani', 'PERSON'],
  ['أبو مهدي المهندس', 'Abu Mahdi al-Muhandis', 'PERSON'],
  ['حسن نصر الله', 'Hassan Nasrallah', 'PERSON'],
  ['كتائب حزب الله', 'Kataib Hezbollah', 'ORG'],
  ['Kataib Hizb Allah', 'Kataeb Hezbollah', 'ORG'],
  ['Abd Allah al-Amiri', 'Abdullah al-Amiri', 'PERSON'],
  ['الحشد الشعبي', 'Hashd al-Shaabi', 'ORG'],
  ['Smith, John', 'John Smith', 'PERSON'],
  ['Hans J Friedrich', 'Hans Joachim Friedrich', 'PERSON'],
  ['Siemens AG', 'Siemens Aktiengesellschaft', 'ORG'],
  ['Ali Khamenei', "Ayatollah Ali Khamenei's", 'PERSON'],
  ['Baghdad', 'Bagdad', 'LOC'],
  ['Iraq', 'Irak', 'LOC'],
  ['JC Juncker', 'Jean-Claude Juncker', 'PERSON'],
  ['SIEMENS', 'Siemens AG', 'ORG'],
  ['Hossein Salami', 'Hussein Salami', 'PERSON'],
  ['Husayn Salami', 'Hossein Salami', 'PERSON'],
  ['Yousef Ali', 'Yusuf Ali', 'PERSON'],
  ['Ismail Qaani', 'Esmail Ghaani', 'PERSON'],
  ['Kataeb Hezbollah', 'Kataib Hizbullah', 'ORG'],
  ['Brigade Forty-Four', 'Brigade 44', 'ORG'],
  ['1st International Bank', 'First International Bank', 'ORG'],
  ['U.S. Department of State', 'United States Department of State', 'ORG'],
  ['UN Security Council', 'United Nations Security Council', 'ORG'],
];

// Different entities that share words or letters.
const MUST_NOT_MERGE: [string, string, EntityType, string][] = [
  ['Abu Mahdi al-Muhandis', 'Abu Fadak', 'PERSON', 'guard-kunya'],
  ['Abu Bakr al-Baghdadi', 'Abu Musab al-Baghdadi', 'PERSON', 'guard-kunya'],
  ['Umm Hani', 'Umm Salama', 'PERSON', 'guard-kunya'],
  ['Iran', 'Iraq', 'LOC', 'guard-place'],
  ['Austria', 'Australia', 'LOC', 'guard-'],
  ['Niger', 'Nigeria', 'LOC', 'guard-'],
  ['Austria', 'Australia', 'MISC', 'guard-single-word'],
  ['Austria', 'Australia', 'ORG', 'guard-single-word'],
  ['Brigade 44', 'Brigade 45', 'ORG', 'guard-number'],
  ['Brigade Four', 'Brigade 5', 'ORG', 'guard-number'],
  ['Iran', 'Iraq', 'ORG', 'word-mismatch'],
  ['Ali', 'Adi', 'PERSON', 'word-mismatch'],
  ['Olaf Scholz', 'Octavian Scholz', 'PERSON', 'word-mismatch'],
  ['Qassem Soleimani', 'Qassem al-Araji', 'PERSON', 'word-mismatch'],
  ['Kataeb Hezbollah', 'Kataeb Sayyid al-Shuhada', 'ORG', 'word-mismatch'],
  ['Kataeb Hezbollah', 'Hezbollah', 'ORG', 'partial-name'],
  ['Kurdistan Democratic Union', 'Democratic Union', 'ORG', 'same-words+extra'],
  ['Banco Santander Mexico', 'Banco Santander', 'ORG', 'same-words+extra'],
  ['Soleimani', 'Qassem Soleimani', 'PERSON', 'partial-name'],
  ['Friedrich Hans', 'Hans Friedrich', 'PERSON', 'same-words'],
  ['Deutsche Bank AG', 'Deutsche Bank GmbH', 'ORG', 'same-words'],
  ['IRGC', 'Iraqi Republican Army', 'ORG', 'acronym-mismatch'],
  ['Mark Zuckermann', 'Mark Zuckerberg', 'PERSON', 'word-mismatch'],
  ['Olga Barynova', 'Oleg Baranov', 'PERSON', 'word-mismatch'],
  ['Hassan Nasrallah', 'Hussein Nasrallah', 'PERSON', 'word-mismatch'], // one skeleton, different vowels
  ['Mahmoud Abbas', 'Mohammad Abbas', 'PERSON', 'word-mismatch'],
  ['Saddam Hussein', 'Saddam Husseini', 'PERSON', 'word-mismatch'], // nisba ending
  ['Hamdi Ahmed', 'Hamid Ahmed', 'PERSON', 'word-mismatch'], // one skeleton, vowels in other places
  ['حسين علي', 'Hassan Ali', 'PERSON', 'cross-script'], // the script writes Hussein's long i (no Latin vowel where ي stands)
  ['', 'Iran', 'LOC', 'empty'],
  ['ISIS', 'IS', 'ORG', 'acronym-mismatch'],
  ['IS', 'US', 'ORG', 'acronym-mismatch'],
  ['Is', 'Us', 'PERSON', 'word-mismatch'],
  ['U.N.', 'U.S. Navy', 'ORG', 'acronym-mismatch'], // "U.S." is two initials, so the acronym of "U.S. Navy" is USN
];

test('must-merge pairs score at or above the threshold', () => {
  for (const [a, b, type] of MUST_MERGE) {
    assert.ok(isSameEntity(a, b, type), `${a} / ${b}: ${JSON.stringify(scoreNames(a, b, type))}`);
    assert.ok(isSameEntity(b, a, type), `${b} / ${a} (reversed)`);
  }
});

test('must-not-merge pairs stay below the threshold, for the expected reason', () => {
  for (const [a, b, type, rule] of MUST_NOT_MERGE) {
    const result = scoreNames(a, b, type);
    assert.ok(!isSameEntity(a, b, type), `${a} / ${b}: ${JSON.stringify(result)}`);
    assert.ok(result.rule.startsWith(rule), `${a} / ${b}: rule ${result.rule}, expected ${rule}`);
  }
});

test('scores lie in [0, 1] and are symmetric', () => {
  for (const [a, b, type] of [...MUST_MERGE, ...MUST_NOT_MERGE]) {
    const ab = scoreNames(a, b, type).score;
    assert.ok(ab >= 0 && ab <= 1, `${a} / ${b}: ${ab}`);
    assert.equal(ab, scoreNames(b, a, type).score, `${a} / ${b} symmetric`);
  }
});
