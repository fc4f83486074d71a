/** Country names and nationality adjectives fold into one place per country; people keep their names. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityCandidate, EntityType } from '../../src/model/index.js';
import { foldCountries } from '../../src/pipeline/countries.js';
import { countryOf } from '../../src/resolve/countries.js';
import { normalizeName } from '../../src/resolve/index.js';

const cand = (type: EntityType, name: string): EntityCandidate => ({
  key: `d#${type}:${normalizeName(name, type)}`, collection: 'c', type, name, aliases: [], documentIds: ['d'], mentionCount: 1,
});

describe('countries', () => {
  const cases: [string, string | null][] = [
    ['Iraqi', 'Iraq'], ['Iraqis', 'Iraq'], ['Iranian', 'Iran'], ['U.S.', 'United States of America'], ['United States', 'United States of America'],
    ['America', 'United States of America'], ['Americans', 'United States of America'], ['Lebanese', 'Lebanon'], ['Syria', 'Syria'],
    ['Kurdish', null], ['Tehran', null], ['Quds Force', null],
  ];
  for (const [name, country] of cases) {
    it(`${name} -> ${country}`, () => assert.equal(countryOf(normalizeName(name, 'MISC'))?.country ?? null, country));
  }

  it('renames place and adjective candidates to the country, keeping what the text said', () => {
    const out = foldCountries([cand('MISC', 'Iraqi'), cand('LOC', 'Iraq'), cand('ORG', 'US'), cand('PERSON', 'Jordan'), cand('ORG', 'Quds Force')]);
    assert.deepEqual(out.map((c) => `${c.type}:${c.name}`), ['LOC:Iraq', 'LOC:Iraq', 'LOC:United States of America', 'PERSON:Jordan', 'ORG:Quds Force']);
    assert.deepEqual(out[0]!.aliases, ['Iraqi']);
    assert.equal(out[0]!.key, 'd#MISC:iraqi', 'keys stay, so user decisions still apply');
  });
});
