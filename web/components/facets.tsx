/** Facet sidebar: counts per collection, source, language, format and year; a click filters, a second click clears. */
import { useState } from 'react';
import type { FacetCounts, FacetValue } from '../../src/model/index.js';
import { FILTER_FACETS, type FilterFacet } from '../lib/search-url.js';
import { formatCount, languageName } from '../lib/format.js';

const FACET_LABELS: Record<FilterFacet, string> = {
  collection: 'Collection',
  source: 'Source',
  language: 'Language',
  format: 'Format',
  year: 'Year',
};

/** Values shown before "Show all". */
const SHORT_LIST = 6;

function valueLabel(facet: FilterFacet, value: string): string {
  if (facet === 'language') return languageName(value);
  return value;
}

/** Props: the counts from the last response, the active filters, and the change handler. */
export interface FacetsProps {
  facets: FacetCounts;
  selected: Partial<Record<FilterFacet, string>>;
  onChange(facet: FilterFacet, value: string | undefined): void;
}

/** The facet sidebar; a selected value stays listed even when the response has no count for it. */
export function Facets({ facets, selected, onChange }: FacetsProps) {
  return (
    <aside className="facets" aria-label="Filters">
      {FILTER_FACETS.map((facet) => (
        <FacetGroup key={facet} facet={facet} values={facets[facet] ?? []} selected={selected[facet]} onChange={onChange} />
      ))}
    </aside>
  );
}

function FacetGroup({ facet, values, selected, onChange }: {
  facet: FilterFacet; values: FacetValue[]; selected: string | undefined; onChange: FacetsProps['onChange'];
}) {
  const [expanded, setExpanded] = useState(false);
  let list = facet === 'year' ? [...values].sort((a, b) => b.value.localeCompare(a.value)) : values;
  if (selected !== undefined && !list.some((v) => v.value === selected)) list = [{ value: selected, count: 0 }, ...list];
  if (list.length === 0) return null;
  const shown = expanded ? list : list.slice(0, SHORT_LIST);
  const headingId = `facet-${facet}`;
  return (
    <section className="facet" aria-labelledby={headingId}>
      <h3 id={headingId}>{FACET_LABELS[facet]}</h3>
      <ul>
        {shown.map(({ value, count }) => {
          const active = value === selected;
          const label = valueLabel(facet, value);
          return (
            <li key={value}>
              <button
                type="button"
                aria-pressed={active}
                title={active ? `Remove filter ${FACET_LABELS[facet]}: ${label}` : `Only ${label}`}
                onClick={() => onChange(facet, active ? undefined : value)}
              >
                <span className="facet-value" dir="auto">{label}</span>
                <span className="count">{formatCount(count)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {list.length > SHORT_LIST ? (
        <button type="button" className="more" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${list.length}`}
        </button>
      ) : null}
    </section>
  );
}
