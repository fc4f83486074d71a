/**
 * The review queue of events, claims or merges (/review?kind=event|claim|merge): each with its evidence in context (a
 * merge: where each of the two names appears); keys j / k move, a accepts, r rejects (with the reason typed, if any),
 * u undoes, o opens the reader at the span. Accepting a merge keeps it; rejecting it takes the two names apart.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { getFactQueue, reviewFact, undoFactReview, type FactReviewItem, type MergeReviewItem, type QueueKind } from '../api/review-client.js';
import { ApiError } from '../api/client.js';
import { ReviewContext } from '../components/review-context.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { evidenceUrl } from '../lib/evidence-url.js';
import { plural } from '../lib/format.js';
import { Link, navigate } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

const when = (at: string): string => at.slice(0, 16).replace('T', ' ');

type Item = FactReviewItem | MergeReviewItem;

/** The queue body for events, claims or merges; `header` renders the scene header with the total. */
export function FactReview({ kind, state, header }: { kind: QueueKind; state: string; header: (total: string | null) => ReactNode }) {
  const [version, setVersion] = useState(0);
  const key = `review:${kind}:${state}:${version}`;
  const queue = useApi(key, (signal) => getFactQueue(kind, { state, limit: 50, offset: 0 }, signal));
  const [selected, setSelected] = useState(0);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const items = queue.data?.items ?? [];
  const current: Item | undefined = items[Math.min(selected, items.length - 1)];

  const act = async (work: () => Promise<unknown>, done: string): Promise<void> => {
    try {
      await work();
      setMessage(done);
      setReason('');
      setVersion((v) => v + 1);
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : String(error));
    }
  };
  const accept = (x: Item) => act(() => reviewFact(kind, x.id, 'accepted'), `Accepted: ${x.summary}`);
  const reject = (x: Item) => act(() => reviewFact(kind, x.id, 'rejected', reason.trim() || undefined), `Rejected: ${x.summary}`);
  const undo = (x: Item) => act(() => undoFactReview(kind, x.id), `Undone: ${x.summary}`);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || !current) return;
      const k = event.key;
      if (k === 'j' || k === 'k') setSelected((i) => Math.max(0, Math.min(items.length - 1, i + (k === 'j' ? 1 : -1))));
      else if (k === 'a') void accept(current);
      else if (k === 'r') void reject(current);
      else if (k === 'u') void undo(current);
      else if (k === 'o' && current.evidence[0]) navigate(evidenceUrl(current.evidence[0]));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  let body;
  if (queue.error) body = <ErrorState title="Could not load the review queue" error={queue.error} />;
  else if (!queue.data) body = <Loading label={`Loading ${kind}s…`} />;
  else if (items.length === 0) body = <EmptyState title="Nothing to review"><p>No {state === 'all' ? '' : state} {kind}s.</p></EmptyState>;
  else {
    body = (
      <div className="review-layout">
        <ol className="review-list" role="listbox" aria-label={`Proposed ${kind}s`}>
          {items.map((x, i) => (
            <li key={x.id} role="option" aria-selected={x === current} className={`review-item state-${x.state}`} onClick={() => setSelected(i)}>
              <div className="review-head">
                <span className="review-type">{x.type}</span> <bdi>{x.summary}</bdi>
                {x.state !== 'unreviewed' ? <span className={`review-state ${x.state}`}>{x.state === 'kept' ? 'accepted, no longer proposed' : x.state}</span> : null}
              </div>
              <p className="review-sentence" dir="auto">{x.evidence[0]?.text.replace(/\s+/gu, ' ')}</p>
            </li>
          ))}
        </ol>
        {current ? (
          <aside className="review-detail" aria-label={`Selected ${kind}`}>
            <h2><bdi>{current.summary}</bdi></h2>
            <p className="muted">{kind} · {current.type} · <span className="review-priority">priority {current.priority.toFixed(2)}</span> · {current.stage}
              {current.entities.length ? <> · {current.entities.map((e, i) => <span key={e.id}>{i ? ', ' : ''}<Link href={`/entities/${e.id}`}><bdi>{e.name}</bdi></Link></span>)}</> : null}
              {current.review ? ` · ${current.review.verdict}${current.review.by ? ` by ${current.review.by}` : ''} ${when(current.review.at)}` : ''}
              {current.rejection ? ` · rejected${current.rejection.by ? ` by ${current.rejection.by}` : ''} ${when(current.rejection.at)}${current.rejection.reason ? `: “${current.rejection.reason}”` : ''}` : ''}</p>
            {(current.kind === 'merge' ? current.evidence : current.evidence.slice(0, 1)).map((e) => <ReviewContext key={`${e.documentId}:${e.start}`} evidence={e} />)}
            <p>{current.evidence[0] ? <Link href={evidenceUrl(current.evidence[0])}>Open in the reader <kbd>o</kbd></Link> : null}</p>
            <div className="review-actions">
              <button type="button" className="button primary" onClick={() => void accept(current)}>Accept <kbd>a</kbd></button>
              <input className="review-reason" placeholder="Reason (optional)" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="Reason for rejecting" />
              <button type="button" className="button" onClick={() => void reject(current)}>Reject <kbd>r</kbd></button>
              <button type="button" className="button" onClick={() => void undo(current)} disabled={current.state === 'unreviewed'}>Undo <kbd>u</kbd></button>
            </div>
          </aside>
        ) : null}
      </div>
    );
  }
  return (
    <div className="scene">
      {header(queue.data ? `${plural(queue.data.total, kind)}${queue.data.total > items.length ? `, first ${items.length}` : ''}` : null)}
      {message ? <p className="review-message" role="status">{message}</p> : null}
      {body}
    </div>
  );
}
