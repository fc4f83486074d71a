/** The evidence sentence of a proposal inside its document: some text before and after, the span itself marked. */
import type { Evidence } from '../../src/model/index.js';
import { getDocument } from '../api/client.js';
import { useApi } from '../lib/use-api.js';

const AROUND = 280;

/** The span in context; falls back to the sentence alone while the document loads. */
export function ReviewContext({ evidence }: { evidence: Evidence }) {
  const doc = useApi(`review-doc:${evidence.documentId}`, (signal) => getDocument(evidence.documentId, signal));
  const text = doc.data?.id === evidence.documentId ? doc.data.text : null;
  if (!text) return <blockquote className="review-context" dir="auto"><mark className="target">{evidence.text}</mark></blockquote>;
  const from = Math.max(0, text.lastIndexOf(' ', evidence.start - AROUND) + 1);
  const to = Math.min(text.length, text.indexOf(' ', evidence.end + AROUND) < 0 ? text.length : text.indexOf(' ', evidence.end + AROUND));
  return (
    <blockquote className="review-context" dir="auto" data-document={evidence.documentId}>
      {from > 0 ? '… ' : ''}{text.slice(from, evidence.start)}
      <mark className="target" data-start={evidence.start}>{text.slice(evidence.start, evidence.end)}</mark>
      {text.slice(evidence.end, to)}{to < text.length ? ' …' : ''}
    </blockquote>
  );
}
