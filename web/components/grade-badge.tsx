/**
 * Admiralty grades in the workbench: the grades of the documents an answer cites (document id -> "B2") reach every
 * evidence sentence through GradesContext, shown as a badge beside it; GradeBox sets a document's grade in the reader.
 */
import { createContext, useContext, useState } from 'react';
import { clearDocumentGrade, getDocumentGrade, setDocumentGrade } from '../api/curation-client.js';
import { useApi } from '../lib/use-api.js';

/** Document id -> grade code, for the evidence shown below the provider. */
export const GradesContext = createContext<Readonly<Record<string, string>>>({});

export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'];
export const CREDIBILITY = [1, 2, 3, 4, 5, 6];
export const GRADE_MEANING = 'Admiralty grade: source reliability A (completely reliable) to E (unreliable), F cannot be judged; information credibility 1 (confirmed) to 5 (improbable), 6 cannot be judged';

/** The grade of a cited document, or nothing when it is ungraded. */
export function GradeBadge({ documentId }: { documentId: string }) {
  const code = useContext(GradesContext)[documentId];
  return code ? <span className="grade-badge" data-grade={code} title={GRADE_MEANING}>{code}</span> : null;
}

/** The reader's grade control: the grade in force (own or the outlet's) and a form to set or remove the document's own. */
export function GradeBox({ documentId }: { documentId: string }) {
  const [version, setVersion] = useState(0);
  const current = useApi(`grade:${documentId}:${version}`, (signal) => getDocumentGrade(documentId, signal));
  const [reliability, setReliability] = useState('B');
  const [credibility, setCredibility] = useState(2);
  const [error, setError] = useState<string | null>(null);
  const grade = current.data?.grade ?? null;
  const run = (work: Promise<unknown>) => {
    setError(null);
    work.then(() => setVersion((v) => v + 1), (e: Error) => setError(e.message));
  };
  return (
    <section className="entity-section grade-box" aria-labelledby="grade-h">
      <h2 id="grade-h">Source grade</h2>
      <p>
        {grade ? <><span className="grade-badge" data-grade={grade.code} title={GRADE_MEANING}>{grade.code}</span>{' '}
          <span className="muted">{grade.from === 'outlet' ? `from the outlet ${grade.outlet ?? ''}` : 'set on this document'}{grade.by ? `, by ${grade.by}` : ''}</span></> : <span className="muted">Not graded.</span>}
      </p>
      <form className="grade-form" onSubmit={(e) => { e.preventDefault(); run(setDocumentGrade(documentId, reliability, credibility)); }}>
        <label>Reliability <select value={reliability} onChange={(e) => setReliability(e.target.value)} aria-label="Source reliability">
          {RELIABILITY.map((r) => <option key={r} value={r}>{r}</option>)}
        </select></label>{' '}
        <label>Credibility <select value={credibility} onChange={(e) => setCredibility(Number(e.target.value))} aria-label="Information credibility">
          {CREDIBILITY.map((c) => <option key={c} value={c}>{c}</option>)}
        </select></label>{' '}
        <button type="submit" className="button small">Grade</button>
        {grade?.from === 'document' ? <button type="button" className="link-button" onClick={() => run(clearDocumentGrade(documentId))}>Remove</button> : null}
      </form>
      {error ? <p className="query-error" role="alert">{error}</p> : null}
    </section>
  );
}
