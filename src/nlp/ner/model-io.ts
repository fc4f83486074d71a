/** Model file format: a JSON header (tags, lexicon) followed by feature keys, int16 weights and float32 transitions. */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Gazetteer } from './gazetteer.js';
import { FeatureExtractor, type Lexicon } from './features.js';
import { WeightTable } from './weight-table.js';
import { sharedTable, tableKey } from '../shared-tables.js';
import type { NerModel } from './tagger.js';
import type { PerceptronResult } from './perceptron.js';
import { splitTag } from './tags.js';

const MAGIC = 'CGNER1';

interface Header {
  version: string;
  tags: string[];
  rows: number;
  /** Weight = int16 value * scale. */
  scale: number;
  /** "word\tid,id" lines. */
  clusters: string;
  /** "word\tbucket" lines. */
  capBuckets: string;
  /** "phrase\tmask" lines. */
  gazetteer: string;
  /** "word\tid,id" lines of GloVe clusters, coarsest first (absent in files before -6). */
  glove?: string;
  /** true when GloVe cluster features are also conjoined with the case class (absent: not). */
  gloveCase?: boolean;
  /** "word\troles" lines (absent in older files). */
  nameTokens?: string;
  /** 'arabic' for Persian and Arabic models (absent in English ones). */
  script?: 'arabic';
  /** "word\tcount" lines of Arabic-script models (clitic splitting). */
  wordCounts?: string;
  /** "phrase\tmask" lines of the train-name list (train-names.ts), when the model reads one. */
  trainNames?: string;
  /**
   * Score added to every name of a type where it starts (the transitions into its B- and U- tags), chosen on tune data
   * after training (scripts/ner-bias.ts): a perceptron trained for accuracy per token finds fewer names than F1
   * would want when its precision is above its recall. Absent: none.
   */
  nameBonus?: Record<string, number>;
}

/** Everything needed to write a model file. */
export interface ModelParts {
  version: string;
  params: PerceptronResult;
  lexicon: Lexicon;
  /** Rows whose largest absolute weight is below this are dropped. */
  pruneBelow: number;
  /** Score added where a name of each type starts (see Header.nameBonus). */
  nameBonus?: Record<string, number>;
}

/** Writes a gzip-compressed model file; returns the number of feature rows kept. */
export function saveModel(path: string, parts: ModelParts): number {
  const { params, lexicon } = parts;
  const T = params.transitions.tags.length;
  const keep: number[] = [];
  let maxAbs = 0;
  for (let r = 0; r < params.keys.length; r++) {
    let m = 0;
    for (let t = 0; t < T; t++) m = Math.max(m, Math.abs(params.weights[r * T + t]!));
    if (m >= parts.pruneBelow) {
      keep.push(r);
      maxAbs = Math.max(maxAbs, m);
    }
  }
  const scale = maxAbs / 32767 || 1;
  keep.sort((a, b) => params.keys[a]! - params.keys[b]!);
  const keys = new Uint32Array(keep.length);
  const weights = new Int16Array(keep.length * T);
  keep.forEach((r, i) => {
    keys[i] = params.keys[r]!;
    for (let t = 0; t < T; t++) weights[i * T + t] = Math.round(params.weights[r * T + t]! / scale);
  });
  const header: Header = {
    version: parts.version,
    tags: [...params.transitions.tags],
    rows: keep.length,
    scale,
    clusters: idLines(lexicon.clusters),
    capBuckets: [...lexicon.capBuckets].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, b]) => `${w}\t${b}`).join('\n'),
    gazetteer: lexicon.gazetteer.entries().map(([p, m]) => `${p}\t${m}`).join('\n'),
  };
  // Written only when present, so files without it stay byte-identical to those of earlier versions.
  if (lexicon.glove?.size) header.glove = idLines(lexicon.glove);
  if (lexicon.glove?.size && lexicon.gloveCase) header.gloveCase = true;
  if (lexicon.nameTokens?.size) header.nameTokens = [...lexicon.nameTokens].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, b]) => `${w}\t${b}`).join('\n');
  if (lexicon.script) header.script = lexicon.script;
  if (lexicon.wordCounts?.size) header.wordCounts = [...lexicon.wordCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, n]) => `${w}\t${n}`).join('\n');
  if (lexicon.trainNames?.size) header.trainNames = lexicon.trainNames.entries().map(([p, m]) => `${p}\t${m}`).join('\n');
  setNameBonus(header, parts.nameBonus);
  writeModelFile(path, header, [
    Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength),
    Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength),
    Buffer.from(params.transitions.scores.buffer.slice(0)),
    Buffer.from(params.transitions.start.buffer.slice(0)),
  ]);
  return keep.length;
}

