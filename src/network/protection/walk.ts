/**
 * Pseudonymises any response or export value: every string goes through the redactor (a string that is a whole name
 * becomes the pseudonym), a snippet's parts are redacted as one text and cut again at the same places (mask mode keeps
 * lengths), a document's mention spans of hidden entities are masked in its text, and objects naming a protected
 * entity (`id` or `entityId`) are marked with `protected: { pseudonym, masked }` so the client can say so.
 */
import type { Redactor } from './redactor.js';
import { maskSpan } from './pseudonym.js';

/** A protected entity as marks show it. */
export interface ProtectionMark {
  pseudonym: string;
  code: string;
  /** True when the caller may not see the name (it is replaced); false for those who may (shown, marked). */
  masked: boolean;
}

/** What a walk does. */
export interface WalkOptions {
  /** Hides names (null: nothing hidden, marks only). */
  redactor: Redactor | null;
  /** Entity id -> mark, for every protected entity of the scope. */
  marks: ReadonlyMap<string, ProtectionMark>;
  /** Add `protected` marks to objects (API); exports leave their shapes alone. */
  mark: boolean;
}

type Json = unknown;

/** The value with protected names replaced and protected entities marked; the input is not changed. */
export function pseudonymise(value: Json, options: WalkOptions): Json {
  return walk(value, options);
}

function walk(value: Json, o: WalkOptions, span = false): Json {
  // A span's text (evidence, sentence) keeps its length in mask mode even when it is exactly a name.
  if (typeof value === 'string') return o.redactor ? ((span ? undefined : o.redactor.exact(value)) ?? o.redactor.text(value)) : value;
  if (Array.isArray(value)) return value.map((v) => walk(v, o));
  // A map by id (Store.listLocationsOf) keeps its keys, ids, and its shape; its values are walked.
  if (value instanceof Map) return new Map([...(value as Map<unknown, Json>)].map(([k, v]) => [k, walk(v, o)]));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, Json>;
  if (o.redactor && isSnippet(obj)) return snippet(obj, o.redactor);
  const out: Record<string, Json> = {};
  const isSpan = o.mark && typeof obj.start === 'number' && typeof obj.end === 'number';
  for (const [k, v] of Object.entries(obj)) out[k] = walk(v, o, isSpan && k === 'text');
  if (o.redactor && typeof obj.text === 'string' && Array.isArray(obj.mentions)) out.text = maskMentions(out.text as string, obj.mentions, o);
  const id = typeof obj.id === 'string' ? obj.id : typeof obj.entityId === 'string' ? obj.entityId : undefined;
  const mark = id !== undefined ? o.marks.get(id) : undefined;
  if (mark) {
    if (mark.masked && Array.isArray(obj.aliases)) out.aliases = [];
    if (mark.masked && typeof obj.name === 'string') out.name = mark.pseudonym;
    if (mark.masked && id === obj.entityId && typeof obj.text === 'string') out.text = mark.pseudonym;
    if (mark.masked && id === obj.entityId && typeof obj.norm === 'string') out.norm = mark.pseudonym.toLowerCase();
    if (o.mark) out.protected = { pseudonym: mark.pseudonym, masked: mark.masked };
  }
  return out;
}

function isSnippet(obj: Record<string, Json>): obj is { parts: { text: string; hit: boolean }[] } {
  return Array.isArray(obj.parts) && obj.parts.every((p) => p !== null && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string');
}

/** A snippet's parts redacted together (a name split over parts is still found) and cut at the old lengths. */
function snippet(obj: Record<string, Json>, redactor: Redactor): Json {
  const parts = obj.parts as { text: string; hit: boolean }[];
  const joined = redactor.text(parts.map((p) => p.text).join(''), true);
  const out: Record<string, Json> = { ...obj };
  let at = 0;
  out.parts = parts.map((p) => {
    const text = joined.slice(at, at + p.text.length);
    at += p.text.length;
    return { ...p, text };
  });
  return out;
}

/** A document's text with the spans of mentions of hidden entities masked (a name the redactor's patterns miss). */
function maskMentions(text: string, mentions: Json[], o: WalkOptions): string {
  const spans: { start: number; end: number; code: string }[] = [];
  for (const m of mentions) {
    const { start, end, entityId } = (m ?? {}) as { start?: unknown; end?: unknown; entityId?: unknown };
    const mark = typeof entityId === 'string' ? o.marks.get(entityId) : undefined;
    if (mark?.masked && typeof start === 'number' && typeof end === 'number' && start >= 0 && end <= text.length && end > start) spans.push({ start, end, code: mark.code });
  }
  if (spans.length === 0) return text;
  // One pass over the text, spans in order (an overlapping one is cut at the end of the one before).
  spans.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let at = 0;
  for (const { start, end, code } of spans) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    out.push(text.slice(at, from), maskSpan(text.slice(from, end), code));
    at = end;
  }
  out.push(text.slice(at));
  return out.join('');
}
