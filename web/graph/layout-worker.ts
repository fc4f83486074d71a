/// <reference lib="webworker" />
/** ForceAtlas2 in a web worker, so the page stays responsive: receives nodes and edges, posts positions after every batch of iterations. */
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { cjsDefault } from './cjs-default.js';
import { measure } from './analysis.js';
import type { LayoutAnalysis, LayoutRequest, LayoutTick } from './layout.js';

const forceAtlas2 = cjsDefault(forceAtlas2Module);
let run = 0;

self.onmessage = (event: MessageEvent<LayoutRequest | { stop: true }>) => {
  run++;
  if ('stop' in event.data) return;
  const { ids, xy, edges, iterations } = event.data;
  const graph = new MultiDirectedGraph();
  ids.forEach((id, i) => graph.addNode(id, { x: xy[2 * i], y: xy[2 * i + 1] }));
  for (let i = 0; i < edges.length; i += 2) {
    const source = ids[edges[i] as number] as string;
    const target = ids[edges[i + 1] as number] as string;
    if (source !== target) graph.addEdge(source, target);
  }
  const inferred = forceAtlas2.inferSettings(graph);
  // Strong gravity keeps components that share no edge near the rest; a high scaling ratio gives labels room.
  const settings = { ...inferred, strongGravityMode: true, gravity: 0.5, scalingRatio: graph.order < 300 ? 20 : 10, barnesHutOptimize: graph.order > 500 };
  const mine = run;
  // Communities and centrality first: they are quick next to the layout, and the page shows them as soon as they arrive.
  const { community, rank } = measure(graph, ids);
  const analysis: LayoutAnalysis = { kind: 'analysis', community, rank };
  self.postMessage(analysis, [community.buffer, rank.buffer]);
  let done = 0;
  // Batches yield to the message loop between them, so a newer request (or stop) cancels this run.
  const step = (): void => {
    if (mine !== run) return;
    const batch = Math.min(graph.order > 2000 ? 5 : 20, iterations - done);
    forceAtlas2.assign(graph, { iterations: batch, settings });
    done += batch;
    const out = new Float32Array(ids.length * 2);
    ids.forEach((id, i) => {
      out[2 * i] = graph.getNodeAttribute(id, 'x') as number;
      out[2 * i + 1] = graph.getNodeAttribute(id, 'y') as number;
    });
    const tick: LayoutTick = { kind: 'tick', xy: out, done, total: iterations };
    self.postMessage(tick, [out.buffer]);
    if (done < iterations) setTimeout(step, 0);
  };
  step();
};