/** The file: magic, the header's length and JSON (padded with spaces so the tables start 4-byte aligned), the tables; gzip. */
function writeModelFile(path: string, header: Header, tables: Buffer[]): void {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (4 - ((MAGIC.length + 4 + headerBytes.length) % 4)) % 4;
  const lenBuf = Buffer.alloc(4);
  lenBuf.writeUInt32LE(headerBytes.length + pad);
  writeFileSync(path, gzipSync(Buffer.concat([Buffer.from(MAGIC, 'latin1'), lenBuf, headerBytes, Buffer.alloc(pad, 0x20), ...tables]), { level: 9 }));
}

/** The unzipped file's header and the offset where its tables start. */
function readModelFile(path: string): { buf: Buffer; header: Header; tables: number } {
  const buf = gunzipSync(readFileSync(path));
  if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`${path} is not a Cablegraph NER model`);
  const headerLen = buf.readUInt32LE(MAGIC.length);
  const start = MAGIC.length + 4;
  return { buf, header: JSON.parse(buf.toString('utf8', start, start + headerLen)) as Header, tables: start + headerLen };
}

/** Sets the header's name bonus, left out when absent or all zero (so such files stay byte-identical to earlier ones). */
function setNameBonus(header: Header, bonus: Record<string, number> | undefined): void {
  if (bonus && Object.values(bonus).some((b) => b !== 0)) header.nameBonus = bonus;
  else delete header.nameBonus;
}

/** Reads a model file written by saveModel. */
export function loadModelFile(path: string): NerModel {
  const file = readModelFile(path);
  const { buf, header } = file;
  let pos = file.tables;
  const T = header.tags.length;
  const n = header.rows;
  // The weight rows, unless another worker already built this table (src/nlp/shared-tables.ts).
  const rowsAt = pos;
  const table = sharedTable(tableKey(path, 'weights'), WeightTable, () => {
    // Copy into aligned buffers: the gunzipped Buffer may start at any byte offset.
    const keys = new Uint32Array(n);
    Buffer.from(keys.buffer).set(buf.subarray(rowsAt, rowsAt + 4 * n));
    const q = new Int16Array(n * T);
    Buffer.from(q.buffer).set(buf.subarray(rowsAt + 4 * n, rowsAt + 4 * n + 2 * n * T));
    const weights = new Float32Array(n * T);
    for (let i = 0; i < q.length; i++) weights[i] = q[i]! * header.scale;
    return new WeightTable(keys, weights, T);
  });
  pos += 4 * n + 2 * n * T;
  const scores = new Float32Array(T * T);
  Buffer.from(scores.buffer).set(buf.subarray(pos, pos + 4 * T * T));
  pos += 4 * T * T;
  const start = new Float32Array(T);
  Buffer.from(start.buffer).set(buf.subarray(pos, pos + 4 * T));
  if (header.nameBonus) addNameBonus(header.tags, scores, start, header.nameBonus);
  const lexicon = parseLexicon(header);
  return {
    version: header.version,
    tags: header.tags,
    table,
    transitions: { tags: header.tags, scores, start },
    lexicon,
    extractor: new FeatureExtractor(lexicon),
  };
}

