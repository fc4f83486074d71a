/** Runs ForceAtlas2 on the drawn graph in a web worker and copies positions back as they improve. */
import type { NetworkGraph } from './graph-model.js';

/** Sent to the worker: node ids, their start positions (x0, y0, x1, y1 ...), edges as index pairs, and how many iterations. */
export interface LayoutRequest {
  ids: string[];
  xy: Float32Array;
  edges: Uint32Array;
  iterations: number;
}

/** Sent back after each batch. */
export interface LayoutTick {
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

/** Starts the layout; `onProgress` reports (done, total) so the page can show it. Returns a handle to stop it. */
export function startLayout(graph: NetworkGraph, onProgress: (done: number, total: number) => void): LayoutHandle {
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
  worker.onmessage = (event: MessageEvent<LayoutTick>) => {
    const tick = event.data;
    // Nodes can be added while the layout runs (expand): only the ones it knows about move.
    graph.updateEachNodeAttributes((node, a) => {
      const i = index.get(node);
      return i === undefined ? a : { ...a, x: tick.xy[2 * i] ?? a.x, y: tick.xy[2 * i + 1] ?? a.y };
    }, { attributes: ['x', 'y'] });
    onProgress(tick.done, tick.total);
    if (tick.done >= tick.total) worker.terminate();
  };
  const request: LayoutRequest = { ids, xy, edges, iterations: total };
  worker.postMessage(request, [xy.buffer, edges.buffer]);
  onProgress(0, total);
  return { stop: () => worker.terminate() };
}
