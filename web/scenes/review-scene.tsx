/**
 * Review scene (/review?kind=&state=&type=): proposed relations (events, claims and merges with kind=event|claim|merge: fact-review.tsx), low confidence on central entities first, each with its
 * evidence sentence; the selected one shows the sentence in its document's context. Keys: j / k move, a accepts,
 * r rejects (with the reason typed, if any), e edits (type, direction), u undoes, o opens the reader at the span.
 */
import { useEffect, useRef, useState } from 'react';
import { getReviewQueue, reviewRelation, undoReview, type ReviewItem } from '../api/review-client.js';
import { ApiError } from '../api/client.js';
import { ReviewContext } from '../components/review-context.js';
import { FactReview } from './fact-review.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { evidenceUrl } from '../lib/evidence-url.js';
import { plural } from '../lib/format.js';
import { Link, buildUrl, navigate, type AppLocation } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';
import { formatConfidence, relationLabel, useSchema } from '../lib/use-schema.js';
import { useTitle } from '../lib/use-title.js';

const STATES = ['unreviewed', 'accepted', 'kept', 'rejected', 'all'] as const;
const PAGE_SIZE = 50;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

const KINDS = [['relation', 'relations'], ['event', 'events'], ['claim', 'claims'], ['merge', 'merges']] as const;

/** The kind of proposal the queue shows, as a select that changes the URL. */
function KindSelect({ kind, state }: { kind: string; state: string }) {
  return (
    <label>Kind <select value={kind} aria-label="Kind of proposal" onChange={(e) => navigate(buildUrl('/review', { kind: e.target.value === 'relation' ? undefined : e.target.value, state }), { replace: true })}>
      {KINDS.map(([k, label]) => <option key={k} value={k}>{label}</option>)}
    </select></label>
  );
}

