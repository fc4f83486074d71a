/** Typed client for curation: Admiralty grades of documents, notes and tags on documents, entities and relations. */
import { getJson, query } from './client.js';

/** What a note or tag is about. */
export interface Target {
  kind: 'document' | 'entity' | 'relation';
  id: string;
}

/** A document's grade in force: its own, or inherited from its outlet. */
export interface EffectiveGrade {
  reliability: string;
  credibility: number;
  code: string;
  from: 'document' | 'outlet';
  outlet?: string;
  by: string | null;
  at: string;
}

export interface Note {
  id: number;
  target: Target;
  text: string;
  by: string | null;
  at: string;
  editedAt: string | null;
}

export function getDocumentGrade(id: string, signal?: AbortSignal): Promise<{ grade: EffectiveGrade | null; source: string | null }> {
  return getJson(`/api/documents/${encodeURIComponent(id)}/grade`, signal);
}

export function setDocumentGrade(id: string, reliability: string, credibility: number): Promise<{ grade: EffectiveGrade | null }> {
  return getJson(`/api/documents/${encodeURIComponent(id)}/grade`, undefined, { method: 'PUT', body: JSON.stringify({ reliability, credibility }) });
}

export function clearDocumentGrade(id: string): Promise<{ grade: EffectiveGrade | null }> {
  return getJson(`/api/documents/${encodeURIComponent(id)}/grade`, undefined, { method: 'DELETE' });
}

export function getNotes(target: Target, signal?: AbortSignal): Promise<{ items: Note[] }> {
  return getJson(`/api/notes?${query({ kind: target.kind, id: target.id })}`, signal);
}

export function addNote(target: Target, text: string): Promise<Note> {
  return getJson('/api/notes', undefined, { method: 'POST', body: JSON.stringify({ target, text }) });
}

export function deleteNote(id: number): Promise<{ deleted: number }> {
  return getJson(`/api/notes/${id}`, undefined, { method: 'DELETE' });
}

/** The tags in use on targets of one kind, most used first. */
export function getTagCounts(kind: Target['kind'], signal?: AbortSignal): Promise<{ tags: { tag: string; count: number }[] }> {
  return getJson(`/api/tags?${query({ kind })}`, signal);
}

export function getTags(target: Target, signal?: AbortSignal): Promise<{ items: { tag: string }[] }> {
  return getJson(`/api/tags?${query({ kind: target.kind, id: target.id })}`, signal);
}

export function addTag(target: Target, tag: string): Promise<unknown> {
  return getJson('/api/tags', undefined, { method: 'PUT', body: JSON.stringify({ target, tag }) });
}

export function removeTag(target: Target, tag: string): Promise<unknown> {
  return getJson('/api/tags', undefined, { method: 'DELETE', body: JSON.stringify({ target, tag }) });
}

/** An outlet (the folded source of documents) with its document count and grade. */
export interface Outlet {
  collection: string;
  outlet: string;
  source: string;
  documents: number;
  grade: { reliability: string; credibility: number; code: string; by: string | null; at: string } | null;
}

/** GET /api/outlets: outlets with their grades, most documents first. */
export function getOutlets(signal?: AbortSignal): Promise<{ items: Outlet[] }> {
  return getJson('/api/outlets', signal);
}

/** Grades an outlet: its documents inherit it unless graded themselves. */
export function setOutletGrade(collection: string, outlet: string, reliability: string, credibility: number): Promise<unknown> {
  return getJson('/api/outlets/grade', undefined, { method: 'PUT', body: JSON.stringify({ collection, outlet, reliability, credibility }) });
}

/** Removes an outlet's grade. */
export function clearOutletGrade(collection: string, outlet: string): Promise<unknown> {
  return getJson(`/api/outlets/grade?${query({ collection, outlet })}`, undefined, { method: 'DELETE' });
}
