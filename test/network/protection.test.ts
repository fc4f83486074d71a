/** The redactor, the response walk and the search guard of protected identities, on wire-copy text. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Redactor } from '../../src/network/protection/redactor.js';
import { pseudonymise, type ProtectionMark } from '../../src/network/protection/walk.js';
import { namesProtected } from '../../src/network/protection/search-guard.js';
import { namesToHide } from '../../src/network/protection/entities.js';
import { parseQuery } from '../../src/store/query.js';

// Hard-wrapped as wire copy is: a name broken over a line, capitals, a possessive, a longer word sharing the surname.
const WIRE = `BAGHDAD (Reuters) - Karim Jabbari, a logistics officer, met Hadi al-
Amiri in April. JABBARI's handlers said Hadi al-Amiri paid him; Jabbarian
officials denied it. Karim
Jabbari declined to comment.`;

const informant = { pseudonym: 'Protected person 1', code: 'P1', terms: namesToHide('PERSON', ['Karim Jabbari', 'JABBARI', 'karim jabbari']) };
const payer = { pseudonym: 'Protected person 2', code: 'P2', terms: namesToHide('PERSON', ['Hadi al-Amiri', 'Amiri']) };

describe('protected names in text', () => {
  it('hides full names, aliases and family names, keeping every length and line break in mask mode', () => {
    assert.deepEqual(informant.terms, ['Karim Jabbari', 'Jabbari', 'JABBARI', 'karim jabbari', 'jabbari']);
    assert.deepEqual(payer.terms, ['Hadi al-Amiri', 'al-Amiri', 'Amiri']);
    const masked = new Redactor([informant, payer], 'mask').text(WIRE);
    assert.equal(masked.length, WIRE.length);
    assert.equal(masked.split('\n').length, WIRE.split('\n').length);
    assert.doesNotMatch(masked, /jabbari\b|amiri/iu);
    assert.match(masked, /^BAGHDAD \(Reuters\) - \[P1\]▒{9}, a logistics officer, met \[P2\]▒{4}\n▒{5} in April\./u);
    assert.match(masked, /Jabbarian\nofficials/u, 'a longer word that starts with the name is left alone');
  });

  it('writes the pseudonym itself in pseudonym mode (exports)', () => {
    const out = new Redactor([informant, payer], 'pseudonym').text(WIRE);
    assert.match(out, /Protected person 1, a logistics officer, met Protected person 2 in April\. Protected person 1's handlers/u);
    assert.match(out, /officials denied it\. Protected person 1 declined/u);
  });

  it('hides the parts of a name a snippet cut, and keeps snippet parts at their lengths', () => {
    const org = { pseudonym: 'Protected organisation 1', code: 'O1', terms: ['Tavakoli Freight Company'] };
    const marks = new Map<string, ProtectionMark>();
    const snippet = { start: 10, parts: [{ text: 'paid by ', hit: false }, { text: 'Tavakoli', hit: true }, { text: ' Freight', hit: false }] };
    const out = pseudonymise({ snippet }, { redactor: new Redactor([org], 'mask'), marks, mark: true }) as { snippet: typeof snippet };
    assert.deepEqual(out.snippet.parts.map((p) => p.text.length), [8, 8, 8]);
    assert.equal(out.snippet.parts[0]!.text, 'paid by ');
    assert.doesNotMatch(out.snippet.parts.map((p) => p.text).join(''), /tavakoli|freight/iu);
  });

  it('replaces a protected entity\'s name fields, empties its aliases, and marks it; others are only redacted', () => {
    const marks = new Map<string, ProtectionMark>([['ent_1', { pseudonym: 'Protected person 1', code: 'P1', masked: true }]]);
    const value = {
      entity: { id: 'ent_1', name: 'Karim Jabbari', aliases: ['JABBARI'] },
      other: { id: 'ent_2', name: 'Hadi al-Amiri' },
      evidence: [{ documentId: 'd', start: 0, end: 13, text: 'Karim Jabbari' }],
    };
    const out = pseudonymise(value, { redactor: new Redactor([informant], 'mask'), marks, mark: true }) as typeof value & { entity: { protected: unknown } };
    assert.deepEqual(out.entity, { id: 'ent_1', name: 'Protected person 1', aliases: [], protected: { pseudonym: 'Protected person 1', masked: true } });
    assert.equal(out.other.name, 'Hadi al-Amiri');
    assert.equal(out.evidence[0]!.text, '[P1]▒▒▒▒▒▒▒▒▒', 'a span keeps its length even when it is exactly a name');
    assert.equal(value.entity.name, 'Karim Jabbari', 'the input is not changed');
  });
});

describe('searches that name a protected identity', () => {
  const names = [...informant.terms, 'Tavakoli Freight'];
  const names_ = (q: string): boolean => namesProtected(parseQuery(q), names);
  it('refuses a family name, a prefix of it, the full name or two words of a longer name', () => {
    for (const q of ['Jabbari', 'jabbari', 'JABB*', '"Karim Jabbari"', 'farm AND Jabbari', 'port NOT Jabbari', 'Tavakoli Freight', 'NEAR(Tavak* freight, 3)']) {
      assert.equal(names_(q), true, q);
    }
  });
  it('lets through a given name alone, one word of a longer name, and unrelated words', () => {
    for (const q of ['Karim', 'Tavakoli', 'freight OR port', 'Jabbar', 'Jabbarian']) assert.equal(names_(q), false, q);
  });
});
