/** The network's filter column: entity and relation types, confidence, sources, dates, node size; every change lands in the URL. */
import { useEffect, useState } from 'react';
import { ENTITY_TYPES } from '../../src/model/index.js';
import type { NetworkState } from '../lib/network-url.js';
import { getTagCounts } from '../api/curation-client.js';
import { useApi } from '../lib/use-api.js';
import { formatConfidence, relationLabel, useSchema } from '../lib/use-schema.js';
import { ENTITY_STYLES } from '../theme/entity-colors.js';

/** Props: the state and how to change it. */
export interface NetworkFiltersProps {
  state: NetworkState;
  onChange(next: Partial<NetworkState>): void;
}

/** Toggles `value` in a filter where an empty list means "all": ticking the last one returns to all (a short URL). */
export function toggleFilter(selected: readonly string[], all: readonly string[], value: string): string[] {
  const current = selected.length === 0 ? all : selected;
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return next.length === all.length ? [] : all.filter((v) => next.includes(v));
}

/** True when `value` is the only one ticked: it cannot be unticked (nothing would be shown, which is not a filter). */
function onlyOne(selected: readonly string[], value: string): boolean {
  return selected.length === 1 && selected[0] === value;
}

const PARTIAL_DATE = /^(\d{4}(-\d{2}(-\d{2})?)?)?$/;

/** Filters; sliders and text fields apply after a short pause, checkboxes at once. */
export function NetworkFilters({ state, onChange }: NetworkFiltersProps) {
  const schema = useSchema();
  const tags = useApi('tags:entity', (signal) => getTagCounts('entity', signal));
  const [confidence, setConfidence] = useState(state.minConfidence);
  const [from, setFrom] = useState(state.from);
  const [to, setTo] = useState(state.to);
  useEffect(() => setConfidence(state.minConfidence), [state.minConfidence]);
  useEffect(() => { setFrom(state.from); setTo(state.to); }, [state.from, state.to]);
  useEffect(() => {
    if (confidence === state.minConfidence) return;
    const timer = setTimeout(() => onChange({ minConfidence: confidence }), 250);
    return () => clearTimeout(timer);
  }, [confidence]);
  const datesValid = PARTIAL_DATE.test(from) && PARTIAL_DATE.test(to);
  const relationTypes = Object.keys(schema?.relationTypes ?? {});

  return (
    <form className="network-filters" aria-label="Network filters" onSubmit={(e) => { e.preventDefault(); if (datesValid) onChange({ from, to }); }}>
      <fieldset>
        <legend>Entity types</legend>
        {ENTITY_TYPES.map((t) => (
          <label key={t} className="check">
            <input type="checkbox" checked={state.entityTypes.length === 0 || state.entityTypes.includes(t)} disabled={onlyOne(state.entityTypes, t)}
              onChange={() => onChange({ entityTypes: toggleFilter(state.entityTypes, ENTITY_TYPES, t) })} />
            <span className={`dot t-${t}`} aria-hidden="true" /> {ENTITY_STYLES[t].label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Relation types</legend>
        {relationTypes.length === 0 ? <p className="muted small">Loading…</p> : null}
        <div className="rel-checks">
          {relationTypes.map((t) => (
            <label key={t} className="check" title={schema?.relationTypes[t]?.covers}>
              <input type="checkbox" checked={state.relationTypes.length === 0 || state.relationTypes.includes(t)} disabled={onlyOne(state.relationTypes, t)}
                onChange={() => onChange({ relationTypes: toggleFilter(state.relationTypes, relationTypes, t) })} />
              {relationLabel(schema, t)}
            </label>
          ))}
        </div>
        {state.relationTypes.length > 0 ? <button type="button" className="link-button small" onClick={() => onChange({ relationTypes: [] })}>All relation types</button> : null}
      </fieldset>
      <fieldset>
        <legend>Evidence</legend>
        <label className="field" htmlFor="f-conf">Confidence at least <strong>{formatConfidence(confidence)}</strong></label>
        <input id="f-conf" type="range" min={0} max={1} step={0.05} value={confidence} onChange={(e) => setConfidence(Number(e.target.value))} />
        <label className="field" htmlFor="f-src">Independent sources at least</label>
        <input id="f-src" className="num-input" type="number" min={0} max={1000} value={state.minSources}
          onChange={(e) => onChange({ minSources: Math.max(0, Number(e.target.value) || 0) })} />
        <label className="check" title="Only relations an analyst accepted, edited or added (see Review)">
          <input type="checkbox" checked={state.reviewedOnly} onChange={(e) => onChange({ reviewedOnly: e.target.checked })} />
          Reviewed only
        </label>
        <label className="field" htmlFor="f-grade" title="Admiralty grade: reliability A-F and credibility 1-6; ungraded documents are left out">Source grade at least</label>
        <select id="f-grade" value={state.minGrade} onChange={(e) => onChange({ minGrade: e.target.value })}>
          <option value="">any (graded or not)</option>
          {GRADE_BARS.map((g) => <option key={g} value={g}>{g}</option>)}
        </select>
        <label className="field" htmlFor="f-tag" title="Entities an analyst tagged, and their relations">Tagged</label>
        <select id="f-tag" value={state.tag} onChange={(e) => onChange({ tag: e.target.value })}>
          <option value="">any entity</option>
          {state.tag && !tags.data?.tags.some((t) => t.tag === state.tag) ? <option value={state.tag}>{state.tag}</option> : null}
          {(tags.data?.tags ?? []).map((t) => <option key={t.tag} value={t.tag}>{t.tag} ({t.count})</option>)}
        </select>
      </fieldset>
      <fieldset>
        <legend>Documents dated</legend>
        <div className="date-row">
          <label className="visually-hidden" htmlFor="f-from">From</label>
          <input id="f-from" className="date-input" placeholder="from 2019" value={from} onChange={(e) => setFrom(e.target.value.trim())} aria-invalid={!PARTIAL_DATE.test(from)} />
          <span aria-hidden="true">–</span>
          <label className="visually-hidden" htmlFor="f-to">To</label>
          <input id="f-to" className="date-input" placeholder="to 2020-06" value={to} onChange={(e) => setTo(e.target.value.trim())} aria-invalid={!PARTIAL_DATE.test(to)} />
          <button type="submit" className="button small" disabled={!datesValid || (from === state.from && to === state.to)}>Apply</button>
        </div>
        {!datesValid ? <p className="field-error">Dates are years, year-months or days: 2019, 2019-11, 2019-11-20.</p> : null}
      </fieldset>
      <fieldset>
        <legend>Node size</legend>
        <label className="check"><input type="radio" name="size" checked={state.size === 'degree'} onChange={() => onChange({ size: 'degree' })} /> Degree (relations shown)</label>
        <label className="check"><input type="radio" name="size" checked={state.size === 'centrality'} onChange={() => onChange({ size: 'centrality' })} /> Centrality (PageRank)</label>
      </fieldset>
    </form>
  );
}

/** The bars offered by the grade filter (any pair can be typed in the URL: ?grade=C4). */
const GRADE_BARS = ['A1', 'A2', 'B1', 'B2', 'B3', 'C2', 'C3', 'D4', 'E5'];
