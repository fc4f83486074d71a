/**
 * Model file: gzip of a JSON header (tags, labels, clusters, GloVe clusters if trained with them, lemma table and
 * rules, label candidates) followed by three weight tables (tagger, parser actions, arc labels) and, for a two-pass
 * tagger, a fourth (its second pass), each as uint32 feature keys and int16 weights with one scale per table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Lemmatiser } from './lemmatiser.js';
import type { ParseModel } from './model.js';
import { PackedActionTable } from './packed-actions.js';
import { InlineTable, WeightTable, type ActionTable } from './weights.js';
import { sharedTable, tableKey } from '../shared-tables.js';

const MAGIC = 'CGPARSE1';

interface TableHeader {
  rows: number;
  classes: number;
  scale: number;
}

interface Header {
  version: string;
  upos: string[];
  deprels: string[];
  /** "word\tcoarse,fine" lines. */
  clusters: string;
  /** "word\tbucket" lines. */
  capBuckets: string;
  /** "word\ttag bits" lines. */
  tagClasses: string;
  /** GloVe clusters, "lower-cased word\tcoarse,fine" lines; absent in models trained without them. */
  glove?: string;
  /** The parser reads the GloVe clusters (else only the tagger does); absent = no. */
  parserGlove?: boolean;
  /** "form\tUPOS\tlemma" lines. */
  lemmas: string;
  /** "UPOS\tending\tstrip\tadded" lines. */
  rules: string;
  maxEnding: number;
  /** Label candidates per (direction, head tag, dependent tag) key: "key\tl,l,l" lines. */
  candidates: string;
  tables: TableHeader[];
}

/** Keeps rows whose largest weight reaches `pruneBelow`, quantised to int16. */
function quantise(keys: Uint32Array, weights: Float32Array, K: number, pruneBelow: number): { keys: Uint32Array; q: Int16Array; header: TableHeader } {
  const keep: number[] = [];
  let maxAbs = 0;
  for (let r = 0; r < keys.length; r++) {
    let m = 0;
    for (let t = 0; t < K; t++) m = Math.max(m, Math.abs(weights[r * K + t]!));
    if (m >= pruneBelow) {
      keep.push(r);
      maxAbs = Math.max(maxAbs, m);
    }
  }
  keep.sort((a, b) => keys[a]! - keys[b]!);
  const scale = maxAbs / 32767 || 1;
  const outKeys = new Uint32Array(keep.length);
  const q = new Int16Array(keep.length * K);
  keep.forEach((r, i) => {
    outKeys[i] = keys[r]!;
    for (let t = 0; t < K; t++) q[i * K + t] = Math.round(weights[r * K + t]! / scale);
  });
  return { keys: outKeys, q, header: { rows: keep.length, classes: K, scale } };
}

/**
 * Writes the model; `prune` gives each table's pruning threshold (tagger, actions, labels; the tagger's also serves
 * its second pass). Returns rows kept per table.
 */
export function saveParseModel(path: string, model: ParseModel, prune: [number, number, number]): number[] {
  const weights = [model.tagger, model.parser.actions, model.parser.labels, ...(model.tagger2 ? [model.tagger2] : [])];
  if (weights.some((t) => t.size > 0 && t.keys.length === 0)) throw new Error('saveParseModel: a loaded model keeps no source rows; save the trained one');
  const tables = weights.map((t, i) => quantise(t.keys, t.weights, t.classes, prune[i % 3]!));
  const sortedLines = (lines: string[]): string => lines.sort().join('\n');
  const header: Header = {
    version: model.version,
    upos: model.upos,
    deprels: model.parser.deprels,
    clusters: sortedLines([...model.lexicon.clusters].map(([w, ids]) => `${w}\t${ids.join(',')}`)),
    capBuckets: sortedLines([...model.lexicon.capBuckets].map(([w, b]) => `${w}\t${b}`)),
    tagClasses: sortedLines([...model.lexicon.tagClasses].map(([w, b]) => `${w}\t${b}`)),
    // Written only when present, so a model trained without them keeps the bytes it had before they existed.
    ...(model.lexicon.glove?.size ? { glove: sortedLines([...model.lexicon.glove].map(([w, ids]) => `${w}\t${ids.join(',')}`)) } : {}),
    ...(model.parser.glove ? { parserGlove: true } : {}),
    lemmas: sortedLines([...model.lemmatiser.table].map(([k, l]) => `${k}\t${l}`)),
    rules: sortedLines([...model.lemmatiser.rules].map(([k, r]) => `${k}\t${r}`)),
    maxEnding: model.lemmatiser.maxEnding,
    candidates: [...model.parser.candidates].sort((a, b) => a[0] - b[0]).map(([k, ls]) => `${k}\t${[...ls].join(',')}`).join('\n'),
    tables: tables.map((t) => t.header),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (4 - ((MAGIC.length + 4 + json.length) % 4)) % 4;
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length + pad);
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1'), len, json, Buffer.alloc(pad, 0x20)];
  for (const t of tables) parts.push(Buffer.from(t.keys.buffer, t.keys.byteOffset, t.keys.byteLength), Buffer.from(t.q.buffer, t.q.byteOffset, t.q.byteLength));
  writeFileSync(path, gzipSync(Buffer.concat(parts), { level: 9 }));
  return tables.map((t) => t.header.rows);
}

