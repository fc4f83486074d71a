/** Arrow-key movement through a list of links (search results, document rows): focus moves, Enter opens. */

/** Moves focus to the next (1), previous (-1) or first item matching `selector` inside `container`. */
export function moveFocus(container: HTMLElement | null, selector: string, step: 1 | -1 | 'first'): void {
  if (!container) return;
  const items = [...container.querySelectorAll<HTMLElement>(selector)];
  if (items.length === 0) return;
  if (step === 'first') {
    items[0]?.focus();
    return;
  }
  const current = items.findIndex((item) => item === document.activeElement || item.contains(document.activeElement));
  const next = current < 0 ? items[0] : items[Math.min(items.length - 1, Math.max(0, current + step))];
  next?.focus();
}

/** A keydown handler for a list container: ArrowDown / ArrowUp move between items; ArrowUp on the first calls `onExitTop`. */
export function arrowKeys(selector: string, onExitTop?: () => void) {
  return (event: { key: string; currentTarget: HTMLElement; preventDefault(): void }): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const first = event.currentTarget.querySelector(selector);
    if (event.key === 'ArrowUp' && onExitTop && first && first === document.activeElement) onExitTop();
    else moveFocus(event.currentTarget, selector, event.key === 'ArrowDown' ? 1 : -1);
  };
}
