/** Places inside compound adjectives ("Minneapolis-based") become mentions of the place, and the located_in edge follows. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType, StoredDocument } from '../../src/model/index.js';
import { nameCompounds } from '../../src/extract/stages/compounds.js';
import { splitCompound } from '../../src/nlp/compounds.js';
import { mentionsStage } from '../../src/extract/stages/mentions.js';
import { splitSentences } from '../../src/nlp/sentences.js';

const span = (text: string, name: string, type: EntityType) => {
  const start = text.indexOf(name);
  return { start, end: start + name.length, type, text: name };
};

describe('compound adjectives', () => {
  it('splits a name from its participle, capitalised names only', () => {
    assert.deepEqual(splitCompound('New York-based'), { name: 'New York', participle: 'based' });
    assert.deepEqual(splitCompound('U.S.-led'), { name: 'U.S.', participle: 'led' });
    assert.equal(splitCompound('rebel-held'), undefined);
    assert.equal(splitCompound('Kataeb Hezbollah'), undefined);
    assert.equal(splitCompound('Ontario-Based'), undefined);
  });

  it('cuts place compounds to the place and types it; leaves actor compounds whole', () => {
    const text = 'the Minneapolis-based bank, a Saudi-born cleric, the Hezbollah-based unit and the Iran-backed militia. Hezbollah said';
    const spans = [
      span(text, 'Minneapolis-based', 'MISC'), span(text, 'Saudi-born', 'MISC'), span(text, 'Hezbollah-based', 'ORG'),
      span(text, 'Iran-backed', 'MISC'), { ...span(text, 'Hezbollah said', 'ORG'), end: text.length - 5, text: 'Hezbollah' },
    ];
    const guesses: string[] = [];
    const out = nameCompounds(spans, (name) => (guesses.push(name), name === 'Minneapolis' ? 'LOC' : undefined));
    assert.deepEqual(out.map((s) => `${s.text}/${s.type}`), ['Minneapolis/LOC', 'Saudi/MISC', 'Hezbollah/ORG', 'Iran-backed/MISC', 'Hezbollah/ORG']);
    // Offsets stay the text's own.
    for (const s of out) assert.equal(text.slice(s.start, s.end), s.text);
    // Only a name nothing else types is read alone.
    assert.deepEqual(guesses, ['Minneapolis']);
  });

  it('in the mentions stage, with the shipped recognizer', async () => {
    const text = 'Analysts named the Beirut-based Hezbollah and the Ohio-based KeyCorp. The Iran-backed groups denied it.';
    const doc = { id: 'd', collection: 'c', path: 'd.txt', sha256: '', format: 'text', language: 'en', text, sentences: splitSentences(text), pages: [], meta: {}, warnings: [] } as unknown as StoredDocument;
    const out = await mentionsStage().run(doc, { mentions: [] });
    const got = (out.mentions ?? []).map((m) => `${m.text}/${m.type}`);
    assert.ok(got.includes('Beirut/LOC') && got.includes('Ohio/LOC'), got.join(', '));
    assert.ok(!got.some((g) => g.startsWith('Beirut-based') || g.startsWith('Ohio-based')), got.join(', '));
  });
});
