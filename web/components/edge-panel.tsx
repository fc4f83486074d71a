/** The network's edge panel: one relation's evidence sentences, denials and claims, each opening the document at its span. */
import { getRelation } from '../api/client.js';
import { plural } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';
import { LOW_CONFIDENCE, formatConfidence, relationLabel, useSchema } from '../lib/use-schema.js';
import { EvidenceList } from './evidence-list.js';
import { ErrorState, Loading } from './states.js';
import { ReviewBadge } from './review-badge.js';
import { GradesContext } from './grade-badge.js';
import { Corroboration } from './corroboration.js';
import { NotesBox } from './notes-box.js';

/**
 * Evidence for the relation `id`, read by key from `entity` (one of its ends) when known; null: not known yet (the graph
 * is loading), so nothing is read until it is. `onClose` clears the selection (Esc does too).
 */
export function EdgePanel({ id, entity, onClose }: { id: string; entity?: string | null; onClose(): void }) {
  const schema = useSchema();
  const relation = useApi(entity === null ? null : `relation:${id}:${entity ?? ''}`, (signal) => getRelation(id, signal, entity ?? undefined));
  if (relation.error) return <ErrorState title="Could not load the relation" error={relation.error} />;
  const r = relation.data;
  if (!r || !relation.dataKey?.startsWith(`relation:${id}:`)) return <Loading label="Loading the evidence…" />;
  const low = r.confidence < LOW_CONFIDENCE;
  return (
    <section className="edge-panel" aria-labelledby="edge-title">
      <div className="panel-head">
        <h2 id="edge-title">Relation</h2>
        <button type="button" className="link-button" onClick={onClose} aria-label="Close the relation (Esc)">Close</button>
      </div>
      <p className="edge-sentence">
        <Link href={`/entities/${encodeURIComponent(r.source)}`}><bdi>{r.sourceName}</bdi></Link>{' '}
        <em>{relationLabel(schema, r.type)}</em>{' '}
        <Link href={`/entities/${encodeURIComponent(r.target)}`}><bdi>{r.targetName}</bdi></Link>
      </p>
      <p className="rel-stats static">
        <span>{plural(r.independentSources, 'independent source')}</span>
        <span className={low ? 'low-badge' : undefined}>{low ? 'low confidence ' : 'confidence '}{formatConfidence(r.confidence)}</span>
        {(r.contradictions?.length ?? 0) > 0 ? <span className="denied-badge">denied</span> : null}
        <ReviewBadge review={r.review} stage={r.stage} />
      </p>
      <Corroboration counts={r.corroboration} />
      <h3>Evidence ({r.evidence.length})</h3>
      <GradesContext.Provider value={r.grades ?? {}}>
        <EvidenceList evidence={r.evidence} contradictions={r.contradictions} limit={20} names={[r.sourceName, r.targetName]} />
      </GradesContext.Provider>
      {r.claims.length > 0 ? (
        <>
          <h3>Rests on the word of</h3>
          <ul className="side-list">
            {r.claims.map((c) => <li key={c.id}><bdi>{c.speakerText}</bdi> <span className="muted">({c.stance})</span></li>)}
          </ul>
        </>
      ) : null}
      <NotesBox target={{ kind: 'relation', id: r.id }} />
    </section>
  );
}
