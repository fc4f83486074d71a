/** Entity page: /entities/<id>?low=1. Names and why they merged, relations with evidence, events, claims, documents; merge, split and protect. */
import { useState } from 'react';
import { getEntity, type EntityDetail } from '../api/client.js';
import { EntityAliases } from '../components/entity-aliases.js';
import { EntityRelations } from '../components/entity-relations.js';
import { EvidenceList } from '../components/evidence-list.js';
import { EntityDocuments } from '../components/entity-documents.js';
import { EntityEvents } from '../components/entity-events.js';
import { MergeBox } from '../components/merge-box.js';
import { ProtectBox } from '../components/protect-box.js';
import { GradesContext } from '../components/grade-badge.js';
import { NotesBox } from '../components/notes-box.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { downloadJson } from '../lib/download.js';
import { plural } from '../lib/format.js';
import { Link, buildUrl, navigate, type AppLocation } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';
import { useTitle } from '../lib/use-title.js';
import { entityStyle } from '../theme/entity-colors.js';

/** The page for one entity id. */
export function EntityScene({ id, location }: { id: string; location: AppLocation }) {
  // Bumped after a merge or split, so the same id is fetched again.
  const [version, setVersion] = useState(0);
  const grade = /^[A-F][1-6]$/.test(location.params.get('grade') ?? '') ? location.params.get('grade') ?? '' : '';
  const key = `entity:${id}:${version}:${grade}`;
  const view = useApi(key, (signal) => getEntity(id, signal, grade || undefined));
  const showLow = location.params.get('low') === '1';
  useTitle(view.data?.entity.name ?? 'Entity');

  const onChanged = (nextId: string): void => {
    if (nextId !== id) navigate(`/entities/${encodeURIComponent(nextId)}`, { replace: true });
    setVersion((v) => v + 1);
  };

  if (view.error) {
    return (
      <div className="scene">
        {view.error.status === 404 || view.error.status === 400 ? (
          <EmptyState title="Entity not found">
            <p>No entity has the id <code>{id}</code>. A merge or split may have given it a new id: find it again in <Link href="/entities">Entities</Link>.</p>
          </EmptyState>
        ) : <ErrorState title="Could not load the entity" error={view.error} />}
      </div>
    );
  }
  if (!view.data || !view.dataKey?.startsWith(`entity:${id}:`)) return <div className="scene"><Loading label="Loading entity…" /></div>;
  return (
    <EntityPage
      key={id}
      view={view.data}
      stale={view.loading}
      showLow={showLow}
      onShowLow={(show) => navigate(buildUrl(location.pathname, { low: show ? '1' : undefined, grade: grade || undefined }), { replace: true })}
      grade={grade}
      onGrade={(g) => navigate(buildUrl(location.pathname, { low: showLow ? '1' : undefined, grade: g || undefined }), { replace: true })}
      onChanged={onChanged}
    />
  );
}

function EntityPage({ view, stale, showLow, onShowLow, onChanged, grade, onGrade }: { view: EntityDetail; stale: boolean; showLow: boolean; onShowLow(show: boolean): void; onChanged(id: string): void; grade: string; onGrade(grade: string): void }) {
  const { entity } = view;
  const style = entityStyle(entity.type);
  return (
    <GradesContext.Provider value={view.grades ?? {}}>
    <div className={`scene entity-scene${stale ? ' stale' : ''}`}>
      <div className="entity-header">
        <p className="crumbs"><Link href="/entities">Entities</Link> ›</p>
        <h1>
          <span className={`dot t-${entity.type}`} aria-hidden="true" /> <bdi>{entity.name}</bdi>
          {entity.protected ? <span className="protected-chip" title={`Protected identity: others see “${entity.protected.pseudonym}”`}>protected</span> : null}
        </h1>
        <p className="entity-sub">
          <span className={`type-chip t-${entity.type}`}>{style.label}</span>
          <span>{plural(entity.mentionCount, 'mention')}</span>
          <span>{plural(view.documentCount, 'document')}</span>
          <Link href={buildUrl('/network', { entity: entity.id, node: entity.id })}>Show in network</Link>
          <Link href={buildUrl('/timeline', { entity: entity.id })}>Show on timeline</Link>
          <label className="grade-filter">Sources graded at least{' '}
            <select value={grade} onChange={(e) => onGrade(e.target.value)} aria-label="Sources graded at least">
              <option value="">any</option>
              {['A1', 'A2', 'B1', 'B2', 'B3', 'C3'].map((g) => <option key={g} value={g}>{g}</option>)}
            </select>
          </label>
          <button type="button" className="button small" onClick={() => downloadJson(`cablegraph-entity-${entity.id}.json`, JSON.stringify(view, null, 2))}>Export (JSON)</button>
        </p>
      </div>
      <div className="entity-columns">
        <div className="entity-main">
          <EntityRelations entityId={entity.id} name={entity.name} aliases={entity.aliases} relations={view.relations} total={view.relationCount ?? view.relations.length}
            grade={grade} showLow={showLow} onShowLow={onShowLow} />
          <EntityEvents entityId={entity.id} name={entity.name} first={view.events} total={view.eventCount ?? view.events.length} names={view.names} />
          <section className="entity-section" aria-labelledby="claims-h">
            <h2 id="claims-h">Claims made ({view.claims.length})</h2>
            {view.claims.length === 0 ? <p className="muted">{entity.name} is not quoted making any claim.</p> : (
              <ul className="rel-list">
                {view.claims.map((c) => (
                  <li key={c.id} className="rel">
                    <div className="rel-head"><span className={c.stance === 'denies' ? 'denied-badge' : 'muted'}>{c.stance}</span> <q dir="auto">{c.text}</q></div>
                    <EvidenceList evidence={c.evidence} limit={3} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="entity-side">
          <EntityAliases entity={entity} members={view.members} membersNote={view.membersNote} onChanged={onChanged} />
          <ProtectBox entity={entity} onChanged={onChanged} />
          {entity.protected?.masked ? null : <NotesBox target={{ kind: 'entity', id: entity.id }} />}
          {entity.protected?.masked ? null : <MergeBox entity={entity} onChanged={onChanged} />}
          <EntityDocuments entityId={entity.id} first={view.documents} total={view.documentCount} />
        </aside>
      </div>
    </div>
    </GradesContext.Provider>
  );
}