/** Adds each type's bonus to the transitions into its B- and U- tags and to their start scores (every name starts with one). */
export function addNameBonus(tags: readonly string[], scores: Float32Array, start: Float32Array, bonus: Readonly<Record<string, number>>): void {
  const T = tags.length;
  tags.forEach((tag, t) => {
    const [position, type] = splitTag(tag);
    const b = bonus[type] ?? 0;
    if (b === 0 || (position !== 'B' && position !== 'U')) return;
    start[t]! += b;
    for (let p = 0; p < T; p++) scores[p * T + t]! += b;
  });
}

/** Reads a bonus written "PER=1.5,ORG=0.8" (training scripts' NER_NAME_BONUS, scripts/ner-bias.ts). */
export function parseNameBonus(spec: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of spec.split(',')) {
    const [type, value] = part.split('=');
    const b = Number(value);
    if (!type || !Number.isFinite(b)) throw new Error(`name bonus "${spec}": expected TYPE=number pairs, e.g. PER=1.5,ORG=0.8`);
    out[type.trim()] = b;
  }
  return out;
}

/**
 * Copies a model file with a new version and name bonus (nothing else changes: weights, transitions and lexicon stay
 * as trained, and the bonus is applied when the file is loaded).
 */
export function rewriteModelHeader(path: string, out: string, change: { version: string; nameBonus?: Record<string, number> }): void {
  const { buf, header, tables } = readModelFile(path);
  header.version = change.version;
  setNameBonus(header, change.nameBonus);
  writeModelFile(out, header, [buf.subarray(tables)]);
}

function idLines(m: Map<string, number[]>): string {
  return [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, ids]) => `${w}\t${ids.join(',')}`).join('\n');
}

/**
 * Reads "word<TAB>id,id" lines. Words share one array per distinct id list (100,000 GloVe words fall into a few
 * thousand (coarse, fine) pairs): 100,000 small arrays were about 5 MB of heap, and read-only either way.
 */
function readIds(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const shared = new Map<string, number[]>();
  for (const line of lines(text)) {
    const tab = line.lastIndexOf('\t');
    const key = line.slice(tab + 1);
    let ids = shared.get(key);
    if (!ids) shared.set(key, (ids = key.split(',').map(Number)));
    out.set(line.slice(0, tab), ids);
  }
  return out;
}

function parseLexicon(header: Header): Lexicon {
  const clusters = readIds(header.clusters);
  const capBuckets = new Map<string, number>();
  for (const line of lines(header.capBuckets)) {
    const tab = line.lastIndexOf('\t');
    capBuckets.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  const gazetteer = readGazetteer(header.gazetteer);
  const nameTokens = new Map<string, number>();
  for (const line of lines(header.nameTokens ?? '')) {
    const tab = line.lastIndexOf('\t');
    nameTokens.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  const lexicon: Lexicon = { clusters, capBuckets, gazetteer, nameTokens, glove: readIds(header.glove ?? '') };
  if (header.gloveCase) lexicon.gloveCase = true;
  if (header.script) lexicon.script = header.script;
  if (header.wordCounts) {
    lexicon.wordCounts = new Map();
    for (const line of lines(header.wordCounts)) {
      const tab = line.lastIndexOf('\t');
      lexicon.wordCounts.set(line.slice(0, tab), Number(line.slice(tab + 1)));
    }
  }
  if (header.trainNames) lexicon.trainNames = readGazetteer(header.trainNames);
  return lexicon;
}

function readGazetteer(text: string): Gazetteer {
  const g = new Gazetteer();
  for (const line of lines(text)) {
    const tab = line.lastIndexOf('\t');
    g.add(line.slice(0, tab).split(' '), Number(line.slice(tab + 1)));
  }
  return g;
}

function lines(s: string): string[] {
  return s === '' ? [] : s.split('\n');
}
