/** A search-as-you-type entity chooser (GET /api/entities?q=): type a name, pick from the list with arrows or a click. */
import { useEffect, useState } from 'react';
import type { EntityListItem } from '../../src/model/index.js';
import { listEntities } from '../api/client.js';

/** Props: the input id (for its label), what to do with the chosen entity. */
export interface EntityPickerProps {
  id: string;
  placeholder: string;
  onPick(entity: EntityListItem): void;
}

/** The input and its suggestions. */
export function EntityPicker({ id, placeholder, onPick }: EntityPickerProps) {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<EntityListItem[]>([]);
  const [active, setActive] = useState(0);
  useEffect(() => {
    if (q.trim().length < 2) { setItems([]); return; }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      listEntities({ q, limit: 8, offset: 0 }, controller.signal).then((page) => { setItems(page.items); setActive(0); }, () => setItems([]));
    }, 200);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [q]);
  const pick = (entity: EntityListItem | undefined): void => {
    if (!entity) return;
    setQ('');
    setItems([]);
    onPick(entity);
  };
  return (
    <div className="picker">
      <input
        id={id} className="search-input small" type="search" maxLength={200} value={q} placeholder={placeholder} autoComplete="off"
        role="combobox" aria-expanded={items.length > 0} aria-controls={`${id}-list`} aria-activedescendant={items[active] ? `${id}-${active}` : undefined}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(items.length - 1, a + 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(0, a - 1)); }
          else if (e.key === 'Enter') { e.preventDefault(); pick(items[active]); }
        }}
      />
      {items.length > 0 ? (
        <ul id={`${id}-list`} className="picker-list" role="listbox">
          {items.map((item, i) => (
            <li key={item.id} id={`${id}-${i}`} role="option" aria-selected={i === active}
              onMouseDown={(e) => { e.preventDefault(); pick(item); }}>
              <span className={`dot t-${item.type}`} aria-hidden="true" /> <bdi>{item.name}</bdi> <span className="muted small">{item.mentionCount}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
