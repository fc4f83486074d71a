// The stage as a whole: relations found inside a claim point at it, so an edge shows whose word it rests on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_MIN_CONFIDENCE, EXTRACT_VERSION, extract } from '../../src/extract/index.js';
import { inputFor } from './helpers.js';

test('extract: a relation inside an anonymous quotation links to that claim', () => {
  const text =
    'Hejazi called Hashd leader Abu Fadak to a meeting. “The actual leader of the factions is Hejazi, and Hashd leader Abu Fadak takes his orders,” a political leader close to Iran told MEE.';
  const input = inputFor(text, [['Hejazi', 'PERSON'], ['Hashd', 'ORG'], ['Abu Fadak', 'PERSON'], ['Hashd', 'ORG', 'Hashd', 2], ['Abu Fadak', 'PERSON', 'Abu Fadak', 2], ['Iran', 'LOC'], ['MEE', 'ORG']]);
  const { relations, claims } = extract(input);
  assert.equal(claims.length, 1);
  assert.equal(claims[0]!.anonymous, true);
  const roles = relations.filter((r) => r.type === 'role_in');
  assert.equal(roles.length, 2);
  assert.equal(roles[0]!.claimIndex, undefined, 'the narrator states the first one');
  assert.equal(roles[1]!.claimIndex, 0, 'the second rests on the anonymous speaker');
});

test('extract: a denied meeting is negated and linked to the denial', () => {
  const text = 'Abadi, in particular, vehemently denied meeting in secret with Iranian intelligence operatives.';
  const { relations, claims } = extract(inputFor(text, [['Abadi', 'PERSON'], ['Iranian intelligence', 'ORG']]));
  assert.equal(claims[0]?.stance, 'denies');
  assert.equal(relations[0]?.type, 'met');
  assert.equal(relations[0]?.negated, true);
  assert.equal(relations[0]?.claimIndex, 0);
});

test('extract: an edge read inside a denial is denied', () => {
  const text = 'Tehran dismissed reports that the IRGC armed the Houthis.';
  const { relations, claims } = extract(inputFor(text, [['Tehran', 'LOC'], ['IRGC', 'ORG'], ['Houthis', 'ORG']]));
  assert.equal(claims[0]?.stance, 'denies');
  assert.equal(claims[0]?.text, 'the IRGC armed the Houthis');
  const armed = relations.find((r) => r.type === 'controls');
  assert.equal(armed?.negated, true);
  assert.equal(armed?.claimIndex, 0);
});

test('extract: version and default threshold are exported', () => {
  assert.match(EXTRACT_VERSION, /^rules@\d+$/);
  assert.ok(DEFAULT_MIN_CONFIDENCE > 0 && DEFAULT_MIN_CONFIDENCE < 1);
});
