/** Previous / next paging with the range shown ("21-40 of 87"). */
import { formatCount } from '../lib/format.js';
import { Link } from '../lib/router.js';

/** Props: 1-based page, page size, total count, and the URL of any page. */
export interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  hrefFor(page: number): string;
}

/** Paging links; hidden when everything fits on one page. */
export function Pager({ page, pageSize, total, hrefFor }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return null;
  if (page > pages) {
    return (
      <nav className="pager" aria-label="Pages">
        <Link className="button" href={hrefFor(pages)}>← Last page ({pages})</Link>
      </nav>
    );
  }
  const first = Math.min(total, (page - 1) * pageSize + 1);
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 ? <Link className="button" href={hrefFor(page - 1)} rel="prev">← Previous</Link> : <span className="button" aria-disabled="true">← Previous</span>}
      <span className="range">
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)} · page {page} of {pages}
      </span>
      {page < pages ? <Link className="button" href={hrefFor(page + 1)} rel="next">Next →</Link> : <span className="button" aria-disabled="true">Next →</span>}
    </nav>
  );
}
