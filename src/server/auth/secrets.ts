/** API tokens and session ids: 192 random bits, shown once, stored as SHA-256 digests only. */
import { randomBytes, createHash } from 'node:crypto';

/** Prefix of API tokens, so a leaked one is recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = 'cgt_';

/** A new secret: 24 random bytes (192 bits) as 32 base64url characters. */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** A new API token: its public id (listed, used to revoke) and the secret the client sends. */
export function newApiToken(): { id: string; token: string } {
  const id = randomBytes(6).toString('hex');
  return { id, token: `${TOKEN_PREFIX}${id}_${newSecret()}` };
}

/** SHA-256 hex digest under which a token or session id is stored and looked up. */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds of a duration like "30d", "12h", "90m", "2w"; null when it is not one. */
export function parseDuration(text: string): number | null {
  const m = /^(\d{1,6})([mhdw])$/.exec(text.trim());
  if (!m) return null;
  const ms = Number(m[1]) * UNITS[m[2]!]!;
  return ms > 0 ? ms : null;
}
