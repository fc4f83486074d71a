/**
 * Outlet grades in the documents scene: each outlet (publisher, site, sender's domain) with its documents and Admiralty
 * grade, which its documents inherit unless graded themselves; set or removed per row (PUT / DELETE /api/outlets/grade).
 */
import { useState } from 'react';
import { clearOutletGrade, getOutlets, setOutletGrade, type Outlet } from '../api/curation-client.js';
import { formatCount } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';
import { CREDIBILITY, GRADE_MEANING, RELIABILITY } from './grade-badge.js';

/** The outlets table; hidden when no document names its outlet. */
export function OutletGrades() {
  const [version, setVersion] = useState(0);
  const outlets = useApi(`outlets:${version}`, (signal) => getOutlets(signal));
  const [error, setError] = useState<string | null>(null);
  const items = outlets.data?.items ?? [];
  if (items.length === 0) return null;
  const run = (work: Promise<unknown>) => {
    setError(null);
    work.then(() => setVersion((v) => v + 1), (e: Error) => setError(e.message));
  };
  return (
    <section className="entity-section outlet-grades" aria-labelledby="outlets-h">
      <h2 id="outlets-h">Outlets</h2>
      <p className="muted">A document without a grade of its own takes its outlet's.</p>
      <table className="table">
        <thead><tr><th>Outlet</th><th>Collection</th><th className="num">Documents</th><th>Grade</th><th>Set grade</th></tr></thead>
        <tbody>
          {items.map((o) => (
            <tr key={`${o.collection}:${o.outlet}`} data-outlet={o.outlet}>
              <td dir="auto">{o.source}</td>
              <td>{o.collection}</td>
              <td className="num">{formatCount(o.documents)}</td>
              <td>{o.grade ? <><span className="grade-badge" data-grade={o.grade.code} title={GRADE_MEANING}>{o.grade.code}</span>{o.grade.by ? <span className="muted"> by {o.grade.by}</span> : null}</> : <span className="muted">not graded</span>}</td>
              <td><OutletGradeForm outlet={o} onChange={run} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? <p className="query-error" role="alert">{error}</p> : null}
    </section>
  );
}

function OutletGradeForm({ outlet, onChange }: { outlet: Outlet; onChange: (work: Promise<unknown>) => void }) {
  const [reliability, setReliability] = useState(outlet.grade?.reliability ?? 'B');
  const [credibility, setCredibility] = useState(outlet.grade?.credibility ?? 2);
  return (
    <form className="grade-form" onSubmit={(e) => { e.preventDefault(); onChange(setOutletGrade(outlet.collection, outlet.outlet, reliability, credibility)); }}>
      <select value={reliability} onChange={(e) => setReliability(e.target.value)} aria-label={`Reliability of ${outlet.source}`}>
        {RELIABILITY.map((r) => <option key={r} value={r}>{r}</option>)}
      </select>{' '}
      <select value={credibility} onChange={(e) => setCredibility(Number(e.target.value))} aria-label={`Credibility of ${outlet.source}`}>
        {CREDIBILITY.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>{' '}
      <button type="submit" className="button small">Grade</button>
      {outlet.grade ? <button type="button" className="link-button" onClick={() => onChange(clearOutletGrade(outlet.collection, outlet.outlet))}>Remove</button> : null}
    </form>
  );
}
