/**
 * The entity page's relations, grouped by type and direction, each with its evidence, source count, confidence and
 * denials: the strongest first (as the page carries them) and "N more relations" reading the next ones a page at a time.
 */
import { useContext, useEffect, useState } from 'react';
import { ENTITY_RELATIONS, type Evidence } from '../../src/model/index.js';
import { getEntityRelations, getRelationEvidence, type EntityRelation } from '../api/client.js';
import { plural } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { LOW_CONFIDENCE, formatConfidence, relationLabel, useSchema } from '../lib/use-schema.js';
import { EvidenceList } from './evidence-list.js';
import { ReviewBadge } from './review-badge.js';
import { GradesContext } from './grade-badge.js';
import { ShowMore } from './show-more.js';

/** Relations in groups keyed "type:direction", in first-seen order (the API sorts by type, then support). */
export function groupRelations(relations: readonly EntityRelation[]): { key: string; type: string; direction: 'out' | 'in'; items: EntityRelation[] }[] {
  const groups = new Map<string, { key: string; type: string; direction: 'out' | 'in'; items: EntityRelation[] }>();
  for (const r of relations) {
    const key = `${r.type}:${r.direction}`;
    let group = groups.get(key);
    if (!group) groups.set(key, group = { key, type: r.type, direction: r.direction, items: [] });
    group.items.push(r);
  }
  return [...groups.values()];
}

/** Props: the relations, and whether low-confidence ones are shown (the toggle lives in the URL). */
export interface EntityRelationsProps {
  /** The entity's id: the rest of a relation's evidence is read by it. */
  entityId: string;
  name: string;
  /** The entity's other spellings, marked in the evidence with its name. */
  aliases: readonly string[];
  /** The strongest relations, as the entity page carries them (the first ENTITY_RELATIONS of `total`). */
  relations: readonly EntityRelation[];
  /** How many relations the entity has (more than `relations.length` when the page carried the strongest only). */
  total: number;
  /** The page's grade filter ("B2"), or '' for none: the next relations are read with it. */
  grade: string;
  showLow: boolean;
  onShowLow(show: boolean): void;
}

/** Relations read per click of "N more relations". */
const MORE_RELATIONS = ENTITY_RELATIONS;

