/** The WebGL network (sigma.js 3): draws the graphology graph, dims what is not selected, reports clicks, and signals when it has rendered. */
import { useEffect, useRef } from 'react';
import Sigma from 'sigma';
import type { EdgeAttributes, NetworkGraph, NodeAttributes } from './graph-model.js';

/** What is emphasised: a node and its neighbours, an edge, or a set of nodes (a community). */
export interface Emphasis {
  node: string;
  edge: string;
  members: ReadonlySet<string> | null;
}

/** Props: the graph (mutated in place by layout and expansion), what to emphasise, and click handlers. */
export interface NetworkCanvasProps {
  graph: NetworkGraph;
  emphasis: Emphasis;
  /** Node to bring into view (find), with a counter so finding the same node twice moves again. */
  focus: { node: string; n: number } | null;
  onNode(id: string): void;
  onEdge(id: string): void;
  onStage(): void;
  onRendered(ms: number): void;
}

const DIM = '#e4e7eb';

/** Test and benchmark hook: where a node or an edge's midpoint is on screen, in CSS pixels of the page. */
interface NetworkProbe {
  nodePoint(id: string): { x: number; y: number } | null;
  edgePoint(id: string): { x: number; y: number } | null;
  /** Sigma construction to the first frame on screen, in ms. */
  renderedMs: number;
  /** performance.now() at that first frame: time since the page started loading. */
  renderedAt: number;
}

declare global {
  interface Window { __cablegraphNetwork?: NetworkProbe }
}

/** The canvas; the sigma instance lives as long as the graph object. */
export function NetworkCanvas({ graph, emphasis, focus, onNode, onEdge, onStage, onRendered }: NetworkCanvasProps) {
  const container = useRef<HTMLDivElement | null>(null);
  const sigmaRef = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const emphasisRef = useRef(emphasis);
  emphasisRef.current = emphasis;
  const handlers = useRef({ onNode, onEdge, onStage });
  handlers.current = { onNode, onEdge, onStage };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const started = performance.now();
    const big = graph.order > 1500;
    // sigma renders synchronously in its constructor; the frame after it is the first one on screen.
    const sigma = new Sigma<NodeAttributes, EdgeAttributes>(graph, element, {
      enableEdgeEvents: true,
      defaultEdgeType: big ? 'line' : 'arrow',
      hideEdgesOnMove: big,
      labelRenderedSizeThreshold: graph.order < 150 ? 0 : big ? 5 : 8,
      // Small views label every node they can; large ones only hubs, so labels stay readable.
      labelDensity: graph.order < 150 ? 1 : 0.7,
      stagePadding: graph.order < 150 ? 90 : 40,
      labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
      labelSize: 12,
      labelColor: { color: '#1f2328' },
      zIndex: true,
      minCameraRatio: 0.02,
      maxCameraRatio: 10,
      nodeReducer: (node, data) => {
        const e = emphasisRef.current;
        if (e.node) {
          if (node === e.node) return { ...data, highlighted: true, zIndex: 2 };
          if (graph.areNeighbors(node, e.node)) return { ...data, zIndex: 1, forceLabel: graph.order < 400 };
          return { ...data, color: DIM, label: null, zIndex: 0 };
        }
        if (e.edge && graph.hasEdge(e.edge)) {
          if (graph.hasExtremity(e.edge, node)) return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
        }
        if (e.members && !e.members.has(node)) return { ...data, color: DIM, label: null, zIndex: 0 };
        return data;
      },
      edgeReducer: (edge, data) => {
        const e = emphasisRef.current;
        if (edge === e.edge) return { ...data, color: '#c2410c', size: 3, zIndex: 2 };
        if (e.node && !graph.hasExtremity(edge, e.node)) return { ...data, hidden: graph.order > 400, color: DIM, zIndex: 0 };
        if (e.members && !(e.members.has(graph.source(edge)) && e.members.has(graph.target(edge)))) return { ...data, color: DIM, zIndex: 0 };
        // Thousands of edges in full grey hide the nodes: crowded views draw them faint (denials stay red).
        if (big && !data.contradicted) return { ...data, color: '#d5dae0' };
        return data;
      },
    });
    sigmaRef.current = sigma;
    sigma.on('clickNode', ({ node }) => handlers.current.onNode(node));
    sigma.on('clickEdge', ({ edge }) => handlers.current.onEdge(edge));
    sigma.on('clickStage', () => handlers.current.onStage());
    sigma.on('enterNode', () => { element.style.cursor = 'pointer'; });
    sigma.on('leaveNode', () => { element.style.cursor = ''; });
    sigma.on('enterEdge', () => { element.style.cursor = 'pointer'; });
    sigma.on('leaveEdge', () => { element.style.cursor = ''; });
    const point = (graphPoint: { x: number; y: number }): { x: number; y: number } => {
      const viewport = sigma.framedGraphToViewport(graphPoint);
      const box = element.getBoundingClientRect();
      return { x: box.left + viewport.x, y: box.top + viewport.y };
    };
    const probe: NetworkProbe = {
      renderedMs: Number.NaN,
      renderedAt: Number.NaN,
      nodePoint: (id) => {
        const d = sigma.getNodeDisplayData(id);
        return d ? point(d) : null;
      },
      edgePoint: (id) => {
        if (!graph.hasEdge(id)) return null;
        const a = sigma.getNodeDisplayData(graph.source(id));
        const b = sigma.getNodeDisplayData(graph.target(id));
        return a && b ? point({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }) : null;
      },
    };
    window.__cablegraphNetwork = probe;
    const frame = requestAnimationFrame(() => {
      probe.renderedAt = performance.now();
      probe.renderedMs = probe.renderedAt - started;
      element.dataset.rendered = 'true';
      onRendered(probe.renderedMs);
    });
    return () => {
      cancelAnimationFrame(frame);
      delete element.dataset.rendered;
      sigma.kill();
      sigmaRef.current = null;
      if (window.__cablegraphNetwork === probe) delete window.__cablegraphNetwork;
    };
    // One sigma per graph object; callbacks are read through refs.
  }, [graph]);

  // Emphasis changes only re-run the reducers.
  useEffect(() => {
    sigmaRef.current?.refresh({ skipIndexation: true });
  }, [emphasis.node, emphasis.edge, emphasis.members]);

  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma || !focus) return;
    const d = sigma.getNodeDisplayData(focus.node);
    if (d) void sigma.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(sigma.getCamera().ratio, 0.35) }, { duration: 400 });
  }, [focus?.node, focus?.n]);

  return <div ref={container} className="network-canvas" role="img" aria-label={`Network of ${graph.order} entities and ${graph.size} relations; use the panels to explore it with the keyboard`} />;
}
