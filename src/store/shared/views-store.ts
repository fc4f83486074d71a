/**
 * Saved views of the network (issue 12, item 6): a name, the graph query the network scene sends to GET /api/graph,
 * the selected node ids and the layout positions, the collections the view reads, who saved it and when. One SQL
 * implementation for both engines over the trust executor (`?` placeholders, times as ISO text, JSON as text).
 */
import type { TrustSql } from './trust-store.js';

/** Node id -> position on the canvas. */
export type ViewLayout = Record<string, { x: number; y: number }>;

/** A saved view as the API returns it. */
export interface SavedView {
  id: number;
  name: string;
  /** The GET /api/graph query string parameters (entity, hops, relationTypes, minConfidence, ...). */
  query: Record<string, string | number | boolean>;
  selected: string[];
  layout: ViewLayout;
  /** The collections the view reads (its scope). */
  collections: string[];
  by: string | null;
  at: string;
}

/** What a new view carries. */
export type NewView = Omit<SavedView, 'id' | 'at'>;

/** The saved views of a store. */
export interface ViewsStore {
  addView(view: NewView): Promise<SavedView>;
  getView(id: number): Promise<SavedView | null>;
  /** Every view, newest first (callers keep those whose collections they may read). */
  listViews(): Promise<SavedView[]>;
  deleteView(id: number): Promise<boolean>;
}

interface ViewRow { id: number | string; name: string; query: string; selected: string; layout: string; collections: string; by_name: string | null; at: string }

const toView = (r: ViewRow): SavedView => ({
  id: Number(r.id), name: r.name, query: JSON.parse(r.query) as SavedView['query'], selected: JSON.parse(r.selected) as string[],
  layout: JSON.parse(r.layout) as ViewLayout, collections: JSON.parse(r.collections) as string[], by: r.by_name, at: r.at,
});
const COLUMNS = 'id, name, query, selected, layout, collections, by_name, at';

/** The shared implementation over an engine's executor. */
export class SqlViewsStore implements ViewsStore {
  constructor(private readonly sql: TrustSql) {}

  async addView(view: NewView): Promise<SavedView> {
    const [row] = await this.sql.all<ViewRow>(`INSERT INTO saved_views (name, query, selected, layout, collections, by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)
      RETURNING ${COLUMNS}`, [view.name, JSON.stringify(view.query), JSON.stringify(view.selected), JSON.stringify(view.layout),
      JSON.stringify([...view.collections].sort()), view.by, new Date().toISOString()]);
    return toView(row!);
  }

  async getView(id: number): Promise<SavedView | null> {
    const [row] = await this.sql.all<ViewRow>(`SELECT ${COLUMNS} FROM saved_views WHERE id = ?`, [id]);
    return row ? toView(row) : null;
  }

  async listViews(): Promise<SavedView[]> {
    return (await this.sql.all<ViewRow>(`SELECT ${COLUMNS} FROM saved_views ORDER BY id DESC`, [])).map(toView);
  }

  async deleteView(id: number): Promise<boolean> {
    return (await this.sql.run('DELETE FROM saved_views WHERE id = ?', [id])) > 0;
  }
}
