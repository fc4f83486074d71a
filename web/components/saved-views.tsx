/** Saved views of the network: "Save view" (a name, the filters, selection and layout) and the list to open, with dossier links. */
import { useEffect, useState } from 'react';
import { getJson, type GraphParams } from '../api/client.js';
import { plural } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';
import { dossierUrl, getView, listViews, saveView, type SavedView } from '../api/views-client.js';
import type { NetworkGraph } from '../graph/graph-model.js';
import { DEFAULT_MIN_CONFIDENCE } from '../../src/model/index.js';
import { graphKey, graphRequest, type NetworkState } from '../lib/network-url.js';

/** Props: the scene's state and graph, and how to open a saved view. */
export interface SavedViewsProps {
  state: NetworkState;
  graph: NetworkGraph | null;
  onOpen(next: Partial<NetworkState>): void;
}

/** The network state a saved query and selection restore (every selected node picked, the first one open). */
export function stateOfView(view: Pick<SavedView, 'query' | 'selected'>): Partial<NetworkState> {
  const q = view.query;
  return {
    entity: q.entity ?? '', hops: q.hops ?? 1,
    relationTypes: q.relationTypes ? q.relationTypes.split(',') : [], entityTypes: q.entityTypes ? q.entityTypes.split(',') : [],
    minConfidence: q.minConfidence ?? DEFAULT_MIN_CONFIDENCE, minSources: q.minSources ?? 1, from: q.from ?? '', to: q.to ?? '',
    reviewedOnly: String(q.reviewedOnly) === 'true', minGrade: q.minGrade ?? '', tag: typeof q.tag === 'string' ? q.tag : '', expand: [], picked: [...view.selected], node: view.selected[0] ?? '', edge: '',
  };
}

/** The layout of the view being opened, for the graph of that key: the scene starts its layout from these positions. */
let pending: { key: string; layout: Record<string, { x: number; y: number }> } | null = null;

/** Sets the saved positions on the nodes of `graph` when it is the graph of the view being opened (once); true when it did. */
export function applySavedLayout(graph: NetworkGraph, key: string): boolean {
  if (!pending || pending.key !== key) return false;
  for (const [id, p] of Object.entries(pending.layout)) {
    if (graph.hasNode(id) && Number.isFinite(p.x) && Number.isFinite(p.y)) graph.mergeNodeAttributes(id, { x: p.x, y: p.y });
  }
  pending = null;
  return true;
}

/** Remembers a view's layout for the graph of `key` (what opening a view does before the graph is read). */
export function rememberLayout(key: string, layout: Record<string, { x: number; y: number }>): void {
  pending = { key, layout };
}

/** The graph query a view saves: the scene's request, `reviewedOnly` as the boolean the API stores. */
function savedQuery(state: NetworkState): Record<string, unknown> {
  const { reviewedOnly, ...rest } = graphRequest(state) as GraphParams;
  return Object.fromEntries(Object.entries({ ...rest, ...(reviewedOnly ? { reviewedOnly: true } : {}) }).filter(([, v]) => v !== undefined));
}

/** The nodes a view saves as selected: those picked for the story, and the open one. */
export function selectionOf(state: Pick<NetworkState, 'picked' | 'node'>): string[] {
  return [...new Set([...state.picked, ...(state.node ? [state.node] : [])])];
}

/** The caller as GET /api/me answers. */
interface Caller { role: string; write: string[] | '*' }

/** Whether the caller may read the protected names of a view's collections, so unmask its dossier (as the server decides). */
function mayUnmask(me: Caller | null | undefined, collections: readonly string[]): boolean {
  if (!me || me.role === 'viewer') return false;
  const write = me.write;
  return write === '*' || collections.every((c) => write.includes(c));
}

/** The button and the list. */
export function SavedViews({ state, graph, onOpen }: SavedViewsProps) {
  const me = useApi('me', (signal) => getJson<Caller>('/api/me', signal));
  const [views, setViews] = useState<SavedView[] | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    listViews(abort.signal).then((page) => setViews(page.items), (e: unknown) => { if (!abort.signal.aborted) setError(e instanceof Error ? e.message : String(e)); });
    return () => abort.abort();
  }, [version]);

  const save = async (): Promise<void> => {
    setError('');
    const layout: Record<string, { x: number; y: number }> = {};
    graph?.forEachNode((id, a) => { if (Number.isFinite(a.x) && Number.isFinite(a.y)) layout[id] = { x: a.x, y: a.y }; });
    try {
      await saveView({ name: name.trim(), query: savedQuery(state) as GraphParams, selected: selectionOf(state), layout });
      setNaming(false);
      setName('');
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const open = async (v: SavedView): Promise<void> => {
    const next = stateOfView(v);
    // The layout travels only with the full view; a view that cannot be read now still restores its filters.
    try {
      const full = await getView(v.id);
      if (full.layout) rememberLayout(graphKey({ ...state, ...next }), full.layout);
    } catch {
      pending = null;
    }
    onOpen(next);
  };

  return (
    <details className="saved-views">
      <summary>Saved views{views ? ` (${views.length})` : ''}</summary>
      {naming ? (
        <form onSubmit={(e) => { e.preventDefault(); if (name.trim()) void save(); }}>
          <label htmlFor="view-name">View name</label>{' '}
          <span className="muted small">{plural(selectionOf(state).length, 'selected entity', 'selected entities')}</span>{' '}
          <input id="view-name" value={name} maxLength={200} autoFocus onChange={(e) => setName(e.target.value)} />{' '}
          <button type="submit" className="button small primary" disabled={!name.trim()}>Save</button>{' '}
          <button type="button" className="link-button small" onClick={() => setNaming(false)}>Cancel</button>
        </form>
      ) : <button type="button" className="button small" onClick={() => setNaming(true)}>Save view</button>}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {views && views.length === 0 ? <p className="muted small">No saved view yet.</p> : null}
      <ul className="saved-view-list">
        {(views ?? []).map((v) => (
          <li key={v.id}>
            <button type="button" className="link-button" onClick={() => void open(v)}><bdi>{v.name}</bdi></button>
            <span className="muted small"> {v.by ?? ''} {v.at.slice(0, 10)}</span>{' '}
            <a className="button small" href={dossierUrl(v.id, 'html')} target="_blank" rel="noopener">Dossier (HTML)</a>{' '}
            <a className="button small" href={dossierUrl(v.id, 'json')} download={`dossier-${v.id}.json`}>Dossier (JSON)</a>
            {mayUnmask(me.data, v.collections) ? <>{' '}<a className="button small" href={`${dossierUrl(v.id, 'html')}&unmask=1`} target="_blank" rel="noopener" title="Protected identities under their real names (audited)">Unmasked</a></> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
