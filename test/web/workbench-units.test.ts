/** The workbench's pure helpers: partial dates as ranges, network URL state, member keys, relation grouping, synthetic bench graphs. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dateRange, formatPartialDate, overallRange, yearTicks } from '../../web/lib/partial-dates.js';
import { graphRequest, networkUrl, readNetworkState } from '../../web/lib/network-url.js';
import { parseMember } from '../../web/lib/entity-members.js';
import { groupRelations } from '../../web/components/entity-relations.js';
import { markNames } from '../../web/components/evidence-list.js';
import { relationLabel } from '../../web/lib/use-schema.js';
import { applySizes, exportView, mergeGraphData, toGraph } from '../../web/graph/graph-model.js';
import { DEFAULT_MIN_CONFIDENCE, RELATION_TYPES } from '../../src/model/index.js';
import { toggleFilter } from '../../web/components/network-filters.js';
import type { EntityRelation } from '../../web/api/client.js';

const day = 86_400_000;

describe('partial dates', () => {
  it('spans the year, the month or the day the date names', () => {
    const cases: [string, string, string][] = [
      ['2019', '2019-01-01', '2020-01-01'],
      ['2020-01', '2020-01-01', '2020-02-01'],
      ['2020-12', '2020-12-01', '2021-01-01'],
      ['2020-01-03', '2020-01-03', '2020-01-04'],
    ];
    for (const [date, start, end] of cases) {
      assert.deepEqual(dateRange(date), { start: Date.parse(start), end: Date.parse(end) }, date);
    }
    assert.equal(dateRange(''), null);
    assert.equal(dateRange('January'), null);
  });
  it('reads dates at their precision', () => {
    assert.equal(formatPartialDate('2019'), '2019 (year)');
    assert.equal(formatPartialDate('2020-01'), 'January 2020');
    assert.equal(formatPartialDate('2020-01-03'), '3 January 2020');
    assert.equal(formatPartialDate(''), 'undated');
  });
  it('puts the axis on whole years with a readable number of ticks', () => {
    const range = overallRange([dateRange('2003')!, dateRange('2020-01-03')!])!;
    assert.deepEqual(range, { start: Date.parse('2003-01-01'), end: Date.parse('2021-01-01') });
    const ticks = yearTicks(range);
    assert.ok(ticks.length <= 12 && ticks[0]! >= 2003 && ticks.at(-1)! <= 2021, ticks.join());
    assert.deepEqual(yearTicks({ start: Date.parse('2019-01-01'), end: Date.parse('2019-01-01') + day }), [2019, 2020]);
    assert.equal(overallRange([]), null);
  });
});

describe('network URL state', () => {
  it('round-trips through the URL, leaving defaults out', () => {
    const state = readNetworkState(new URLSearchParams('entity=ent_0123456789abcdef&hops=2&rel=met,paid&types=PERSON&conf=0.3&src=2&from=2019&to=2020-06&size=centrality&expand=ent_aaaaaaaaaaaaaaaa&edge=rel_1'));
    assert.equal(state.minConfidence, 0.3);
    assert.deepEqual(state.relationTypes, ['met', 'paid']);
    assert.deepEqual(readNetworkState(new URLSearchParams(networkUrl(state).split('?')[1])), state);
    assert.equal(networkUrl(readNetworkState(new URLSearchParams(''))), '/network');
  });
  it('falls back to defaults for malformed values', () => {
    const state = readNetworkState(new URLSearchParams('entity=robert&hops=9&conf=abc&src=-3&from=2019-1&size=huge'));
    assert.deepEqual([state.entity, state.hops, state.minConfidence, state.minSources, state.from, state.size], ['', 4, DEFAULT_MIN_CONFIDENCE, 0, '', 'degree']);
  });
  it('toggles type filters where an empty list means all', () => {
    const all = ['PERSON', 'ORG', 'LOC', 'MISC'];
    assert.deepEqual(toggleFilter([], all, 'ORG'), ['PERSON', 'LOC', 'MISC']);
    assert.deepEqual(toggleFilter(['PERSON', 'LOC', 'MISC'], all, 'ORG'), [], 'all ticked again: no filter');
    assert.deepEqual(toggleFilter(['LOC'], all, 'PERSON'), ['PERSON', 'LOC'], 'kept in schema order');
  });
  it('asks the API for what the filters say', () => {
    const request = graphRequest(readNetworkState(new URLSearchParams('rel=met&from=2019')));
    assert.deepEqual(request, { entity: undefined, hops: undefined, relationTypes: 'met', entityTypes: undefined, minConfidence: DEFAULT_MIN_CONFIDENCE, minSources: 1, from: '2019', to: undefined });
  });
});

describe('entity helpers', () => {
  it('splits member keys', () => {
    assert.deepEqual(parseMember('1fd71d5ca58c0b9b#PERSON:qassem soleimani'), { documentId: '1fd71d5ca58c0b9b', type: 'PERSON', norm: 'qassem soleimani' });
    assert.deepEqual(parseMember('soleimani'), { documentId: '', type: '', norm: 'soleimani' });
  });
  it('groups relations by type and direction, reading each with the schema\'s label or inverse', () => {
    const rel = (id: string, type: string, direction: 'out' | 'in') => ({ id, type, direction }) as EntityRelation;
    const groups = groupRelations([rel('a', 'role_in', 'out'), rel('b', 'role_in', 'in'), rel('c', 'role_in', 'out')]);
    assert.deepEqual(groups.map((g) => [g.key, g.items.map((r) => r.id)]), [['role_in:out', ['a', 'c']], ['role_in:in', ['b']]]);
    const schema = { entityTypes: [], relationTypes: RELATION_TYPES };
    assert.equal(relationLabel(schema, 'role_in', 'out'), 'holds a post in');
    assert.equal(relationLabel(schema, 'role_in', 'in'), 'has post holder');
    assert.equal(relationLabel(null, 'informant_for'), 'informant for');
  });
});

describe('markNames', () => {
  it('marks names in evidence, longest first, without overlaps', () => {
    const parts = markNames('Gen. Qassem Soleimani met Soleimani’s aide in Baghdad.', ['Soleimani', 'Qassem Soleimani', 'baghdad', 'x']);
    assert.deepEqual(parts.filter((p) => p.name).map((p) => p.text), ['Qassem Soleimani', 'Soleimani', 'Baghdad']);
    assert.equal(parts.map((p) => p.text).join(''), 'Gen. Qassem Soleimani met Soleimani’s aide in Baghdad.');
    assert.deepEqual(markNames('', ['a']), []);
    assert.deepEqual(markNames('the Iranian theocracy and Iran.', ['Iran']).filter((p) => p.name).map((p) => p.text), ['Iran'], 'whole words only');
  });
});

describe('graph model', () => {
  const data = {
    nodes: [
      { id: 'a', name: 'A', type: 'PERSON' as const, degree: 2, mentionCount: 3 },
      { id: 'b', name: 'B', type: 'ORG' as const, degree: 1, mentionCount: 1 },
      { id: 'c', name: 'C', type: 'LOC' as const, degree: 1, mentionCount: 1 },
    ],
    edges: [
      { id: 'e1', type: 'role_in', source: 'a', target: 'b', confidence: 0.9, independentSources: 2, evidenceCount: 2, contradicted: false },
      { id: 'e2', type: 'met', source: 'a', target: 'b', confidence: 0.6, independentSources: 1, evidenceCount: 1, contradicted: true },
      { id: 'e3', type: 'located_in', source: 'a', target: 'c', confidence: 0.6, independentSources: 1, evidenceCount: 1, contradicted: false },
    ],
  };
  it('keeps parallel relations, colours nodes by type and places them the same way every time', () => {
    const graph = toGraph(data);
    assert.equal(graph.size, 3, 'two relation types between one pair are two edges');
    assert.equal(graph.getNodeAttribute('a', 'color'), '#1d4ed8');
    assert.equal(graph.getEdgeAttribute('e2', 'color'), '#d1242f', 'a denied relation is red');
    assert.equal(toGraph(data).getNodeAttribute('b', 'x'), graph.getNodeAttribute('b', 'x'));
    applySizes(graph, 'degree');
    assert.ok(graph.getNodeAttribute('a', 'size') > graph.getNodeAttribute('c', 'size'));
  });
  it('adds an expanded neighbourhood without duplicates', () => {
    const graph = toGraph({ nodes: data.nodes.slice(0, 2), edges: data.edges.slice(0, 1) });
    const added = mergeGraphData(graph, data, { x: 0, y: 0 });
    assert.deepEqual(added, ['c']);
    assert.equal(graph.size, 3);
  });
  it('exports the view, or one node with its relations', () => {
    const graph = toGraph(data);
    const all = JSON.parse(exportView(graph, { conf: 0.5 })) as { nodes: unknown[]; edges: unknown[]; filters: unknown };
    assert.deepEqual([all.nodes.length, all.edges.length, all.filters], [3, 3, { conf: 0.5 }]);
    const around = JSON.parse(exportView(graph, {}, 'b')) as { nodes: { id: string }[]; edges: { id: string }[]; selection: string };
    assert.deepEqual([around.selection, around.nodes.map((n) => n.id).sort(), around.edges.map((e) => e.id).sort()], ['b', ['a', 'b'], ['e1', 'e2']]);
  });
});
