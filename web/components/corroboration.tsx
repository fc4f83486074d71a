/** How many independent sources of each Admiralty grade support a relation ("A1 ×2, C3 ×1, ungraded ×4"). */

/** Nothing when the server sent no counts. */
export function Corroboration({ counts }: { counts?: Record<string, number> }) {
  const entries = Object.entries(counts ?? {});
  if (entries.length === 0) return null;
  return (
    <p className="corroboration" aria-label="Independent sources by grade">
      <span className="muted">Independent sources by grade:</span>{' '}
      {entries.map(([grade, n]) => (
        <span key={grade} className={grade === 'ungraded' ? 'muted grade-count' : 'grade-count'}>
          {grade === 'ungraded' ? 'ungraded' : <span className="grade-badge" data-grade={grade}>{grade}</span>} ×{n}
        </span>
      ))}
    </p>
  );
}
