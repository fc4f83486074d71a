/** The admin page's API tokens: listed (never the secret), revoked, and created with the new token shown once. */
import { useState, type FormEvent } from 'react';
import { createToken, revokeToken, type AdminToken } from '../api/admin-client.js';
import type { Act } from '../scenes/admin-scene.js';

const when = (iso: string | null): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

/** Tokens table and the form that makes one. */
export function TokensPanel({ tokens, users, act }: { tokens: AdminToken[] | null; users: string[]; act: Act }) {
  const [user, setUser] = useState('');
  const [expires, setExpires] = useState('30d');
  const [fresh, setFresh] = useState<{ id: string; user: string; token: string } | null>(null);
  const chosen = user || users[0] || '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await act(`Made a token for ${chosen}.`, async () => {
      const made = await createToken(chosen, expires.trim());
      setFresh({ id: made.record.id, user: chosen, token: made.token });
    });
  };
  return (
    <section className="admin-section" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      {fresh ? (
        <div className="notice token-once" role="status">
          <p>Token {fresh.id} for {fresh.user}. Copy it now: it is shown only this once and cannot be read back.</p>
          <code className="token-value">{fresh.token}</code>{' '}
          <button type="button" className="button small" onClick={() => setFresh(null)}>Done</button>
        </div>
      ) : null}
      {users.length > 0 ? (
        <form className="admin-form" onSubmit={submit}>
          <label>For{' '}
            <select name="token-user" value={chosen} onChange={(e) => setUser(e.target.value)}>
              {users.map((u) => <option key={u} value={u}>{u}</option>)}
            </select>
          </label>
          <label>Lifetime <input name="token-expires" value={expires} onChange={(e) => setExpires(e.target.value)} maxLength={10} placeholder="none" pattern="\d{1,6}[mhdw]" title="90m, 12h, 30d or 2w; empty: no expiry" size={6} /></label>
          <button type="submit" className="button">Create token</button>
        </form>
      ) : null}
      {tokens === null ? null : tokens.length === 0 ? <p className="muted">No tokens.</p> : (
        <table className="table admin-tokens">
          <thead><tr><th>Id</th><th>User</th><th>Created</th><th>Expires</th><th>State</th><th /></tr></thead>
          <tbody>
            {tokens.map((t) => {
              const expired = t.expires !== null && Date.parse(t.expires) <= Date.now();
              return (
                <tr key={t.id} data-token={t.id}>
                  <td><code>{t.id}</code></td>
                  <td dir="auto">{t.userName}</td>
                  <td>{when(t.created)}</td>
                  <td>{t.expires ? when(t.expires) : 'never'}</td>
                  <td>{t.revoked ? 'revoked' : expired ? 'expired' : 'active'}</td>
                  <td>{t.revoked ? null : (
                    <button type="button" className="button small" onClick={() => void act(`Revoked token ${t.id}.`, () => revokeToken(t.id))}>Revoke</button>
                  )}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
