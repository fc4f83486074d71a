/** The admin page's users table: role, collections (read or write) with grant and revoke, sign-ins, disable and remove. */
import { useState, type FormEvent } from 'react';
import { grant, removeUser, revoke, setDisabled, setRole, type AdminUser } from '../api/admin-client.js';
import type { Act } from '../scenes/admin-scene.js';

const when = (iso: string | null): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

/** Grants one more collection to a user: read, or read and write. */
function GrantForm({ user, collections, act }: { user: AdminUser; collections: string[]; act: Act }) {
  const open = collections.filter((c) => !user.grants.some((g) => g.collection === c));
  const [collection, setCollection] = useState('');
  const [access, setAccess] = useState('read');
  const chosen = collection || open[0] || '';
  if (open.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void act(`${user.name} may now ${access === 'write' ? 'read and change' : 'read'} ${chosen}.`, () => grant(user.name, chosen, access === 'write'));
  };
  return (
    <form className="grant-form" onSubmit={submit}>
      <select aria-label={`Collection to grant ${user.name}`} value={chosen} onChange={(e) => setCollection(e.target.value)}>
        {open.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
      <select aria-label={`Access of ${user.name}`} value={access} onChange={(e) => setAccess(e.target.value)}>
        <option value="read">read</option>
        <option value="write">write</option>
      </select>
      <button type="submit" className="button small">Grant</button>
    </form>
  );
}

/** One row a user; `you` (the signed-in admin) cannot demote, disable or remove themselves here. */
export function UsersTable({ users, collections, you, act }: { users: AdminUser[]; collections: string[]; you: string | null; act: Act }) {
  if (users.length === 0) return <p className="muted">No users yet: this server asks nobody to sign in (loopback only, or with its single token).</p>;
  return (
    <table className="table admin-users">
      <thead><tr><th>Name</th><th>Role</th><th>Collections</th><th>Created</th><th>Last sign-in</th><th>Account</th></tr></thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} data-user={u.name} className={u.disabled ? 'admin-disabled' : undefined}>
            <td dir="auto">{u.name}</td>
            <td>
              <select aria-label={`Role of ${u.name}`} value={u.role} disabled={u.name === you} title={u.name === you ? 'Another admin must change your role' : undefined} onChange={(e) => {
                const role = e.target.value;
                void act(`${u.name} is now ${role}.`, () => setRole(u.name, role));
              }}>
                <option value="viewer">viewer</option>
                <option value="editor">editor</option>
                <option value="admin">admin</option>
              </select>
            </td>
            <td>
              {u.role === 'admin' ? <span className="muted">all collections</span> : (
                <>
                  <ul className="grant-list">
                    {u.grants.length === 0 ? <li className="muted">none</li> : null}
                    {u.grants.map((g) => (
                      <li key={g.collection}>
                        <span dir="auto">{g.collection}</span> <span className="muted">{g.write ? (u.role === 'editor' ? 'write' : 'write (editors only)') : 'read'}</span>{' '}
                        <button type="button" className="link-button" aria-label={`Revoke ${g.collection} from ${u.name}`}
                          onClick={() => void act(`${u.name} may no longer see ${g.collection}.`, () => revoke(u.name, g.collection))}>revoke</button>
                      </li>
                    ))}
                  </ul>
                  <GrantForm user={u} collections={collections} act={act} />
                </>
              )}
            </td>
            <td>{when(u.created)}</td>
            <td>{when(u.lastLogin)}</td>
            <td className="admin-actions">
              {u.disabled ? <span className="admin-status">disabled</span> : null}
              {u.name === you ? <span className="muted">you</span> : (
                <>
                  <button type="button" className="button small" onClick={() => void act(`${u.name} is ${u.disabled ? 'enabled' : 'disabled'}.`, () => setDisabled(u.name, !u.disabled))}>
                    {u.disabled ? 'Enable' : 'Disable'}
                  </button>
                  <button type="button" className="button small danger" onClick={() => {
                    if (window.confirm(`Remove ${u.name} with their grants and tokens? The audit log keeps what they did.`)) void act(`Removed ${u.name}.`, () => removeUser(u.name));
                  }}>Remove</button>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
