/** Typed client for saved views of the network and their dossiers (POST/GET/DELETE /api/views). */
import { getJson } from './client.js';
import type { GraphParams } from './client.js';

/** A saved view as GET /api/views lists it (the layout comes with GET /api/views/:id). */
export interface SavedView {
  id: number;
  name: string;
  query: GraphParams;
  selected: string[];
  layout?: Record<string, { x: number; y: number }>;
  collections: string[];
  by: string | null;
  at: string;
}

export function listViews(signal?: AbortSignal): Promise<{ items: SavedView[]; total: number }> {
  return getJson('/api/views', signal);
}

export function saveView(view: { name: string; query: GraphParams; selected: string[]; layout: Record<string, { x: number; y: number }> }): Promise<SavedView> {
  return getJson('/api/views', undefined, { method: 'POST', body: JSON.stringify(view) });
}

export function getView(id: number, signal?: AbortSignal): Promise<SavedView> {
  return getJson(`/api/views/${id}`, signal);
}

/** The dossier's address (opened as a page or downloaded). */
export function dossierUrl(id: number, format: 'html' | 'json'): string {
  return `/api/views/${id}/dossier?format=${format}`;
}
