/** membersWithReasons: a page of members with the reasons naming them, read from JSON texts without parsing every one. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MEMBER_REASONS, type MergeReason } from '../../src/model/index.js';
import { flatObjectTexts, membersWithReasons, stringField } from '../../src/store/shared/entity-members.js';

const reason = (a: string, b: string, evidence?: string): MergeReason => ({ rule: 'exact-norm', score: 1, a, b, ...(evidence ? { evidence } : {}) });

describe('membersWithReasons', () => {
  it('counts every reason naming a member and keeps the first few, in stored order', () => {
    const anchor = 'd1#ORG:border guard';
    const others = Array.from({ length: 6 }, (_, i) => `d${i + 2}#ORG:border guard`);
    const reasons = [...others.map((k) => reason(anchor, k)), reason(others[0]!, others[0]!)];
    const page = membersWithReasons([anchor, others[0]!, 'd9#ORG:nobody'], reasons.map((r) => JSON.stringify(r)));
    assert.deepEqual(page.map((m) => [m.key, m.reasonCount, m.reasons.length]), [
      [anchor, 6, MEMBER_REASONS], [others[0], 2, 2], ['d9#ORG:nobody', 0, 0],
    ]);
    assert.deepEqual(page[0]!.reasons, reasons.slice(0, MEMBER_REASONS));
    assert.deepEqual(page[1]!.reasons, [reasons[0], reasons[6]], 'a reason naming a key twice counts once');
  });

  it('finds keys that JSON escapes, and is not fooled by evidence that looks like a field', () => {
    const quoted = 'd1#PERSON:o"brien';
    const slashed = 'd2#ORG:a\\b';
    const texts = [
      JSON.stringify(reason(quoted, slashed)),
      // The evidence holds the text "a":"d3#ORG:x", escaped in the JSON, so only the real ends count.
      JSON.stringify(reason('d4#ORG:y', 'd5#ORG:z', 'quoted "a":"d3#ORG:x" in a wire')),
      // Fields in another order, as another writer could store them.
      JSON.stringify({ b: 'd3#ORG:x', a: 'd6#ORG:w', rule: 'alias', score: 0.5 }),
    ];
    const page = membersWithReasons([quoted, slashed, 'd3#ORG:x'], texts);
    assert.deepEqual(page.map((m) => m.reasonCount), [1, 1, 1]);
    assert.equal(page[2]!.reasons[0]!.rule, 'alias');
    assert.equal(stringField(texts[1]!, 'a'), 'd4#ORG:y');
    assert.equal(stringField(texts[0]!, 'a'), undefined, 'an escaped value is left to JSON.parse');
    assert.equal(stringField('{"rule":"x"}', 'a'), undefined);
  });
});

describe('flatObjectTexts', () => {
  it('cuts a stored reasons array into the texts JSON.parse would give, whatever the evidence holds', () => {
    const reasons: MergeReason[] = [
      reason('d1#ORG:a', 'd2#ORG:a'),
      // Evidence holding what looks like an element boundary: inside a string every quote is escaped.
      reason('d3#PERSON:o"brien', 'd4#PERSON:x', 'a {"rule":"x"},{"a":"y"} and } , { "b"'),
      { b: 'd5#ORG:z', a: 'd6#ORG:w', rule: 'alias', score: 0.5 },
      reason('d7#ORG:\\slash', 'd8#ORG:{brace}', '[{"'),
    ];
    const json = JSON.stringify(reasons);
    const texts = flatObjectTexts(json);
    assert.deepEqual(texts, reasons.map((r) => JSON.stringify(r)));
    assert.deepEqual(texts!.map((t) => JSON.parse(t) as MergeReason), reasons);
    assert.deepEqual(flatObjectTexts('[]'), []);
    assert.deepEqual(flatObjectTexts(JSON.stringify([reason('k1', 'k2')])), [JSON.stringify(reason('k1', 'k2'))]);
  });

  it('refuses text of another shape, so the caller parses it', () => {
    assert.equal(flatObjectTexts('[ {"a":"x"} ]'), null);
    assert.equal(flatObjectTexts('[{"a":"x"}, {"a":"y"}]'), null);
    assert.equal(flatObjectTexts('[{"a":{"b":"c"}}]'), null);
    assert.equal(flatObjectTexts('{"a":"x"}'), null);
    assert.equal(flatObjectTexts('["x","y"]'), null);
    // A value ending in "},{" puts `},{"` inside a string: refused, not cut there.
    assert.equal(flatObjectTexts(JSON.stringify([reason('d1#ORG:a},{', 'd2#ORG:b'), reason('k1', 'k2')])), null);
    assert.equal(flatObjectTexts(JSON.stringify([reason('k1', 'k2', 'ends},{')])), null);
  });
});
