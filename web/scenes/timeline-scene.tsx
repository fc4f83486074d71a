/** Timeline scene: /timeline?entity=&type=&from=&to=&event=. Events on a time axis, partial dates drawn as the range they cover. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Event } from '../../src/model/index.js';
import { getTimeline, type TimelineData } from '../api/client.js';
import { EntityPicker } from '../components/entity-picker.js';
import { EvidenceList } from '../components/evidence-list.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { downloadJson } from '../lib/download.js';
import { arrowKeys } from '../lib/focus-list.js';
import { plural } from '../lib/format.js';
import { dateRange, formatPartialDate, overallRange, yearTicks, type TimeRange } from '../lib/partial-dates.js';
import { Link, buildUrl, navigate, type AppLocation } from '../lib/router.js';
import { ResponseCache, useApi } from '../lib/use-api.js';
import { useTitle } from '../lib/use-title.js';
import { ENTITY_STYLES } from '../theme/entity-colors.js';

const cache = new ResponseCache<TimelineData>(10);
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** An event with the time it covers. */
interface PlacedEvent {
  event: Event;
  range: TimeRange;
}

/** The scene. */
export function TimelineScene({ location }: { location: AppLocation }) {
  const p = location.params;
  const entity = /^ent_[0-9a-f]{16}$/.test(p.get('entity') ?? '') ? p.get('entity') ?? '' : '';
  const type = p.get('type') ?? '';
  const from = PARTIAL_DATE.test(p.get('from') ?? '') ? p.get('from') ?? '' : '';
  const to = PARTIAL_DATE.test(p.get('to') ?? '') ? p.get('to') ?? '' : '';
  const selected = p.get('event') ?? '';
  useTitle('Timeline');
  // Types are filtered here rather than by the server, so the type list still shows every type for this entity and period.
  const data = useApi(`timeline:${entity}:${from}:${to}`, (signal) => getTimeline({ entity, from, to }, signal), cache);
  const urlWith = (next: Record<string, string>): string => buildUrl('/timeline', { entity, type, from, to, event: selected, ...next });

  const all = data.data?.events ?? [];
  const types = useMemo(() => [...new Set(all.map((e) => e.type))].sort(), [all]);
  const placed = useMemo<PlacedEvent[]>(() => all
    .filter((e) => !type || e.type === type)
    .flatMap((event) => { const range = dateRange(event.date); return range ? [{ event, range }] : []; })
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end), [all, type]);
  const span = useMemo(() => overallRange(placed.map((x) => x.range)), [placed]);
  const names = data.data?.entities ?? {};
  const current = placed.find((x) => x.event.id === selected)?.event ?? null;

  const listRef = useRef<HTMLOListElement | null>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && selected) navigate(urlWith({ event: '' }), { replace: true });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected, location.search]);

  let body;
  if (data.error) body = <ErrorState title="Could not load the timeline" error={data.error} />;
  else if (!data.data) body = <Loading label="Loading events…" />;
  else if (placed.length === 0 || !span) {
    body = (
      <EmptyState title={entity || type || from || to ? 'No dated event matches' : 'No events yet: event extraction has not run on this collection'}>
        {entity || type || from || to ? <p>Widen the dates or <Link href="/timeline">clear the filters</Link>.</p> : <p>Dated events with their participants will be listed here, each linked to its sentence.</p>}
      </EmptyState>
    );
  } else {
    const width = span.end - span.start;
    const pct = (t: number): number => ((t - span.start) / width) * 100;
    const ticks = yearTicks(span);
    body = (
      <div className="timeline">
        <div className="timeline-axis" aria-hidden="true">
          <div className="timeline-label-col" />
          <div className="timeline-track">
            {ticks.map((year) => {
              const at = pct(Date.UTC(year, 0, 1));
              return at >= 0 && at <= 100 ? <span key={year} className="tick" style={{ left: `${at}%` }}>{year}</span> : null;
            })}
          </div>
        </div>
        <ol className="timeline-rows" ref={listRef} onKeyDown={arrowKeys('button.event-row')}>
          {placed.map(({ event, range }) => {
            const left = pct(range.start);
            const barWidth = Math.max(0.4, pct(range.end) - left);
            const who = event.participants.map((id) => names[id]).filter((x): x is { name: string; type: keyof typeof ENTITY_STYLES } => x !== undefined);
            return (
              <li key={event.id}>
                <button type="button" className="event-row" aria-current={event.id === selected ? 'true' : undefined}
                  onClick={() => navigate(urlWith({ event: event.id }), { replace: true })}>
                  <span className="timeline-label-col">
                    <span className="event-date">{formatPartialDate(event.date)}</span>{' '}
                    <strong>{event.type}</strong>{' '}
                    <span className="event-who">{who.slice(0, 3).map((w, i) => <span key={i}><span className={`dot t-${w.type}`} aria-hidden="true" /> <bdi>{w.name}</bdi> </span>)}</span>
                  </span>
                  <span className="timeline-track">
                    {ticks.map((year) => <span key={year} className="grid-line" style={{ left: `${pct(Date.UTC(year, 0, 1))}%` }} />)}
                    <span className={`event-bar p-${event.precision ?? 'year'}`} style={{ left: `${left}%`, width: `${barWidth}%` }}
                      title={`${formatPartialDate(event.date)}: ${event.type}`} />
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </div>
    );
  }

  return (
    <div className="timeline-scene">
      <div className="timeline-main">
        <div className="scene-header">
          <h1>Timeline</h1>
          {data.data ? <span className="muted">{plural(placed.length, 'event')}{all.length > placed.length ? ` of ${all.length}` : ''}</span> : null}
          {data.loading && data.data ? <span className="muted" role="status">Updating…</span> : null}
          {placed.length > 0 ? (
            <button type="button" className="button small" onClick={() => downloadJson('cablegraph-timeline.json', JSON.stringify({
              filters: { entity, type, from, to }, events: placed.map((x) => x.event), entities: names,
            }, null, 2))}>Export view (JSON)</button>
          ) : null}
        </div>
        <div className="filter-row timeline-filters">
          <div className="picker-wrap">
            <label htmlFor="timeline-entity" className="small muted">Entity</label>
            {entity ? (
              <span className="chip-static">
                <bdi>{names[entity]?.name ?? 'chosen entity'}</bdi>
                <Link href={urlWith({ entity: '', event: '' })} aria-label="Show every entity">×</Link>
              </span>
            ) : <EntityPicker id="timeline-entity" placeholder="Any entity: type a name…" onPick={(e) => navigate(urlWith({ entity: e.id, event: '' }))} />}
          </div>
          <div>
            <label htmlFor="timeline-type" className="small muted">Event type</label>{' '}
            <select id="timeline-type" value={type} onChange={(e) => navigate(urlWith({ type: e.target.value, event: '' }), { replace: true })}>
              <option value="">All types</option>
              {types.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </div>
          <DateRange from={from} to={to} onApply={(f, t) => navigate(urlWith({ from: f, to: t, event: '' }), { replace: true })} />
          <div className="muted small">Bars span what the date says: a year, a month or a day.</div>
        </div>
        {body}
      </div>
      <aside className="timeline-side" aria-label="Event">
        {current ? <EventPanel event={current} names={names} onClose={() => navigate(urlWith({ event: '' }), { replace: true })} /> : (
          <p className="muted">Pick an event to read the sentence it comes from. <kbd>↓</kbd> <kbd>↑</kbd> move through events, <kbd>Esc</kbd> closes.</p>
        )}
      </aside>
    </div>
  );
}

/** From / to partial dates, applied with Enter or the button. */
function DateRange({ from, to, onApply }: { from: string; to: string; onApply(from: string, to: string): void }) {
  const [f, setF] = useState(from);
  const [t, setT] = useState(to);
  useEffect(() => { setF(from); setT(to); }, [from, to]);
  const valid = (v: string): boolean => v === '' || PARTIAL_DATE.test(v);
  return (
    <form className="date-row" onSubmit={(e) => { e.preventDefault(); if (valid(f) && valid(t)) onApply(f, t); }}>
      <label htmlFor="timeline-from" className="small muted">Dates</label>
      <input id="timeline-from" className="date-input" placeholder="from 2003" value={f} onChange={(e) => setF(e.target.value.trim())} aria-invalid={!valid(f)} />
      <span aria-hidden="true">–</span>
      <label htmlFor="timeline-to" className="visually-hidden">To</label>
      <input id="timeline-to" className="date-input" placeholder="to 2020-06" value={t} onChange={(e) => setT(e.target.value.trim())} aria-invalid={!valid(t)} />
      <button type="submit" className="button small" disabled={!valid(f) || !valid(t) || (f === from && t === to)}>Apply</button>
    </form>
  );
}

function EventPanel({ event, names, onClose }: { event: Event; names: TimelineData['entities']; onClose(): void }) {
  const link = (id: string) => {
    const n = names[id];
    return <Link key={id} className={`entity-name t-${n?.type ?? 'MISC'}`} href={`/entities/${encodeURIComponent(id)}`}><bdi>{n?.name ?? id}</bdi></Link>;
  };
  return (
    <section aria-labelledby="event-title">
      <div className="panel-head">
        <h2 id="event-title">{event.type}</h2>
        <button type="button" className="link-button" onClick={onClose} aria-label="Close (Esc)">Close</button>
      </div>
      <p className="muted">{formatPartialDate(event.date)}{event.precision ? ` · precise to the ${event.precision}` : ''}</p>
      {event.participants.length > 0 ? <p>With {event.participants.map((id, i) => <span key={id}>{i > 0 ? ', ' : ''}{link(id)}</span>)}</p> : null}
      {event.place ? <p>In {link(event.place)}</p> : null}
      <h3>Evidence ({event.evidence.length})</h3>
      <EvidenceList evidence={event.evidence} names={[...event.participants, event.place ?? ''].map((id) => names[id]?.name ?? '')} />
    </section>
  );
}