/** Relations grouped under their labels ("holds a post in", "has post holder"). */
export function EntityRelations({ entityId, name, aliases, relations: first, total, grade, showLow, onShowLow }: EntityRelationsProps) {
  const schema = useSchema();
  const grades = useContext(GradesContext);
  // `read`: how many of the ranking the pages after the first covered (a grade filter can leave a page shorter).
  const [more, setMore] = useState<{ items: EntityRelation[]; grades: Record<string, string>; read: number }>({ items: [], grades: {}, read: 0 });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A reload (a merge, a split, another grade) starts the list again from its first page.
  useEffect(() => setMore({ items: [], grades: {}, read: 0 }), [first]);
  const relations = more.items.length > 0 ? [...first, ...more.items] : first;
  const read = Math.min(total, Math.max(ENTITY_RELATIONS, first.length)) + more.read;
  const showMore = (): void => {
    setLoading(true);
    setError(null);
    getEntityRelations(entityId, read, MORE_RELATIONS, grade || undefined).then(
      (page) => { setMore((m) => ({ items: [...m.items, ...page.items], grades: { ...m.grades, ...page.grades }, read: m.read + MORE_RELATIONS })); setLoading(false); },
      (err: unknown) => { setError(err instanceof Error ? err.message : String(err)); setLoading(false); },
    );
  };
  const lowCount = relations.filter((r) => r.confidence < LOW_CONFIDENCE).length;
  const shown = showLow ? relations : relations.filter((r) => r.confidence >= LOW_CONFIDENCE);
  return (
    <GradesContext.Provider value={more.items.length > 0 ? { ...grades, ...more.grades } : grades}>
    <section className="entity-section" aria-labelledby="relations-h">
      <div className="section-head">
        <h2 id="relations-h">Relations ({shown.length.toLocaleString('en-US')}{read < total ? ` of ${total.toLocaleString('en-US')}` : ''})</h2>
        {lowCount > 0 ? (
          <label className="toggle">
            <input type="checkbox" checked={showLow} onChange={(e) => onShowLow(e.target.checked)} />
            Show {plural(lowCount, 'low-confidence relation')} (below {formatConfidence(LOW_CONFIDENCE)})
          </label>
        ) : null}
      </div>
      {relations.length === 0 ? <p className="muted">No relations found for {name}.</p> : null}
      {relations.length > 0 && shown.length === 0 ? <p className="muted">Every relation of {name} is below {formatConfidence(LOW_CONFIDENCE)} confidence: tick the box to see them.</p> : null}
      {groupRelations(shown).map((group) => (
        <div key={group.key} className="rel-group">
          <h3><span className="muted">{name}</span> {relationLabel(schema, group.type, group.direction)}</h3>
          <ul className="rel-list">
            {group.items.map((r) => {
              const low = r.confidence < LOW_CONFIDENCE;
              return (
                <li key={r.id} className={low ? 'rel low' : 'rel'} data-relation={r.id}>
                  <div className="rel-head">
                    {r.other ? (
                      <Link className={`entity-name t-${r.other.type}`} href={`/entities/${encodeURIComponent(r.other.id)}`}><bdi>{r.other.name}</bdi></Link>
                    ) : <span className="muted">an entity no longer in the store</span>}
                    {typeof r.attrs?.role === 'string' ? <span className="muted"> as {r.attrs.role}</span> : null}
                    <span className="rel-stats">
                      <span title="Independent sources: near-duplicate documents count once">{plural(r.independentSources, 'independent source')}</span>
                      <span className={low ? 'low-badge' : undefined} title="Extraction confidence">{low ? 'low confidence ' : 'confidence '}{formatConfidence(r.confidence)}</span>
                      {(r.contradictions?.length ?? 0) > 0 ? <span className="denied-badge">denied</span> : null}
                      <ReviewBadge review={r.review} stage={r.stage} />
                    </span>
                  </div>
                  <RelationEvidence entityId={entityId} relation={r} names={[name, ...aliases, ...(r.other ? [r.other.name] : [])]} />
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {read < total ? <p className="side-note">Showing the {read.toLocaleString('en-US')} strongest of {total.toLocaleString('en-US')} relations (most independent sources first).</p> : null}
      <ShowMore remaining={total - read} noun="relation" loading={loading} error={error} className="relations-more" onMore={showMore} />
    </section>
    </GradesContext.Provider>
  );
}

/** Sentences read per click of "N more" (the API's largest page). */
const MORE_EVIDENCE = 200;

/** A relation's first sentences (as the page carries them) and a button reading the rest a page at a time. */
function RelationEvidence({ entityId, relation, names }: { entityId: string; relation: EntityRelation; names: readonly string[] }) {
  const [more, setMore] = useState<Evidence[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = more.length > 0 ? [...relation.evidence, ...more] : relation.evidence;
  const total = Math.max(relation.evidenceCount ?? shown.length, shown.length);
  const showMore = (): void => {
    setLoading(true);
    setError(null);
    getRelationEvidence(entityId, relation.id, shown.length, MORE_EVIDENCE).then(
      (page) => { setMore((m) => [...m, ...page.items]); setLoading(false); },
      (err: unknown) => { setError(err instanceof Error ? err.message : String(err)); setLoading(false); },
    );
  };
  return (
    <>
      <EvidenceList evidence={shown} contradictions={relation.contradictions} limit={shown.length} names={names} />
      {shown.length < total ? (
        <button type="button" className="link-button evidence-more" disabled={loading} onClick={showMore}>
          {loading ? 'Loading…' : `${(total - shown.length).toLocaleString('en-US')} more`}
        </button>
      ) : null}
      {error ? <p className="query-error" role="alert">{error}</p> : null}
    </>
  );
}
