import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityType } from '../../src/model/index.js';
import { blockingKeys, nameKey, tokenKey, vowelPattern, vowelsCompatible } from '../../src/resolve/name-key.js';

test('tokenKey folds romanisation variants to one skeleton', () => {
  const groups: string[][] = [
    ['qassem', 'qasem', 'ghasem', 'kasem'],
    ['kataeb', 'kataib'],
    ['nechervan', 'nechirvan'],
    ['hezbollah', 'hizballah', 'hizbollah'],
    ['kadhimi', 'kazimi', 'kazemi'],
    ['abdullah', 'abdulla'],
    ['omar', 'umar'],
    ['hussein', 'husayn', 'hosein'],
    ['djafar', 'jafar'],
    ['iraq', 'irak'],
  ];
  for (const group of groups) {
    const keys = new Set(group.map(tokenKey));
    assert.equal(keys.size, 1, `${group.join('/')} -> ${[...keys].join(', ')}`);
  }
});

test('tokenKey keeps different names apart', () => {
  const pairs: [string, string][] = [
    ['iran', 'iraq'],
    ['austria', 'australia'],
    ['khamenei', 'kamenei'],
    ['karim', 'rahim'],
  ];
  for (const [a, b] of pairs) assert.notEqual(tokenKey(a), tokenKey(b), `${a} / ${b}`);
});

test('nameKey drops articles and folds the "abd" particle', () => {
  const same: [string, string, EntityType][] = [
    ['Adel Abdul-Mahdi', 'Adil Abd al-Mahdi', 'PERSON'],
    ['Mustafa al-Kadhimi', 'Mostafa el-Kazimi', 'PERSON'],
    ['Qassem Soleimani', 'قاسم سليماني', 'PERSON'],
    ['Revolutionary Guards Corps', 'the Revolutionary Guard', 'ORG'],
    ['Kataeb Hezbollah', 'Kataib Hizballah', 'ORG'],
  ];
  for (const [a, b, type] of same) assert.equal(nameKey(a, type), nameKey(b, type), `${a} / ${b}`);
});

test('blockingKeys file reordered names and family names together', () => {
  const shared = (a: string, b: string, t: EntityType): boolean =>
    blockingKeys(a, t).some((k) => blockingKeys(b, t).includes(k));
  assert.ok(shared('Smith John', 'John Smith', 'PERSON'));
  assert.ok(shared('Qassem Soleimani', 'Soleimani', 'PERSON'));
  assert.ok(shared('Nechervan Barzani', 'Nechirvan Barzani', 'PERSON'));
  assert.ok(!shared('Iran', 'Iraq', 'LOC'));
  assert.deepEqual(blockingKeys('', 'ORG'), []);
});

test('vowelsCompatible tells spelling variants from names that share a skeleton', () => {
  const variants: [string, string][] = [
    ['hossein', 'hussein'], ['husayn', 'hussein'], ['yousef', 'yusuf'], ['hezbollah', 'hizballah'], ['soleimani', 'sulaimani'],
    ['qassem', 'qasim'], ['jaafar', 'jafar'], ['nechervan', 'nechirvan'], ['mohammed', 'muhammad'], ['abdullah', 'abdallah'], ['fayyadh', 'fayad'],
  ];
  for (const [a, b] of variants) assert.ok(vowelsCompatible(a, b), `${a} / ${b}: ${vowelPattern(a)} ${vowelPattern(b)}`);
  const different: [string, string][] = [['hassan', 'hussein'], ['mahmoud', 'mohammad'], ['hasan', 'hosein'], ['hamdi', 'hamid']];
  for (const [a, b] of different) assert.ok(!vowelsCompatible(a, b), `${a} / ${b}: ${vowelPattern(a)} ${vowelPattern(b)}`);
});