/** The review queue for the current URL: relations, events or claims. */
export function ReviewScene({ location }: { location: AppLocation }) {
  useTitle('Review');
  const kind = location.params.get('kind') ?? 'relation';
  const state = location.params.get('state') ?? 'unreviewed';
  if (kind === 'event' || kind === 'claim' || kind === 'merge') {
    return (
      <FactReview key={kind} kind={kind} state={state} header={(total) => (
        <div className="scene-header">
          <h1>Review</h1>
          {total ? <span className="muted">{total}</span> : null}
          <KindSelect kind={kind} state={state} />
          <label>State <select value={state} onChange={(e) => navigate(buildUrl('/review', { kind, state: e.target.value }), { replace: true })}>
            {STATES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select></label>
          <span className="muted review-keys"><kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> accept · <kbd>r</kbd> reject · <kbd>u</kbd> undo · <kbd>o</kbd> open</span>
        </div>
      )} />
    );
  }
  return <RelationReview location={location} />;
}

function RelationReview({ location }: { location: AppLocation }) {
  const schema = useSchema();
  const state = location.params.get('state') ?? 'unreviewed';
  const type = location.params.get('type') ?? '';
  const [version, setVersion] = useState(0);
  const key = `review:${state}:${type}:${version}`;
  const queue = useApi(key, (signal) => getReviewQueue({ state, type: type || undefined, limit: PAGE_SIZE, offset: 0 }, signal));
  const [selected, setSelected] = useState(0);
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState('');
  const items = queue.data?.items ?? [];
  const current: ReviewItem | undefined = items[Math.min(selected, items.length - 1)];
  const listRef = useRef<HTMLOListElement | null>(null);

  const act = async (work: () => Promise<unknown>, done: string): Promise<void> => {
    try {
      await work();
      setMessage(done);
      setReason('');
      setEditing(false);
      setVersion((v) => v + 1);
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : String(error));
    }
  };
  const accept = (item: ReviewItem) => act(() => reviewRelation(item.id, 'accepted'), `Accepted: ${item.source.name} – ${item.target.name}`);
  const reject = (item: ReviewItem) => act(() => reviewRelation(item.id, 'rejected', reason.trim() ? { reason: reason.trim() } : {}), `Rejected: ${item.source.name} – ${item.target.name}`);
  const undo = (item: ReviewItem) => act(() => undoReview(item.id), `Undone: ${item.source.name} – ${item.target.name}`);
  const edit = (item: ReviewItem, change: { type?: string; swap?: boolean }) => act(() => reviewRelation(item.id, 'edited', { edit: change }), 'Edited');

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || !current) return;
      const k = event.key;
      if (k === 'j' || k === 'k') setSelected((i) => Math.max(0, Math.min(items.length - 1, i + (k === 'j' ? 1 : -1))));
      else if (k === 'a') void accept(current);
      else if (k === 'r') void reject(current);
      else if (k === 'u') void undo(current);
      else if (k === 'e') setEditing(true);
      else if (k === 'o' && current.evidence[0]) navigate(evidenceUrl(current.evidence[0]));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected, key]);

  let body;
  if (queue.error) body = <ErrorState title="Could not load the review queue" error={queue.error} />;
  else if (!queue.data) body = <Loading label="Loading proposals…" />;
  else if (items.length === 0) body = <EmptyState title="Nothing to review"><p>No {state === 'all' ? '' : state} relations{type ? ` of type ${type}` : ''}.</p></EmptyState>;
  else {
    body = (
      <div className="review-layout">
        <ol className="review-list" ref={listRef} role="listbox" aria-label="Proposed relations">
          {items.map((item, i) => (
            <li key={item.id} role="option" aria-selected={item === current} className={`review-item state-${item.state}`} onClick={() => setSelected(i)}>
              <div className="review-head">
                <bdi>{item.source.name}</bdi> <span className="review-type">{relationLabel(schema, item.type)}{item.negated ? ' (denied)' : ''}</span> <bdi>{item.target.name}</bdi>
                <span className="muted"> · {formatConfidence(item.confidence)}</span>
                {item.state !== 'unreviewed' ? <span className={`review-state ${item.state}`}>{item.state === 'kept' ? 'accepted, no longer proposed' : item.state}</span> : null}
              </div>
              <p className="review-sentence" dir="auto">{item.evidence[0]?.text.replace(/\s+/gu, ' ')}</p>
            </li>
          ))}
        </ol>
        {current ? (
          <aside className="review-detail" aria-label="Selected proposal">
            <h2><bdi>{current.source.name}</bdi> → <bdi>{current.target.name}</bdi></h2>
            <p className="muted">{relationLabel(schema, current.type)} · confidence {formatConfidence(current.confidence)} · priority {current.priority.toFixed(2)} · {current.stage}
              {current.review ? ` · ${current.review.verdict}${current.review.by ? ` by ${current.review.by}` : ''} ${current.review.at.slice(0, 16).replace('T', ' ')}` : ''}
              {current.rejection ? ` · rejected${current.rejection.by ? ` by ${current.rejection.by}` : ''} ${current.rejection.at.slice(0, 16).replace('T', ' ')}${current.rejection.reason ? `: “${current.rejection.reason}”` : ''}` : ''}</p>
            {current.evidence[0] ? <ReviewContext evidence={current.evidence[0]} /> : null}
            <p>{current.evidence[0] ? <Link href={evidenceUrl(current.evidence[0])}>Open in the reader <kbd>o</kbd></Link> : null}</p>
            <div className="review-actions">
              <button type="button" className="button primary" onClick={() => void accept(current)}>Accept <kbd>a</kbd></button>
              <input className="review-reason" placeholder="Reason (optional)" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="Reason for rejecting" />
              <button type="button" className="button" onClick={() => void reject(current)}>Reject <kbd>r</kbd></button>
              <button type="button" className="button" onClick={() => setEditing(true)}>Edit <kbd>e</kbd></button>
              <button type="button" className="button" onClick={() => void undo(current)} disabled={current.state === 'unreviewed'}>Undo <kbd>u</kbd></button>
            </div>
            {editing ? <EditBox item={current} types={Object.keys(schema?.relationTypes ?? {})} onApply={(change) => void edit(current, change)} onCancel={() => setEditing(false)} /> : null}
          </aside>
        ) : null}
      </div>
    );
  }
  return (
    <div className="scene">
      <div className="scene-header">
        <h1>Review</h1>
        {queue.data ? <span className="muted">{plural(queue.data.total, 'proposal')}{queue.data.total > items.length ? `, first ${items.length}` : ''}</span> : null}
        <KindSelect kind="relation" state={state} />
        <label>State <select value={state} onChange={(e) => navigate(buildUrl('/review', { state: e.target.value, type: type || undefined }), { replace: true })}>
          {STATES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select></label>
        <label>Type <select value={type} onChange={(e) => navigate(buildUrl('/review', { state, type: e.target.value || undefined }), { replace: true })}>
          <option value="">any</option>
          {Object.keys(schema?.relationTypes ?? {}).map((t) => <option key={t} value={t}>{relationLabel(schema, t)}</option>)}
        </select></label>
        <span className="muted review-keys"><kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> accept · <kbd>r</kbd> reject · <kbd>e</kbd> edit · <kbd>u</kbd> undo · <kbd>o</kbd> open</span>
      </div>
      {message ? <p className="review-message" role="status">{message}</p> : null}
      {body}
    </div>
  );
}

function EditBox({ item, types, onApply, onCancel }: { item: ReviewItem; types: string[]; onApply: (change: { type?: string; swap?: boolean }) => void; onCancel: () => void }) {
  const [type, setType] = useState(item.type);
  const [swap, setSwap] = useState(false);
  return (
    <form className="review-edit" onSubmit={(e) => { e.preventDefault(); onApply({ ...(type !== item.type ? { type } : {}), ...(swap ? { swap } : {}) }); }}>
      <label>Type <select value={type} onChange={(e) => setType(e.target.value)} autoFocus>{types.map((t) => <option key={t} value={t}>{t}</option>)}</select></label>
      <label><input type="checkbox" checked={swap} onChange={(e) => setSwap(e.target.checked)} /> swap direction</label>
      <button type="submit" className="button primary">Apply</button>
      <button type="button" className="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
