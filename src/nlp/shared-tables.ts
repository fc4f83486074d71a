/**
 * Model tables shared by the stage workers of one process. Every worker thread loads its own models, and the weight
 * tables (the parser's, the recognizer's, the relation models') are most of their memory: 88 MB of typed arrays a
 * worker (`bench/model-memory.ts`), so `--workers 8` held eight copies of the same read-only numbers. In a worker that
 * enabled sharing, a table built from a model file has its typed arrays moved into SharedArrayBuffers; the pool hands
 * the first ready worker's tables to the others (a `tables` message to those waiting for them, workerData to
 * replacements), and those take the same memory instead of decoding the file's tables again. Outside a worker (one
 * thread), or for a table no other thread built, `build()` runs as before. Tables are read-only once built: nothing
 * here may write to them after `sharedTable` returns.
 *
 * A table is an object whose own fields are numbers, strings, small values and typed arrays (the classes' TypeScript
 * `private` fields are ordinary properties); the receiving thread gets an object of the same class (prototype) with
 * the same fields, typed arrays over the same shared memory.
 */
import { statSync } from 'node:fs';

/** A table's own fields, typed arrays over shared memory (what crosses to another thread). */
type Fields = Record<string, unknown>;

/** One table as it crosses: which of the caller's classes it is (an index into the list given), and its fields. */
interface Shared { cls: number; fields: Fields }

/** Tables by key, as one thread hands them to another. */
export type SharedTables = Record<string, Shared>;

// Typed arrays below this size are copied with the fields (structured clone) rather than shared.
const MIN_SHARED_BYTES = 64 * 1024;

let enabled = false;
const tables = new Map<string, Shared>();

/**
 * Makes this thread move the tables it builds into shared memory, and take `given` (another thread's) where keys match.
 * `CABLEGRAPH_SHARED_TABLES=0` keeps every worker's tables its own (as before; for measuring what sharing saves).
 */
export function enableSharedTables(given?: SharedTables): void {
  enabled = typeof SharedArrayBuffer === 'function' && process.env.CABLEGRAPH_SHARED_TABLES !== '0';
  if (!enabled) return;
  for (const [key, table] of Object.entries(given ?? {})) tables.set(key, table);
}

/** The tables this thread built or took, to hand to a thread started after it. */
export function sharedTablesToSend(): SharedTables {
  return Object.fromEntries(tables);
}

/** Bytes of shared memory this thread holds in tables (bench/model-memory.ts). */
export function sharedTableBytes(): number {
  const seen = new Set<ArrayBufferLike>();
  let bytes = 0;
  for (const { fields } of tables.values()) {
    for (const v of Object.values(fields)) {
      if (ArrayBuffer.isView(v) && v.buffer instanceof SharedArrayBuffer && !seen.has(v.buffer)) {
        seen.add(v.buffer);
        bytes += v.buffer.byteLength;
      }
    }
  }
  return bytes;
}

/** A key naming one table of one model file as it is on disk now (path, size, modification time), so a replaced file is never served stale. */
export function tableKey(path: string, table: string): string {
  try {
    const s = statSync(path);
    return `${path}|${s.size}|${s.mtimeMs}|${table}`;
  } catch {
    return `${path}|?|${table}`;
  }
}

type Typed = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;
type TypedCtor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => Typed;

/** The fields of `table` with every large typed array moved to shared memory (views of one buffer stay views of one buffer). */
function toShared(table: object): Fields {
  const fields: Fields = { ...table };
  const moved = new Map<ArrayBufferLike, SharedArrayBuffer>();
  for (const [name, v] of Object.entries(fields)) {
    if (!ArrayBuffer.isView(v) || v instanceof DataView || v.buffer.byteLength < MIN_SHARED_BYTES) continue;
    const typed = v as Typed;
    let sab = moved.get(typed.buffer);
    if (!sab) {
      sab = typed.buffer instanceof SharedArrayBuffer ? typed.buffer : new SharedArrayBuffer(typed.buffer.byteLength);
      if (sab !== typed.buffer) new Uint8Array(sab).set(new Uint8Array(typed.buffer));
      moved.set(typed.buffer, sab);
    }
    fields[name] = new (typed.constructor as TypedCtor)(sab, typed.byteOffset, typed.length);
  }
  return fields;
}

/**
 * The table under `key`: another thread's (same class, same fields, same memory) when this thread was given one, else
 * `build()`'s, with its large typed arrays moved to shared memory when sharing is enabled. `classes` lists the classes
 * `build` may return (`Object` for a plain object); a table of another class is built here and not shared.
 */
export function sharedTable<T extends object>(key: string, classes: { prototype: unknown } | readonly { prototype: unknown }[], build: () => T): T {
  if (!enabled) return build();
  const list = Array.isArray(classes) ? classes : [classes as { prototype: unknown }];
  const known = tables.get(key);
  const cls = known && list[known.cls];
  if (known && cls) return Object.assign(Object.create(cls.prototype as object) as T, known.fields);
  const built = build();
  const index = list.findIndex((c) => c.prototype === Object.getPrototypeOf(built));
  if (index < 0) return built;
  const fields = toShared(built);
  Object.assign(built, fields);
  tables.set(key, { cls: index, fields });
  return built;
}
