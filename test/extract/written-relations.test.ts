// The set our annotators wrote to teach the relation model: names marked in place, relations by name. What training
// reads must be the names' exact spans in the joined text, and a relation naming something unmarked must stop the
// import rather than teach a wrong pair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readWritten, relationOf, unmark, writtenPath } from '../../scripts/relations/data/written.js';

test('written set: marks become names with their spans in the plain sentence', () => {
  const { text, names } = unmark("[Lamberto Dini|PER], [Italy|LOC]'s foreign minister, met [Julius Nyerere|PER].");
  assert.equal(text, "Lamberto Dini, Italy's foreign minister, met Julius Nyerere.");
  assert.deepEqual(names.map((n) => [text.slice(n.start, n.end), n.type]), [['Lamberto Dini', 'PERSON'], ['Italy', 'LOC'], ['Julius Nyerere', 'PERSON']]);
});

test('written set: relations by name, with denial, uncertainty and a post', () => {
  const { names } = unmark('[A Co|ORG] paid [B Ltd|ORG] and [C Abdi|PER] heads [A Co|ORG].');
  assert.deepEqual(relationOf(['!paid', 'A Co', 'B Ltd'], names, 'x'), { type: 'paid', src: 0, tgt: 1, negated: true });
  assert.deepEqual(relationOf(['?met', 'C Abdi', 'B Ltd'], names, 'x'), { type: 'met', src: 2, tgt: 1, hedged: true });
  assert.deepEqual(relationOf(['role_in', 'C Abdi', 'A Co', 'head'], names, 'x'), { type: 'role_in', src: 2, tgt: 0, post: 'head' });
  assert.throws(() => relationOf(['met', 'C Abdi', 'D'], names, 'f:3'), /f:3: "D" is not a marked name/);
  assert.throws(() => relationOf(['likes', 'C Abdi', 'A Co'], names, 'f:3'), /unknown relation type likes/);
  assert.throws(() => unmark('[A Co|COMPANY] paid'), /bracket left/);
});

for (const set of ['written', 'written-fa-ar'] as const) {
  test(`${set}: every stored relation joins two names of one sentence of its document`, async (t) => {
    if (!existsSync(writtenPath(set))) return t.skip(`${writtenPath(set)} not imported yet`);
    const docs = await readWritten('train', set);
    assert.ok(docs.length > 0);
    assert.deepEqual(await readWritten('dev', set), []);
    let relations = 0;
    for (const d of docs) {
      assert.equal(d.set, set);
      for (const m of d.mentions) assert.equal(d.text.slice(m.start, m.end), m.text);
      for (const g of d.gold) {
        const s = d.sentences.find((x) => x.start <= g.source.start && g.source.end <= x.end);
        assert.ok(s && s.start <= g.target.start && g.target.end <= s.end, `${d.id}: ${g.label} crosses sentences`);
        relations++;
      }
    }
    assert.ok(relations > 0);
  });
}
