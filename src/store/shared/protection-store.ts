/**
 * The ProtectionStore both engines share: plain SQL with `?` placeholders over the trust executor (flags as 0/1, times
 * as ISO text). A protected entity has a handful of member keys, so keys are written one statement each.
 */
import type { ProtectionStore, ProtectionRecord, ProtectedKey, PseudonymKind } from '../protection.js';
import type { TrustSql } from './trust-store.js';

interface ProtectionRow { id: number | string; collection: string; kind: PseudonymKind; number: number | string; at: string; by_name: string | null }

const toRecord = (r: ProtectionRow): ProtectionRecord => ({
  id: Number(r.id), collection: r.collection, kind: r.kind, number: Number(r.number), at: r.at, by: r.by_name,
});
const COLUMNS = 'p.id, p.collection, p.kind, p.number, p.at, p.by_name';

/** The shared implementation over an engine's executor. */
export class SqlProtectionStore implements ProtectionStore {
  constructor(private readonly sql: TrustSql) {}

  async protect(collection: string, keys: readonly string[], kind: PseudonymKind, by: string | null): Promise<ProtectionRecord> {
    const protection = (await this.existing(collection, keys)) ?? (await this.create(collection, kind, by));
    for (const key of keys) {
      await this.sql.run(`INSERT INTO protected_keys (collection, candidate_key, protection_id, active) VALUES (?, ?, ?, 1)
        ON CONFLICT (collection, candidate_key) DO UPDATE SET active = 1`, [collection, key, protection.id]);
    }
    return protection;
  }

  async unprotect(collection: string, keys: readonly string[]): Promise<number> {
    let changed = 0;
    for (const key of keys) {
      changed += await this.sql.run('UPDATE protected_keys SET active = 0 WHERE collection = ? AND candidate_key = ? AND active = 1', [collection, key]);
    }
    return changed;
  }

  async activeKeys(collections: readonly string[] | '*'): Promise<ProtectedKey[]> {
    const rows = await this.sql.all<ProtectionRow & { candidate_key: string }>(`SELECT k.candidate_key, ${COLUMNS}
      FROM protected_keys k JOIN protections p ON p.id = k.protection_id WHERE k.active = 1 ORDER BY p.id, k.candidate_key`, []);
    const wanted = collections === '*' ? null : new Set(collections);
    return rows.filter((r) => !wanted || wanted.has(r.collection)).map((r) => ({ collection: r.collection, key: r.candidate_key, protection: toRecord(r) }));
  }

  /** The lowest protection any of the keys had, active or not. */
  private async existing(collection: string, keys: readonly string[]): Promise<ProtectionRecord | null> {
    let best: ProtectionRecord | null = null;
    for (const key of keys) {
      const [row] = await this.sql.all<ProtectionRow>(`SELECT ${COLUMNS} FROM protected_keys k JOIN protections p ON p.id = k.protection_id
        WHERE k.collection = ? AND k.candidate_key = ?`, [collection, key]);
      if (row && (!best || Number(row.id) < best.id)) best = toRecord(row);
    }
    return best;
  }

  /** A new protection numbered after the last of its kind; two writers racing for a number retry on the unique index. */
  private async create(collection: string, kind: PseudonymKind, by: string | null): Promise<ProtectionRecord> {
    for (let attempt = 0; ; attempt++) {
      try {
        const [row] = await this.sql.all<ProtectionRow>(`INSERT INTO protections (collection, kind, number, at, by_name)
          SELECT ?, ?, coalesce(max(number), 0) + 1, ?, ? FROM protections WHERE collection = ? AND kind = ?
          RETURNING id, collection, kind, number, at, by_name`, [collection, kind, new Date().toISOString(), by, collection, kind]);
        return toRecord(row!);
      } catch (err) {
        if (!this.sql.isUniqueViolation(err) || attempt >= 5) throw err;
      }
    }
  }
}
