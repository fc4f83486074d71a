/** Evidence sentences as links to the reader at their span, with the denials listed beside them. */
import type { Evidence } from '../../src/model/index.js';
import { evidenceUrl } from '../lib/evidence-url.js';
import { Link } from '../lib/router.js';
import { GradeBadge } from './grade-badge.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Cuts `text` where any of `names` occurs as whole words (case-insensitive, longest first, no overlaps), so the names can be marked. */
export function markNames(text: string, names: readonly string[]): { text: string; name: boolean }[] {
  const lower = text.toLowerCase();
  // "Iran" in "Iranian" is not a mention of Iran.
  const whole = (at: number, end: number): boolean => !WORD_CHAR.test(text[at - 1] ?? '') && !WORD_CHAR.test(text[end] ?? '');
  const found: { start: number; end: number }[] = [];
  for (const name of [...new Set(names.filter((n) => n.length > 1))].sort((a, b) => b.length - a.length)) {
    const want = name.toLowerCase();
    for (let at = lower.indexOf(want); at >= 0; at = lower.indexOf(want, at + want.length)) {
      const end = at + want.length;
      if (whole(at, end) && !found.some((f) => at < f.end && end > f.start)) found.push({ start: at, end });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const parts: { text: string; name: boolean }[] = [];
  let from = 0;
  for (const f of found) {
    if (f.start > from) parts.push({ text: text.slice(from, f.start), name: false });
    parts.push({ text: text.slice(f.start, f.end), name: true });
    from = f.end;
  }
  if (from < text.length) parts.push({ text: text.slice(from), name: false });
  return parts;
}

/** A sentence with the names it is about in bold; text nodes only. */
function Sentence({ text, names }: { text: string; names: readonly string[] }) {
  return <>{markNames(text, names).map((p, i) => (p.name ? <strong key={i}>{p.text}</strong> : p.text))}</>;
}

/** Who cited a sentence by hand, and when (analyst evidence: stage analyst, beside the sentences extraction cited). */
function Cited({ e }: { e: Evidence }) {
  if (!e.analyst) return null;
  return (
    <span className="muted analyst-cite" title="Stage analyst: cited by hand" data-stage="analyst">
      {' '}— cited by hand by {e.analyst.by ?? 'an analyst'}, {e.analyst.at.slice(0, 16).replace('T', ' ')}
    </span>
  );
}

/** Each sentence a fact rests on, quoted and linked, with the names it links in bold; denials, when any, under their own heading. */
export function EvidenceList({ evidence, contradictions = [], limit = 50, names = [] }: { evidence: readonly Evidence[]; contradictions?: readonly Evidence[]; limit?: number; names?: readonly string[] }) {
  return (
    <>
      <ul className="evidence-list">
        {evidence.slice(0, limit).map((e, i) => (
          <li key={`${e.documentId}:${e.start}:${i}`}>
            <Link className="evidence" href={evidenceUrl(e)} dir="auto" title="Open the document at this sentence"><Sentence text={e.text} names={names} /></Link>
            <Cited e={e} />
            <GradeBadge documentId={e.documentId} />
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
                <Link className="evidence denial" href={evidenceUrl(e)} dir="auto"><Sentence text={e.text} names={names} /></Link>
                <Cited e={e} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
