/** A relation's review state beside its counts: accepted (by whom), accepted but no longer proposed, or made by hand. */
import type { RelationReview } from '../../src/model/index.js';

/** Nothing for an unreviewed relation. */
export function ReviewBadge({ review, stage }: { review?: RelationReview; stage?: string }) {
  if (!review) return null;
  const label = stage === 'analyst' || review.verdict === 'added' ? 'added by hand' : review.kept ? 'accepted, no longer proposed' : review.verdict;
  return <span className={`review-state ${review.kept ? 'kept' : 'accepted'}`} title={`${review.by ? `by ${review.by}, ` : ''}${review.at}`}>{label}</span>;
}