const lines = (s: string): string[] => (s === '' ? [] : s.split('\n'));

/** The compact action table when the weights fit its layout, else the general one (same sums either way). */
function actionTable(keys: Uint32Array, weights: Float32Array, q: Int16Array, h: TableHeader): ActionTable {
  if (h.classes === 3) {
    try {
      return new PackedActionTable(keys, weights, q, h.scale);
    } catch {
      // keys the packed layout cannot hold: fall through
    }
  }
  return new InlineTable(keys, weights, h.classes).release();
}

/** Reads a model file written by saveParseModel. */
export function loadParseModel(path: string): ParseModel {
  const buf = gunzipSync(readFileSync(path));
  if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`${path} is not a Cablegraph parse model`);
  const headerLen = buf.readUInt32LE(MAGIC.length);
  let pos = MAGIC.length + 4;
  const header = JSON.parse(buf.toString('utf8', pos, pos + headerLen)) as Header;
  pos += headerLen;
  // Each table's rows start where the one before ends; a table another worker already built is not decoded again.
  const starts: number[] = [];
  for (const h of header.tables) {
    starts.push(pos);
    pos += 4 * h.rows + 2 * h.rows * h.classes;
  }
  const read = (i: number): { keys: Uint32Array; weights: Float32Array; q: Int16Array } => {
    const h = header.tables[i]!;
    let at = starts[i]!;
    // Copies into aligned arrays: the gunzipped buffer may start at any byte offset.
    const keys = new Uint32Array(h.rows);
    Buffer.from(keys.buffer).set(buf.subarray(at, at + 4 * h.rows));
    at += 4 * h.rows;
    const q = new Int16Array(h.rows * h.classes);
    Buffer.from(q.buffer).set(buf.subarray(at, at + 2 * q.length));
    const weights = new Float32Array(q.length);
    for (let k = 0; k < q.length; k++) weights[k] = q[k]! * h.scale;
    return { keys, weights, q };
  };
  const [th, ah, lh, t2h] = header.tables as [TableHeader, TableHeader, TableHeader, TableHeader?];
  // Loaded tables drop their source rows (a third of the parser's memory); a loaded model is never saved again.
  const inline = (i: number, h: TableHeader, name: string): InlineTable => sharedTable(tableKey(path, name), InlineTable, () => {
    const t = read(i);
    return new InlineTable(t.keys, t.weights, h.classes).release();
  });
  const actions: ActionTable = sharedTable(tableKey(path, 'actions'), [PackedActionTable, InlineTable], () => {
    const t = read(1);
    return actionTable(t.keys, t.weights, t.q, ah);
  });
  const labels = sharedTable(tableKey(path, 'labels'), WeightTable, () => {
    const t = read(2);
    return new WeightTable(t.keys, t.weights, lh.classes);
  });
  const idLists = (text: string): Map<string, number[]> => {
    const m = new Map<string, number[]>();
    for (const line of lines(text)) {
      const tab = line.lastIndexOf('\t');
      m.set(line.slice(0, tab), line.slice(tab + 1).split(',').map(Number));
    }
    return m;
  };
  const clusters = idLists(header.clusters);
  const numbers = (text: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const line of lines(text)) {
      const tab = line.lastIndexOf('\t');
      m.set(line.slice(0, tab), Number(line.slice(tab + 1)));
    }
    return m;
  };
  const table = new Map<string, string>();
  for (const line of lines(header.lemmas)) {
    const [form, upos, lemma] = line.split('\t') as [string, string, string];
    table.set(`${form}\t${upos}`, lemma);
  }
  const rules = new Map<string, string>();
  for (const line of lines(header.rules)) {
    const [upos, ending, strip, added] = line.split('\t') as [string, string, string, string];
    rules.set(`${upos}\t${ending}`, `${strip}\t${added}`);
  }
  const candidates = new Map<number, Int32Array>();
  for (const line of lines(header.candidates)) {
    const [k, ls] = line.split('\t') as [string, string];
    candidates.set(Number(k), Int32Array.from(ls.split(','), Number));
  }
  return {
    version: header.version,
    upos: header.upos,
    tagger: inline(0, th, 'tagger'),
    ...(t2h ? { tagger2: inline(3, t2h, 'tagger2') } : {}),
    lemmatiser: new Lemmatiser(table, rules, header.maxEnding),
    parser: {
      actions,
      labels,
      deprels: header.deprels,
      root: header.deprels.indexOf('root'),
      candidates,
      ...(header.parserGlove ? { glove: true } : {}),
    },
    lexicon: { clusters, capBuckets: numbers(header.capBuckets ?? ''), tagClasses: numbers(header.tagClasses ?? ''), glove: idLists(header.glove ?? '') },
  };
}
