import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityType } from '../../src/model/index.js';
import { clusterEntities, entityId } from '../../src/resolve/across-documents.js';
import type { MergeDecision, ResolveCandidate } from '../../src/resolve/types.js';
import { keysOfName } from '../../src/resolve/groups.js';

/** A candidate from one document; the key is "<doc>#<name>". */
function cand(doc: string, name: string, type: EntityType, aliases: string[] = []): ResolveCandidate {
  return { key: `${doc}#${name}`, name, type, aliases, documentIds: [doc] };
}

/** Entity membership as sorted key lists, for comparison. */
function groups(candidates: ResolveCandidate[], decisions: MergeDecision[] = []): string[][] {
  return clusterEntities(candidates, decisions).entities.map((e) => e.members).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

const together = (gs: string[][], a: string, b: string): boolean => gs.some((g) => g.includes(a) && g.includes(b));

const CANDIDATES: ResolveCandidate[] = [
  cand('d1', 'Qassem Soleimani', 'PERSON'),
  cand('d2', 'Qasem Soleimani', 'PERSON'),
  cand('d3', 'قاسم سليماني', 'PERSON'),
  cand('d1', 'Kataeb Hezbollah', 'ORG'),
  cand('d2', 'Kataib Hezbollah', 'ORG'),
  cand('d2', 'Hezbollah', 'ORG'),
  cand('d1', 'Nechervan Barzani', 'PERSON'),
  cand('d3', 'Nechirvan Barzani', 'PERSON'),
  cand('d4', 'نيجيرفان بارزاني', 'PERSON'),
  cand('d1', 'Popular Mobilization Forces', 'ORG', ['PMU']),
  cand('d2', 'Hashd al-Shaabi', 'ORG', ['Popular Mobilization Forces']),
  cand('d3', 'PMF', 'ORG'),
  cand('d1', 'Islamic Revolutionary Guard Corps', 'ORG', ['IRGC', 'Revolutionary Guard']),
  cand('d2', 'Revolutionary Guards Corps', 'ORG', ['IRGC']),
  cand('d3', 'Abu Mahdi al-Muhandis', 'PERSON'),
  cand('d2', 'Abu Fadak', 'PERSON'),
  cand('d1', 'Iran', 'LOC'),
  cand('d2', 'Iraq', 'LOC'),
  cand('d3', 'Iran', 'ORG'),
  cand('d2', 'Mustafa al-Kadhimi', 'PERSON'),
  cand('d3', 'Kadhimi', 'PERSON'),
  cand('d1', 'Qassem al-Araji', 'PERSON'),
];

test('spellings of one entity across documents become one entity', () => {
  const gs = groups(CANDIDATES);
  const same: [string, string][] = [
    ['d1#Qassem Soleimani', 'd2#Qasem Soleimani'],
    ['d1#Qassem Soleimani', 'd3#قاسم سليماني'],
    ['d1#Kataeb Hezbollah', 'd2#Kataib Hezbollah'],
    ['d1#Nechervan Barzani', 'd3#Nechirvan Barzani'],
    ['d1#Nechervan Barzani', 'd4#نيجيرفان بارزاني'],
    ['d1#Popular Mobilization Forces', 'd2#Hashd al-Shaabi'], // the document stated the equivalence
    ['d1#Popular Mobilization Forces', 'd3#PMF'],
    ['d1#Islamic Revolutionary Guard Corps', 'd2#Revolutionary Guards Corps'],
    ['d2#Mustafa al-Kadhimi', 'd3#Kadhimi'],
  ];
  for (const [a, b] of same) assert.ok(together(gs, a, b), `${a} with ${b}: ${JSON.stringify(gs)}`);
});

test('different entities stay apart', () => {
  const gs = groups(CANDIDATES);
  const apart: [string, string][] = [
    ['d1#Kataeb Hezbollah', 'd2#Hezbollah'],
    ['d3#Abu Mahdi al-Muhandis', 'd2#Abu Fadak'],
    ['d1#Iran', 'd2#Iraq'],
    ['d1#Iran', 'd3#Iran'], // a place and an organisation of one name are different types
    ['d1#Qassem Soleimani', 'd1#Qassem al-Araji'],
    ['d1#Popular Mobilization Forces', 'd1#Islamic Revolutionary Guard Corps'],
  ];
  for (const [a, b] of apart) assert.ok(!together(gs, a, b), `${a} apart from ${b}: ${JSON.stringify(gs)}`);
});

test('a one-word name joins only a full name it matches, and an English spelling leads', () => {
  const gs = groups([cand('d1', 'Musa al-Kadhim', 'PERSON'), cand('d2', 'Kadhimi', 'PERSON')]);
  assert.equal(gs.length, 2, JSON.stringify(gs));
  const { entities } = clusterEntities([cand('d1', 'نيجيرفان بارزاني', 'PERSON'), cand('d2', 'Nechirvan Barzani', 'PERSON')], []);
  assert.deepEqual(entities.map((e) => [e.name, e.aliases]), [['Nechirvan Barzani', ['نيجيرفان بارزاني']]]);
});

test('a one-word name stays alone when two people share it', () => {
  const gs = groups([cand('d1', 'Ali Khamenei', 'PERSON'), cand('d2', 'Mojtaba Khamenei', 'PERSON'), cand('d3', 'Khamenei', 'PERSON')]);
  assert.equal(gs.length, 3);
});

test('a partial form one document used is no evidence in another', () => {
  const gs = groups([
    cand('d1', 'Qassem Soleimani', 'PERSON', ['Soleimani', 'Gen. Qassem Soleimani']),
    cand('d2', 'Ali Soleimani', 'PERSON', ['Soleimani']),
    cand('d1', 'Kataeb Hezbollah', 'ORG', ['Kataeb']),
    cand('d2', 'Kataeb Sayyid al-Shuhada', 'ORG', ['Kataeb']),
  ]);
  assert.equal(gs.length, 4, JSON.stringify(gs));
});

test('guards stop chains: a merge that would put two vetoed names in one entity is refused', () => {
  const gs = groups([cand('d1', 'Abu Mahdi', 'PERSON', ['Jamal Jaafar']), cand('d2', 'Jamal Jafar', 'PERSON', ['Abu Fadak']), cand('d3', 'Abu Fadak', 'PERSON')]);
  assert.ok(!together(gs, 'd1#Abu Mahdi', 'd3#Abu Fadak'), JSON.stringify(gs));
});

test('every merge records its rule, score and the names compared', () => {
  const { entities } = clusterEntities([cand('d1', 'Qassem Soleimani', 'PERSON'), cand('d2', 'Qasem Soleimani', 'PERSON')], []);
  assert.equal(entities.length, 1);
  const [reason] = entities[0]?.reasons ?? [];
  assert.deepEqual(reason, { rule: 'translit-key', score: 0.975, a: 'd1#Qassem Soleimani', b: 'd2#Qasem Soleimani', evidence: '"Qassem Soleimani" ~ "Qasem Soleimani"' });
  assert.equal(entities[0]?.name, 'Qassem Soleimani');
  assert.deepEqual(entities[0]?.aliases, ['Qasem Soleimani']);
  assert.deepEqual(entities[0]?.documentIds, ['d1', 'd2']);
});

test('a user split wins over automatic merges, also through a chain', () => {
  const cs = [cand('d1', 'Qassem Soleimani', 'PERSON'), cand('d2', 'Qasem Soleimani', 'PERSON'), cand('d3', 'Ghasem Soleimani', 'PERSON')];
  const split: MergeDecision = { kind: 'split', a: 'd1#Qassem Soleimani', b: 'd3#Ghasem Soleimani', at: '2026-11-21T10:00:00Z', by: 'ana' };
  const gs = groups(cs, [split]);
  assert.ok(!together(gs, 'd1#Qassem Soleimani', 'd3#Ghasem Soleimani'), JSON.stringify(gs));
  assert.equal(gs.length, 2);
});

test('a user merge forces a merge and says who decided', () => {
  const merge: MergeDecision = { kind: 'merge', a: 'd1#Hashd al-Shaabi', b: 'd2#Popular Mobilization Units', at: '2026-11-21T10:00:00Z', by: 'ana' };
  const { entities } = clusterEntities([cand('d1', 'Hashd al-Shaabi', 'ORG'), cand('d2', 'Popular Mobilization Units', 'ORG')], [merge]);
  assert.equal(entities.length, 1);
  assert.deepEqual(entities[0]?.reasons, [{ rule: 'user-merge', score: 1, a: merge.a, b: merge.b, evidence: 'merge by ana at 2026-11-21T10:00:00Z' }]);
});

test('the most recent decision about a pair wins; decisions about absent candidates wait', () => {
  const cs = [cand('d1', 'Qassem Soleimani', 'PERSON'), cand('d2', 'Qasem Soleimani', 'PERSON')];
  const split: MergeDecision = { kind: 'split', a: 'd1#Qassem Soleimani', b: 'd2#Qasem Soleimani', at: '2026-11-21T10:00:00Z' };
  const undo: MergeDecision = { kind: 'merge', a: 'd2#Qasem Soleimani', b: 'd1#Qassem Soleimani', at: '2026-11-21T11:00:00Z' };
  const stale: MergeDecision = { kind: 'split', a: 'd9#Gone', b: 'd1#Qassem Soleimani', at: '2026-11-21T12:00:00Z' };
  assert.equal(groups(cs, [split]).length, 2);
  assert.equal(groups(cs, [undo, split, stale]).length, 1);
  assert.equal(groups(cs, [{ ...split, at: '2026-11-21T12:00:00Z' }, undo]).length, 2);
});

test('entity ids are stable across runs and input order, and change only with the lowest member', () => {
  const first = clusterEntities(CANDIDATES, []).entities.map((e) => e.id);
  const again = clusterEntities([...CANDIDATES].reverse(), []).entities.map((e) => e.id);
  assert.deepEqual(again, first);
  assert.equal(new Set(first).size, first.length);
  assert.equal(entityId('PERSON', ['d2#b', 'd1#a']), entityId('PERSON', ['d1#a', 'd3#c']));
  assert.notEqual(entityId('PERSON', ['d1#a']), entityId('ORG', ['d1#a']));
  assert.match(first[0] ?? '', /^ent_[0-9a-f]{16}$/);
});

test('decisions survive re-extraction: same keys, same decisions, same entities', () => {
  const decisions: MergeDecision[] = [{ kind: 'split', a: 'd1#Kataeb Hezbollah', b: 'd2#Kataib Hezbollah', at: '2026-11-21T10:00:00Z' }];
  const before = clusterEntities(CANDIDATES, decisions).entities;
  const reExtracted = CANDIDATES.map((c) => ({ ...c, aliases: [...c.aliases] }));
  assert.deepEqual(clusterEntities(reExtracted, decisions).entities, before);
  assert.ok(!together(before.map((e) => e.members), 'd1#Kataeb Hezbollah', 'd2#Kataib Hezbollah'));
});

test('empty names merge with nothing', () => {
  assert.equal(groups([cand('d1', '', 'ORG'), cand('d2', '—', 'ORG'), cand('d3', ' ', 'ORG')]).length, 3);
  assert.deepEqual(clusterEntities([], []), { entities: [], pairsScored: 0 });
});

test('names whose numbers differ share no blocking key, so a ledger of codes is not compared pair by pair', () => {
  // scoreNames refuses such pairs (guard-number); the keys carry the numbers, so blocking never offers them.
  const ledger = Array.from({ length: 3000 }, (_, i) => cand(`d${i}`, `TX-${i + 1}`, 'MISC'));
  const keyed = new Map<string, number>();
  for (const c of ledger) for (const k of keysOfName(c.name, 'MISC')) keyed.set(k, (keyed.get(k) ?? 0) + 1);
  assert.equal(Math.max(...keyed.values()), 1, 'every block holds one code');
  // Names with the same numbers still meet in a block.
  const shared = (a: string, b: string) => keysOfName(a, 'ORG').some((k) => keysOfName(b, 'ORG').includes(k));
  assert.ok(shared('Brigade 44', 'brigade 44'));
  assert.ok(shared('Liwa 313', 'Liwa 313 Brigade'));
  assert.ok(!shared('Brigade 44', 'Brigade 45'));
  const gs = groups([...ledger, cand('x1', 'Liwa 313', 'ORG'), cand('x2', 'Liwa 313 Brigade', 'ORG'), cand('x3', 'Liwa 314', 'ORG'), cand('x4', 'TX-7', 'MISC')]);
  assert.ok(together(gs, 'x1#Liwa 313', 'x2#Liwa 313 Brigade'));
  assert.ok(!together(gs, 'x1#Liwa 313', 'x3#Liwa 314'));
  assert.ok(together(gs, 'd6#TX-7', 'x4#TX-7'));
  assert.equal(gs.length, 3000 + 2);
});

test('a shorter name never makes one person of two full names that do not match', () => {
  const c = (key: string, name: string) => ({ key, type: 'PERSON' as const, name, aliases: [], documentIds: [key.split('#')[0]!] });
  // "C. Lewis" fits both Chris Lewis and Carl Lewis: it may join one of them, never both.
  const { entities } = clusterEntities([c('d1#PERSON:chris lewis', 'Chris Lewis'), c('d2#PERSON:c lewis', 'C. Lewis'), c('d3#PERSON:carl lewis', 'Carl Lewis')], []);
  assert.equal(entities.some((e) => e.members.includes('d1#PERSON:chris lewis') && e.members.includes('d3#PERSON:carl lewis')), false, JSON.stringify(entities.map((e) => e.members)));
  // Spellings of one name still join: "Qassem Soleimani", "Q. Soleimani", "Qasem Suleimani".
  const one = clusterEntities([c('d1#PERSON:a', 'Qassem Soleimani'), c('d2#PERSON:b', 'Q. Soleimani'), c('d3#PERSON:c', 'Qasem Suleimani')], []);
  assert.equal(one.entities.length, 1, JSON.stringify(one.entities.map((e) => e.members)));
});

test('a name group clusters as one node: every member joins with an exact-name reason, aliases name the right member, a split inside it still holds', () => {
  // 300 documents name "Aurelio Vasquez"; one of them also spells him "A. Vasquez-Ortega" (an alias that identifies him alone).
  const docs = Array.from({ length: 300 }, (_, i) => `d${String(i).padStart(3, '0')}`);
  const group = docs.map((d, i) => cand(d, 'Aurelio Vasquez', 'PERSON', i === 150 ? ['Aurelio Vasquez Ortega'] : []));
  const other = cand('e1', 'Aurelio Vasquez Ortega', 'PERSON');
  const { entities } = clusterEntities([...group, other], []);
  assert.equal(entities.length, 1);
  const [e] = entities;
  assert.equal(e?.members.length, 301);
  const exact = e?.reasons.filter((r) => r.rule === 'exact-norm') ?? [];
  assert.equal(exact.length, 299);
  assert.ok(exact.every((r) => r.a === 'd000#Aurelio Vasquez'));
  // The alias that links the other spelling was given by member d150, and the reason says so.
  const link = e?.reasons.find((r) => r.rule !== 'exact-norm');
  assert.equal(link?.a === 'd150#Aurelio Vasquez' || link?.b === 'd150#Aurelio Vasquez', true, JSON.stringify(link));
  // A user split between two members of the group: they stay apart, and every other member joins one of them.
  const split: MergeDecision = { kind: 'split', a: 'd000#Aurelio Vasquez', b: 'd299#Aurelio Vasquez', at: '2026-12-05T10:00:00Z' };
  const gs = groups(group, [split]);
  assert.equal(gs.length, 2);
  assert.equal(gs.reduce((n, g) => n + g.length, 0), 300);
  assert.equal(together(gs, 'd000#Aurelio Vasquez', 'd299#Aurelio Vasquez'), false);
});

test('a name written in capitals only (a telex) does not lead over the same name in mixed case', () => {
  for (const order of [['d1', 'd2'], ['d2', 'd1']]) {
    const [caps, mixed] = order as [string, string];
    const { entities } = clusterEntities([cand(caps, 'KHALID JABOURI', 'PERSON'), cand(mixed, 'Khalid Jabouri', 'PERSON')], []);
    assert.equal(entities.length, 1);
    assert.equal(entities[0]!.name, 'Khalid Jabouri');
    assert.deepEqual(entities[0]!.aliases, []);
  }
  // One word in capitals may be an acronym: the rule leaves it to the other criteria.
  const { entities } = clusterEntities([cand('d1', 'KDP', 'ORG'), cand('d2', 'Kurdistan Democratic Party', 'ORG', ['KDP'])], []);
  assert.equal(entities[0]!.name, 'Kurdistan Democratic Party');
});
