/** The reader's sticky bar: the way back, the title once it has scrolled away, and hit-to-hit navigation (n / Shift+N). */
import { useEffect, type ReactNode } from 'react';
import { Link } from '../lib/router.js';

/** Props: where "back" goes, the title, whether it is scrolled away, and the hits with the current one. */
export interface ReaderBarProps {
  backHref: string;
  backLabel: ReactNode;
  title: string;
  showTitle: boolean;
  hitCount: number;
  /** Index of the hit the URL points at, or -1. */
  current: number;
  onHit(index: number): void;
}

/** Sticky under the top bar, so the way back and the hit count never scroll away. */
export function ReaderBar({ backHref, backLabel, title, showTitle, hitCount, current, onHit }: ReaderBarProps) {
  const next = (): void => onHit(current < 0 ? 0 : (current + 1) % hitCount);
  const previous = (): void => onHit(current <= 0 ? hitCount - 1 : current - 1);

  useEffect(() => {
    if (hitCount === 0) return;
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey || (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (event.key === 'n') next();
      else if (event.key === 'N') previous();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="reader-bar">
      <Link className="reader-back" href={backHref} title="Back (Esc)">← {backLabel}</Link>
      <span className="reader-bar-title" dir="auto" aria-hidden={!showTitle}>{showTitle ? title : ''}</span>
      {hitCount > 0 ? (
        <span className="hit-nav" role="group" aria-label="Search hits">
          <button type="button" className="button small" onClick={previous} title="Previous hit (Shift+N)" aria-label="Previous hit">↑</button>
          <span className="hit-count" aria-live="polite">{current >= 0 ? `Hit ${current + 1} of ${hitCount}` : `${hitCount} hits`}</span>
          <button type="button" className="button small" onClick={next} title="Next hit (N)" aria-label="Next hit">↓</button>
        </span>
      ) : null}
    </div>
  );
}
