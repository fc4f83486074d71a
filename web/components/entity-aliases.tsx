/** The entity page's "Names and merges": aliases, the candidates gathered and why each pair merged, with split and undo. */
import { useEffect, useState } from 'react';
import type { EntityMember, EntityMembersPage, ResolvedEntityRecord } from '../../src/model/index.js';
import { ApiError, getEntityByMember, getEntityMembers, mergeEntities, splitMember, whenApplied } from '../api/client.js';
import { parseMember } from '../lib/entity-members.js';
import { Link } from '../lib/router.js';
import { namesByScript } from '../lib/scripts.js';
import { documentTitle } from '../lib/format.js';

/** What the last decision did, so it can be undone. */
interface Done {
  text: string;
  undo: () => Promise<void>;
}

/** Members read per click of "Show more" (the API's largest page). */
const MORE = 200;

/** Props: the entity, and a callback after a decision changed the store (the page reloads its data). */
export interface EntityAliasesProps {
  entity: ResolvedEntityRecord;
  /** The first members with their merge reasons, and how many there are (a hub's page lists the first 200). */
  members: EntityMembersPage;
  /** "Showing 200 of 7,354 merged names." when the list was capped. */
  membersNote?: string;
  onChanged(nextId: string): void;
}

/** Aliases, members with their merge reasons, a split button per member and an undo for the last decision. */
export function EntityAliases({ entity, members, membersNote, onChanged }: EntityAliasesProps) {
  const [busy, setBusy] = useState(false);
  // Members read after the first page, and a failure to read them.
  const [more, setMore] = useState<EntityMember[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const rows = more.length > 0 ? [...members.items, ...more] : members.items;
  // A reload after a decision starts the list again from its first page.
  useEffect(() => setMore([]), [members]);
  // Set while the server applies a large split or merge in the background (it answered 202).
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const anchor = entity.members[0] ?? '';

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    } finally {
      setPending(null);
      setBusy(false);
    }
  };

  const split = (member: string): Promise<void> => run(async () => {
    const label = parseMember(member).norm;
    await whenApplied(await splitMember(entity.id, member), () => setPending(`Split of “${label}” recorded: pending, the server is applying it…`));
    setPending(null);
    const staying = rows.find((m) => m.key !== member)?.key ?? anchor;
    const nextId = (await getEntityByMember(staying)) ?? entity.id;
    setDone({
      text: `Split “${label}” out of ${entity.name}.`,
      undo: () => run(async () => {
        const away = await getEntityByMember(member);
        if (!away) throw new Error(`Could not find “${label}” again to merge it back.`);
        await whenApplied(await mergeEntities(nextId, away), () => setPending(`Undo recorded: pending, the server is applying it…`));
        setDone(null);
        onChanged((await getEntityByMember(staying)) ?? nextId);
      }),
    });
    onChanged(nextId);
  });

  const showMore = (): void => {
    setLoadingMore(true);
    getEntityMembers(entity.id, rows.length, MORE).then(
      (page) => { setMore((m) => [...m, ...page.items]); setLoadingMore(false); },
      (err: unknown) => { setError(err instanceof Error ? err.message : String(err)); setLoadingMore(false); },
    );
  };
  return (
    <section className="entity-section" aria-labelledby="names-h">
      <h2 id="names-h">Names and merges</h2>
      {entity.aliases.length > 0 ? <NamesByScript names={[entity.name, ...entity.aliases]} /> : <p className="muted">No other spellings.</p>}
      {done ? (
        <p className="notice" role="status">
          {done.text} <button type="button" className="link-button" disabled={busy} onClick={() => void done.undo()}>Undo</button>
        </p>
      ) : null}
      {pending ? <p className="notice pending" role="status" data-state="pending">{pending}</p> : null}
      {error ? <p className="query-error" role="alert">{error}</p> : null}
      {members.total > 1 ? (
        <table className="table compact members">
          <thead><tr><th>Gathered from</th><th>Why merged</th><th><span className="visually-hidden">Action</span></th></tr></thead>
          <tbody>
            {rows.map(({ key: member, reasons, reasonCount, document }) => {
              const parsed = parseMember(member);
              return (
                <tr key={member}>
                  <td>
                    <bdi>{parsed.norm}</bdi>{' '}
                    <span className="muted small">in </span><Link className="small" dir="auto" href={`/documents/${encodeURIComponent(parsed.documentId)}`}>{document ? documentTitle(document) : `document ${parsed.documentId.slice(0, 8)}`}</Link>
                  </td>
                  <td>
                    {reasonCount === 0 ? <span className="muted">—</span> : reasons.slice(0, 2).map((r, i) => (
                      <div key={i} className="reason">
                        <code>{r.rule}</code> <span className="muted">score {r.score.toFixed(2)}</span>
                        {r.evidence ? <> · <span dir="auto">{r.evidence}</span></> : null}
                      </div>
                    ))}
                    {reasonCount > 2 ? <div className="muted small">and {reasonCount - 2} more pairings</div> : null}
                  </td>
                  <td>
                    <button type="button" className="button small" disabled={busy} onClick={() => void split(member)} title={`Take “${parsed.norm}” from this document out of ${entity.name}`}>
                      Split out
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : <p className="muted">Found as one candidate: nothing was merged.</p>}
      {membersNote && rows.length < members.total ? (
        <p className="side-note members-note">
          {rows.length === members.items.length ? membersNote : `Showing ${rows.length.toLocaleString('en-US')} of ${members.total.toLocaleString('en-US')} merged names.`}{' '}
          <button type="button" className="link-button" disabled={loadingMore} onClick={showMore}>{loadingMore ? 'Loading…' : 'Show more'}</button>
        </p>
      ) : null}
    </section>
  );
}

/** Every name of the entity, one line per script when it is written in more than one ("Latin: …", "Persian: …"). */
function NamesByScript({ names }: { names: string[] }) {
  const groups = namesByScript(names);
  const list = (items: string[]) => items.map((a, i) => <span key={a}>{i > 0 ? ', ' : ''}<bdi dir="auto" className="alias">{a}</bdi></span>);
  if (groups.length === 1) return <p>Also written: {list(names.slice(1))}</p>;
  return (
    <dl className="names-by-script">
      {groups.map((g) => (
        <div key={g.script}>
          <dt>{g.script}</dt>
          <dd>{list(g.names)}</dd>
        </div>
      ))}
    </dl>
  );
}
