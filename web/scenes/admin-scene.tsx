/**
 * Admin scene (/admin, admins): users with their role and collections, adding a user, changing a role, granting or
 * revoking a collection, disabling or removing a user; API tokens listed, revoked and created (a new token is shown
 * once). Every change goes through /api/admin (the same operations as `cablegraph users|tokens`) and is audited.
 */
import { useState } from 'react';
import { listTokens, listUsers } from '../api/admin-client.js';
import { ApiError } from '../api/client.js';
import { AddUserForm } from '../components/admin-add-user.js';
import { TokensPanel } from '../components/admin-tokens.js';
import { UsersTable } from '../components/admin-users.js';
import { ErrorState, Loading } from '../components/states.js';
import { Link } from '../lib/router.js';
import { plural } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';
import { useTitle } from '../lib/use-title.js';

/** Runs a change and reports it: resolves true when it worked. */
export type Act = (done: string, change: () => Promise<unknown>) => Promise<boolean>;

/** The admin page. */
export function AdminScene() {
  useTitle('Users and tokens');
  const [version, setVersion] = useState(0);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const users = useApi(`admin-users:${version}`, (signal) => listUsers(signal));
  const tokens = useApi(`admin-tokens:${version}`, (signal) => listTokens(signal));
  const act: Act = async (done, change) => {
    try {
      await change();
      setOutcome({ ok: true, text: done });
      return true;
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof ApiError ? error.message : String(error) });
      return false;
    } finally {
      setVersion((v) => v + 1);
    }
  };

  if (users.error && !users.data) return <div className="scene"><ErrorState title="Could not list users (admins only)" error={users.error} /></div>;
  if (!users.data) return <div className="scene"><Loading label="Loading users…" /></div>;
  const { collections } = users.data;
  return (
    <div className="scene admin">
      <div className="scene-header">
        <h1>Users and tokens</h1>
        <span className="muted">{plural(users.data.users.length, 'user')} · every change is in the <Link href="/audit">audit log</Link></span>
      </div>
      {outcome ? <p className={outcome.ok ? 'notice' : 'query-error'} role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p> : null}
      <UsersTable users={users.data.users} collections={collections} you={users.data.you} act={act} />
      <AddUserForm act={act} first={users.data.users.length === 0 && users.data.you === null} />
      <TokensPanel tokens={tokens.data?.tokens ?? null} users={users.data.users.filter((u) => !u.disabled).map((u) => u.name)} act={act} />
    </div>
  );
}
