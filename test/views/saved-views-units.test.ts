/** The saved-views component's pure parts: a saved query restores the network state, a saved layout lands on its own graph only. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applySavedLayout, rememberLayout, selectionOf, stateOfView } from '../../web/components/saved-views.js';
import { toGraph } from '../../web/graph/graph-model.js';
import { graphKey, networkUrl, readNetworkState } from '../../web/lib/network-url.js';
import type { GraphData } from '../../web/api/client.js';

const data: GraphData = {
  nodes: [
    { id: 'ent_000000000000000a', name: 'A', type: 'PERSON', degree: 1, mentionCount: 3 },
    { id: 'ent_000000000000000b', name: 'B', type: 'ORG', degree: 1, mentionCount: 2 },
  ],
  edges: [{ id: 'rel_0000000000000001', type: 'paid', source: 'ent_000000000000000a', target: 'ent_000000000000000b', confidence: 0.9, independentSources: 1, evidenceCount: 1, contradicted: false }],
};

describe('saved views in the workbench', () => {
  it('restores filters and selection from a saved query', () => {
    const state = { ...readNetworkState(new URLSearchParams()), ...stateOfView({ query: { minConfidence: 0.3, relationTypes: 'paid,met', reviewedOnly: 'true', minGrade: 'B2' }, selected: ['ent_000000000000000a'] }) };
    assert.equal(networkUrl(state), '/network?rel=paid%2Cmet&conf=0.3&reviewed=1&grade=B2&pick=ent_000000000000000a&node=ent_000000000000000a');
  });

  it('saves every picked node and the open one as the selection, and restores them all', () => {
    const state = readNetworkState(new URLSearchParams('pick=ent_000000000000000a,ent_000000000000000b&node=ent_000000000000000c&tag=story'));
    assert.deepEqual(selectionOf(state), ['ent_000000000000000a', 'ent_000000000000000b', 'ent_000000000000000c']);
    assert.equal(state.tag, 'story');
    const back = stateOfView({ query: { tag: 'story' }, selected: selectionOf(state) });
    assert.deepEqual([back.picked, back.node, back.tag], [selectionOf(state), 'ent_000000000000000a', 'story']);
  });

  it('puts the saved positions on the graph of the view opened, once, and on no other graph', () => {
    const state = readNetworkState(new URLSearchParams('conf=0.3'));
    rememberLayout(graphKey(state), { ent_000000000000000a: { x: 12.5, y: -4 }, ent_ffffffffffffffff: { x: 1, y: 1 } });
    const other = toGraph(data);
    assert.equal(applySavedLayout(other, graphKey(readNetworkState(new URLSearchParams()))), false);
    const graph = toGraph(data);
    const before = graph.getNodeAttributes('ent_000000000000000b');
    assert.equal(applySavedLayout(graph, graphKey(state)), true);
    assert.deepEqual([graph.getNodeAttribute('ent_000000000000000a', 'x'), graph.getNodeAttribute('ent_000000000000000a', 'y')], [12.5, -4]);
    assert.deepEqual([graph.getNodeAttribute('ent_000000000000000b', 'x'), graph.getNodeAttribute('ent_000000000000000b', 'y')], [before.x, before.y]);
    assert.equal(applySavedLayout(toGraph(data), graphKey(state)), false, 'applied once');
  });
});
