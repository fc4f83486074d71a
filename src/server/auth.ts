/**
 * The single `--token`: how strong it must be beyond loopback, and how to make one. Who may do what is decided in
 * auth/ (the gate, users, sessions, scopes).
 */
import { randomBytes } from 'node:crypto';

export { SESSION_COOKIE } from './auth/gate.js';

/** Bits of randomness a token must carry when the server listens beyond loopback. */
export const MIN_TOKEN_BITS = 128;

/** Longest token accepted (the /login link must carry it). */
export const MAX_TOKEN_LENGTH = 200;

/** A random token suitable for `--token` (URL-safe): 24 random bytes, 192 bits, 32 base64url characters. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** How to make a strong token, for messages. */
export const TOKEN_HOWTO = 'make one with `openssl rand -hex 24` or `node -e "console.log(crypto.randomBytes(24).toString(\'base64url\'))"`';

/**
 * Bits a token carries at most if it was drawn at random from the smallest usual alphabet its characters fit:
 * digits 3.3 per character, hex 4, lower-case letters and digits 5.2, base64url 6, other printable ASCII 6.6.
 * "a" x 40 or "abababab…" is not random, so a token with fewer than 8 different characters counts as 0.
 */
export function tokenBits(token: string): number {
  if (new Set(token).size < 8) return 0;
  const alphabets: [RegExp, number][] = [[/^[0-9]+$/, 10], [/^[0-9a-f]+$/i, 16], [/^[0-9a-z]+$/, 36], [/^[A-Za-z0-9_-]+$/, 64], [/^[\x20-\x7e]+$/, 95]];
  const size = alphabets.find(([re]) => re.test(token))?.[1] ?? 95;
  return token.length * Math.log2(size);
}

/** Why `token` cannot guard a server reachable from other machines, or null when it can. */
export function weakTokenProblem(token: string): string | null {
  if (token.length > MAX_TOKEN_LENGTH) return `The token is longer than ${MAX_TOKEN_LENGTH} characters; ${TOKEN_HOWTO}.`;
  const bits = Math.floor(tokenBits(token));
  if (bits >= MIN_TOKEN_BITS) return null;
  return `The token is too weak to guard a server other machines can reach (about ${bits} bits; at least ${MIN_TOKEN_BITS} `
    + `needed, e.g. 22 random base64url or 32 random hex characters): ${TOKEN_HOWTO}, or leave --token out and one is made.`;
}
