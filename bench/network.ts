/**
 * Network scene benchmark: time to first render of synthetic graphs (1,000 and 5,000 nodes, 4 edges per node) in headless
 * Chromium, with the app built by Vite into a temporary folder and /api/graph answered by a small local server.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { ENTITY_TYPES, RELATION_TYPES } from '../src/model/index.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..');
const SIZES = [1000, 5000];
const EDGES_PER_NODE = 4;
const RUNS = 3;

/** A deterministic pseudo-random generator (mulberry32), so every run draws the same graph. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A graph shaped like /api/graph's answer: preferential attachment, so there are hubs as in real networks. */
export function syntheticGraph(nodes: number, edgesPerNode = EDGES_PER_NODE): { nodes: unknown[]; edges: unknown[] } {
  const next = random(nodes);
  const hex = (n: number): string => n.toString(16).padStart(16, '0');
  const relationTypes = Object.keys(RELATION_TYPES);
  const ends: number[] = [];
  const edges: { id: string; type: string; source: string; target: string; confidence: number; independentSources: number; evidenceCount: number; contradicted: boolean }[] = [];
  const degree = new Array<number>(nodes).fill(0);
  for (let i = 1; i < nodes; i++) {
    for (let k = 0; k < Math.min(edgesPerNode, i); k++) {
      const j = ends.length > 0 && next() < 0.7 ? ends[Math.floor(next() * ends.length)]! : Math.floor(next() * i);
      if (j === i) continue;
      edges.push({
        id: `rel_${hex(edges.length)}`, type: relationTypes[Math.floor(next() * relationTypes.length)]!, source: `ent_${hex(i)}`, target: `ent_${hex(j)}`,
        confidence: 0.5 + next() / 2, independentSources: 1 + Math.floor(next() * 3), evidenceCount: 1, contradicted: next() < 0.02,
      });
      ends.push(i, j);
      degree[i]!++;
      degree[j]!++;
    }
  }
  return {
    nodes: degree.map((d, i) => ({ id: `ent_${hex(i)}`, name: `Entity ${i}`, type: ENTITY_TYPES[i % ENTITY_TYPES.length], degree: d, mentionCount: d + 1 })),
    edges,
  };
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** Serves the built app, the schema and one synthetic graph. */
function serve(webRoot: string, graphJson: () => string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/api/graph') { res.writeHead(200, { 'content-type': 'application/json' }); res.end(graphJson()); return; }
    if (path === '/api/schema') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ entityTypes: ENTITY_TYPES, relationTypes: RELATION_TYPES }));
      return;
    }
    if (path.startsWith('/api/')) { res.writeHead(404, { 'content-type': 'application/json' }); res.end('{"error":"not-found","message":"not in the benchmark"}'); return; }
    const file = normalize(join(webRoot, path));
    const target = file.startsWith(webRoot) && existsSync(file) && extname(file) ? file : join(webRoot, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
    res.end(readFileSync(target));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Worst gap between animation frames over 2 s, in ms. */
const FRAME_GAP_SCRIPT = `new Promise((resolve) => {
  let last = performance.now(), worst = 0;
  const end = last + 2000;
  function tick(now) { worst = Math.max(worst, now - last); last = now; if (now < end) requestAnimationFrame(tick); else resolve(worst); }
  requestAnimationFrame(tick);
})`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs the benchmark; returns a section for bench/RESULTS.md. */
export async function benchNetwork(): Promise<{ title: string; lines: string[] }> {
  const title = 'Network scene: time to first render (headless Chromium, WebGL through SwiftShader)';
  if (!existsSync(CHROMIUM)) return { title, lines: [`Skipped: ${CHROMIUM} is not installed.`] };
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-bench-web-'));
  const webRoot = join(dir, 'web');
  let current = '';
  await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } });
  const server = await serve(webRoot, () => current);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--enable-unsafe-swiftshader'],
  });
  const lines = [
    `Synthetic graphs with ${EDGES_PER_NODE} edges per node (preferential attachment), served as /api/graph JSON; page at 1280x800; median of ${RUNS} page loads.`,
    '"First frame" is from the start of page load to the first frame after sigma drew the graph (fetch, JSON, graphology, Louvain and PageRank, sigma);',
    '"sigma" is sigma\'s constructor to that frame. The ForceAtlas2 layout then runs in a web worker: "longest frame gap" is the worst time between two',
    'animation frames on the main thread during the first 2 s of layout (what a user would feel as a stall while panning).',
    '',
    '| nodes | edges | first frame (ms) | sigma (ms) | longest frame gap during layout (ms) |',
    '|---|---|---|---|---|',
  ];
  try {
    const { port } = server.address() as AddressInfo;
    for (const size of SIZES) {
      const graph = syntheticGraph(size);
      current = JSON.stringify(graph);
      const totals: number[] = [];
      const sigmas: number[] = [];
      const gaps: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(`http://127.0.0.1:${port}/network`);
        await page.locator('.network-canvas[data-rendered="true"]').waitFor({ timeout: 120_000 });
        const probe = await page.evaluate(() => ({ at: window.__cablegraphNetwork?.renderedAt ?? Number.NaN, ms: window.__cablegraphNetwork?.renderedMs ?? Number.NaN }));
        // A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
        const gap = await page.evaluate<number>(FRAME_GAP_SCRIPT);
        totals.push(probe.at);
        sigmas.push(probe.ms);
        gaps.push(gap);
        await page.close();
      }
      lines.push(`| ${size.toLocaleString('en-US')} | ${graph.edges.length.toLocaleString('en-US')} | ${median(totals).toFixed(0)} | ${median(sigmas).toFixed(0)} | ${median(gaps).toFixed(0)} |`);
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { title, lines };
}
