/** Evidence sentences as links to the reader at their span, with the denials listed beside them. */
import type { Evidence } from '../../src/model/index.js';
import { evidenceUrl } from '../lib/evidence-url.js';
import { Link } from '../lib/router.js';

/** Each sentence a fact rests on, quoted and linked; denials, when any, under their own heading. */
export function EvidenceList({ evidence, contradictions = [], limit = 50 }: { evidence: readonly Evidence[]; contradictions?: readonly Evidence[]; limit?: number }) {
  return (
    <>
      <ul className="evidence-list">
        {evidence.slice(0, limit).map((e, i) => (
          <li key={`${e.documentId}:${e.start}:${i}`}>
            <Link className="evidence" href={evidenceUrl(e)} dir="auto" title="Open the document at this sentence">{e.text}</Link>
          </li>
        ))}
        {evidence.length > limit ? <li className="muted">and {evidence.length - limit} more sentences</li> : null}
      </ul>
      {contradictions.length > 0 ? (
        <div className="denials">
          <div className="denial-head">Denied in {contradictions.length === 1 ? 'one sentence' : `${contradictions.length} sentences`}:</div>
          <ul className="evidence-list">
            {contradictions.map((e, i) => (
              <li key={`${e.documentId}:${e.start}:${i}`}>
                <Link className="evidence denial" href={evidenceUrl(e)} dir="auto">{e.text}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
