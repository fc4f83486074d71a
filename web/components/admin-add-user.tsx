/** The admin page's form to add a user: name, role, and the initial password typed twice (never shown back). */
import { useState, type FormEvent } from 'react';
import { addUser } from '../api/admin-client.js';
import type { Act } from '../scenes/admin-scene.js';

const MIN_PASSWORD = 10;

/** Adds a user; `first` (a server nobody signs in to, no users yet) warns that the first user makes everyone sign in. */
export function AddUserForm({ act, first }: { act: Act; first: boolean }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState(first ? 'admin' : 'viewer');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const problem = password && password.length < MIN_PASSWORD ? `At least ${MIN_PASSWORD} characters.`
    : again && again !== password ? 'The two passwords differ.' : '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem || !password || password !== again) return;
    const added = await act(`Added ${name.trim()} (${role}).`, () => addUser(name.trim(), role, password));
    // The password leaves the page either way: a retry types it again.
    setPassword('');
    setAgain('');
    if (added) setName('');
    // The first user closes a server nobody signed in to: from now on this browser must sign in too.
    if (added && first) window.location.assign('/login?next=%2Fadmin');
  };
  return (
    <section className="admin-section" aria-labelledby="add-user-title">
      <h2 id="add-user-title">Add a user</h2>
      {first ? <p className="muted">The first user must be an admin; from then on everyone signs in.</p> : null}
      <form className="admin-form" onSubmit={submit}>
        <label>Name <input name="new-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} pattern="[\p{L}\p{N}._@\-]+" autoComplete="off" /></label>
        <label>Role{' '}
          <select name="new-role" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="viewer">viewer</option>
            <option value="editor">editor</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <label>Password <input name="new-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required minLength={MIN_PASSWORD} maxLength={1000} autoComplete="new-password" /></label>
        <label>Repeat <input name="new-password-again" type="password" value={again} onChange={(e) => setAgain(e.target.value)} required maxLength={1000} autoComplete="new-password" aria-invalid={problem ? true : undefined} /></label>
        <button type="submit" className="button primary" disabled={!name.trim() || !password || password !== again || Boolean(problem)}>Add user</button>
      </form>
      {problem ? <p className="field-error" role="alert">{problem}</p> : null}
    </section>
  );
}
