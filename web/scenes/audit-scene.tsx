/**
 * Audit scene (/audit, admins): the append-only audit log, newest first: who signed in or failed to, searched, opened,
 * exported, merged, split, reviewed, managed users; filtered by user, action and start date (/audit?user=&action=&since=).
 * The log cannot be changed here.
 */
import { useState, type FormEvent } from 'react';
import { getJson, query } from '../api/client.js';
import { plural } from '../lib/format.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { buildUrl, navigate, type AppLocation } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';
import { useTitle } from '../lib/use-title.js';

/** One audit row as GET /api/audit returns it. */
interface AuditRow { id: number; at: string; user: string | null; address: string; action: string; target: string | null; details: Record<string, unknown> }

const LIMIT = 500;

/** The actions the server and the CLI write, for the filter's suggestions (any text may be typed). */
const ACTIONS = ['login', 'login-failed', 'logout', 'search', 'document', 'entity', 'relation', 'graph', 'timeline', 'export', 'unmask',
  'merge', 'split', 'review', 'relation-added', 'entity-protected', 'entity-unprotected', 'user-created', 'role-changed', 'grant', 'revoke',
  'user-disabled', 'user-enabled', 'user-removed', 'token-created', 'token-revoked'];
const ADMIN_ACTIONS = new Set(['user-created', 'role-changed', 'grant', 'revoke', 'user-disabled', 'user-enabled', 'user-removed', 'token-created', 'token-revoked']);

/** The audit log for the current URL's filters. */
export function AuditScene({ location }: { location: AppLocation }) {
  useTitle('Audit log');
  const user = location.params.get('user') ?? '';
  const action = location.params.get('action') ?? '';
  const since = location.params.get('since') ?? '';
  const [form, setForm] = useState({ user, action, since });
  const rows = useApi(`audit:${user}:${action}:${since}`, (signal) => getJson<{ items: AuditRow[] }>(
    `/api/audit?${query({ user: user || undefined, action: action || undefined, since: since || undefined, limit: LIMIT })}`, signal));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(buildUrl('/audit', { user: form.user.trim() || undefined, action: form.action.trim() || undefined, since: form.since || undefined }));
  };

  let body;
  if (rows.error) body = <ErrorState title="Could not read the audit log (admins only)" error={rows.error} />;
  else if (!rows.data) body = <Loading label="Loading the audit log…" />;
  else if (rows.data.items.length === 0) body = <EmptyState title="No audit rows match"><p>Clear the filters to see every row.</p></EmptyState>;
  else {
    body = (
      <table className="table audit-table">
        <thead><tr><th>Time (UTC)</th><th>User</th><th>Address</th><th>Action</th><th>Target</th><th>Details</th></tr></thead>
        <tbody>
          {rows.data.items.map((r) => (
            <tr key={r.id} className={r.action === 'login-failed' ? 'audit-failed' : ADMIN_ACTIONS.has(r.action) ? 'audit-admin' : undefined}>
              <td>{r.at.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')}</td>
              <td dir="auto">{r.user ?? <span className="muted">—</span>}</td>
              <td>{r.address}</td>
              <td>{r.action}</td>
              <td dir="auto">{r.target ?? ''}</td>
              <td className="audit-details" dir="auto">{Object.keys(r.details).length > 0 ? JSON.stringify(r.details) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <div className="scene">
      <div className="scene-header">
        <h1>Audit log</h1>
        {rows.data ? <span className="muted">{rows.data.items.length >= LIMIT ? `newest ${LIMIT} rows` : plural(rows.data.items.length, 'row')}</span> : null}
        <form className="audit-filters" onSubmit={submit}>
          <label>User <input name="user" value={form.user} onChange={(e) => setForm({ ...form, user: e.target.value })} maxLength={100} /></label>
          <label>Action <input name="action" list="audit-actions" value={form.action} onChange={(e) => setForm({ ...form, action: e.target.value })} maxLength={40} size={12} /></label>
          <datalist id="audit-actions">{ACTIONS.map((a) => <option key={a} value={a} />)}</datalist>
          <label>Since <input type="date" value={form.since} onChange={(e) => setForm({ ...form, since: e.target.value })} /></label>
          <button type="submit">Filter</button>
        </form>
      </div>
      {body}
    </div>
  );
}
