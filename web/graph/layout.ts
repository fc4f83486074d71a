/** Runs ForceAtlas2 on the drawn graph in a web worker and copies positions back as they improve. */
import { applyMeasures, type Community } from './analysis.js';
import type { NetworkGraph } from './graph-model.js';

/** Sent to the worker: node ids, their start positions (x0, y0, x1, y1 ...), edges as index pairs, and how many iterations. */
export interface LayoutRequest {
  ids: string[];
  xy: Float32Array;
  edges: Uint32Array;
  iterations: number;
}

/** Sent back first: Louvain community and PageRank per node, in request order. */
export interface LayoutAnalysis {
  kind: 'analysis';
  community: Int32Array;
  rank: Float64Array;
}

/** Sent back after each batch. */
export interface LayoutTick {
  kind: 'tick';
  xy: Float32Array;
  done: number;
  total: number;
}

/** A running layout. */
export interface LayoutHandle {
  stop(): void;
}

/** Iterations for a graph of this size: small graphs settle fully, large ones get a budget that keeps the worker under a few seconds. */
export function iterationsFor(order: number): number {
  return order > 3000 ? 150 : order > 500 ? 300 : 500;
}

/** Least time between two position updates on screen, by graph size. */
export function updateIntervalFor(order: number): number {
  return order > 2000 ? 3000 : order > 500 ? 750 : 50;
}

/** Starts the layout (and the analysis) in a worker; `onProgress` reports (done, total) so the page can show it. Returns a handle to stop it. */
export function startLayout(graph: NetworkGraph, onProgress: (done: number, total: number) => void, onAnalysis: (communities: Community[]) => void): LayoutHandle {
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const xy = new Float32Array(ids.length * 2);
  ids.forEach((id, i) => {
    xy[2 * i] = graph.getNodeAttribute(id, 'x');
    xy[2 * i + 1] = graph.getNodeAttribute(id, 'y');
  });
  const edges = new Uint32Array(graph.size * 2);
  let e = 0;
  graph.forEachEdge((_edge, _a, source, target) => {
    edges[e++] = index.get(source) ?? 0;
    edges[e++] = index.get(target) ?? 0;
  });
  const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  const total = iterationsFor(ids.length);
  // Every position update makes sigma redraw the whole graph; on a large graph (or a software-rendered canvas) a redraw
  // takes long enough to stall the page, so large graphs take positions less often. Progress is reported on every batch.
  const interval = updateIntervalFor(ids.length);
  let pending: LayoutTick | null = null;
  let lastApplied = performance.now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const apply = (): void => {
    timer = null;
    const tick = pending;
    if (!tick) return;
    pending = null;
    lastApplied = performance.now();
    graph.updateEachNodeAttributes((node, a) => {
      const i = index.get(node);
      return i === undefined ? a : { ...a, x: tick.xy[2 * i] ?? a.x, y: tick.xy[2 * i + 1] ?? a.y };
    }, { attributes: ['x', 'y'] });
  };
  worker.onmessage = (event: MessageEvent<LayoutTick | LayoutAnalysis>) => {
    if (event.data.kind === 'analysis') {
      onAnalysis(applyMeasures(graph, ids, event.data.community, event.data.rank));
      return;
    }
    const tick = event.data;
    pending = tick;
    onProgress(tick.done, tick.total);
    const finished = tick.done >= tick.total;
    if (finished) {
      worker.terminate();
      if (timer) clearTimeout(timer);
      apply();
    } else if (!timer) {
      timer = setTimeout(apply, Math.max(0, lastApplied + interval - performance.now()));
    }
  };
  const request: LayoutRequest = { ids, xy, edges, iterations: total };
  worker.postMessage(request, [xy.buffer, edges.buffer]);
  onProgress(0, total);
  return { stop: () => { worker.terminate(); if (timer) clearTimeout(timer); } };
}
