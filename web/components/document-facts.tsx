/** The reader's "Found in this document": relations, events and claims; a click moves the reader to the exact evidence span. */
import type { ReactNode } from 'react';
import type { Claim, Event, Evidence, Relation } from '../../src/model/index.js';
import type { DocumentDetail } from '../api/client.js';
import { LOW_CONFIDENCE, formatConfidence, relationLabel, useSchema } from '../lib/use-schema.js';

/** Props: the document, the span the reader shows, and how to move there. */
export interface DocumentFactsProps {
  doc: DocumentDetail;
  at: { start: number; end: number } | null;
  onJump(span: { start: number; end: number }): void;
}

/** Names for entity ids as this document writes them (the first mention of each). */
function namesInDocument(doc: DocumentDetail): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of doc.mentions) if (m.entityId && !names.has(m.entityId)) names.set(m.entityId, m.text);
  return names;
}

function firstEvidence(item: { evidence: Evidence[] }): Evidence | undefined {
  return item.evidence[0];
}

/** One fact as a button that jumps to its evidence; marked current when the reader shows that span. */
function FactButton({ evidence, at, onJump, children, low }: { evidence: Evidence | undefined; at: DocumentFactsProps['at']; onJump: DocumentFactsProps['onJump']; children: ReactNode; low?: boolean }) {
  const current = evidence !== undefined && at !== null && at.start === evidence.start && at.end === evidence.end;
  return (
    <li>
      <button
        type="button"
        className={`fact${low ? ' low' : ''}`}
        aria-current={current ? 'location' : undefined}
        disabled={!evidence}
        title={evidence ? `Show the sentence: “${evidence.text}”` : undefined}
        onClick={() => evidence && onJump({ start: evidence.start, end: evidence.end })}
      >
        {children}
      </button>
    </li>
  );
}

/** Relations, events and claims found in this document, each one click from its sentence. */
export function DocumentFacts({ doc, at, onJump }: DocumentFactsProps) {
  const schema = useSchema();
  const names = namesInDocument(doc);
  const name = (id: string | null | undefined): string => (id ? names.get(id) ?? 'an entity' : 'unnamed');
  const relations: Relation[] = doc.relations ?? [];
  const events: Event[] = doc.events ?? [];
  const claims: Claim[] = doc.claims ?? [];
  if (relations.length + events.length + claims.length === 0) {
    return (
      <>
        <h2>Found in this document</h2>
        <p className="side-note">No relations, events or claims: fact extraction found none here, or has not run.</p>
      </>
    );
  }
  return (
    <section className="doc-facts" aria-label="Found in this document">
      {relations.length > 0 ? (
        <>
          <h2>Relations ({relations.length})</h2>
          <ul className="fact-list">
            {relations.map((r) => (
              <FactButton key={r.id} evidence={firstEvidence(r)} at={at} onJump={onJump} low={r.confidence < LOW_CONFIDENCE}>
                <bdi>{name(r.source)}</bdi> <span className="rel-label">{relationLabel(schema, r.type)}</span> <bdi>{name(r.target)}</bdi>
                <span className="fact-meta">{formatConfidence(r.confidence)}{(r.contradictions?.length ?? 0) > 0 ? ' · denied' : ''}</span>
              </FactButton>
            ))}
          </ul>
        </>
      ) : null}
      {events.length > 0 ? (
        <>
          <h2>Events ({events.length})</h2>
          <ul className="fact-list">
            {events.map((e) => (
              <FactButton key={e.id} evidence={firstEvidence(e)} at={at} onJump={onJump}>
                <span className="rel-label">{e.type}</span>{' '}
                {e.participants.slice(0, 3).map((p, i) => <span key={p}>{i > 0 ? ', ' : ''}<bdi>{name(p)}</bdi></span>)}
                {e.participants.length > 3 ? <span className="fact-meta"> +{e.participants.length - 3}</span> : null}
                <span className="fact-meta">{e.date || 'undated'}</span>
              </FactButton>
            ))}
          </ul>
        </>
      ) : null}
      {claims.length > 0 ? (
        <>
          <h2>Claims ({claims.length})</h2>
          <ul className="fact-list">
            {claims.map((c) => (
              <FactButton key={c.id} evidence={firstEvidence(c)} at={at} onJump={onJump}>
                <bdi>{c.speaker ? name(c.speaker) : c.speakerText}</bdi> <span className="rel-label">{c.stance}</span>{' '}
                <q dir="auto">{c.text.length > 90 ? `${c.text.slice(0, 90)}…` : c.text}</q>
              </FactButton>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
