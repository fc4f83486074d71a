/**
 * Which Host names the server answers for. A browser page on another name that DNS "rebinds" to this machine sends its
 * own name as Host, so answering only the names the server was started for shuts that door (and loopback needs no token).
 */
import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';

/** The names requests may be addressed to, lower case, IPv6 without brackets. */
export interface HostPolicy {
  /** Every name the Host header may carry. */
  names: ReadonlySet<string>;
  /** Names given with --allowed-host: also trusted as the Origin of a write from another port or scheme (a proxy). */
  named: ReadonlySet<string>;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
const WILDCARDS = new Set(['', '0.0.0.0', '::', '[::]']);

/** True for addresses and names that only this machine can reach: 127.0.0.0/8, ::1, ::ffff:127.x, localhost. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * A name as a Host header or URL carries it, canonical (lower case, IPv6 compressed, no brackets), or null when it is
 * not a bare name: "LocalHost" -> "localhost", "[0:0::1]" -> "::1", "evil.test/x" or "a:80" -> null.
 */
export function canonicalHostName(name: string): string | null {
  const raw = name.trim();
  const bare = isIP(raw) === 6 ? `[${raw}]` : raw;
  if (!/^(\[[0-9a-f:.]+\]|[^\s/\\?#@:[\]%]+)$/i.test(bare)) return null;
  try {
    return new URL(`http://${bare}/`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
}

/** The name in a Host header ("example.test:7878" -> "example.test", "[::1]:80" -> "::1"), or null when malformed. */
export function hostHeaderName(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^(\[[0-9a-f:.]+\]|[^\s/\\?#@:[\]%]+)(?::\d{1,5})?$/i.exec(header.trim());
  return m ? canonicalHostName(m[1]!) : null;
}

/** Every address of this machine's interfaces, for a server bound to all of them. */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address));
}

/**
 * The names a server bound to `bind` answers for: the bind address, localhost and the loopback addresses (when bound
 * to loopback or to every interface), every interface address and the machine's name (and name.local, mDNS) for a
 * wildcard bind, and `extra`
 * (from --allowed-host). Throws on an extra name that is not a bare host name.
 */
export function hostPolicy(bind: string, extra: readonly string[] = []): HostPolicy {
  const names = new Set<string>(['localhost']);
  const b = bind.trim().toLowerCase();
  const machine = hostname();
  const own = WILDCARDS.has(b) ? [...LOOPBACK_NAMES, ...interfaceAddresses(), machine, `${machine}.local`] : isLoopback(b) ? LOOPBACK_NAMES : [];
  // The bind address itself too, even a wildcard: the link `serve` prints names it.
  for (const n of [...own, b]) if (n) names.add(canonicalHostName(n) ?? n.toLowerCase());
  const named = new Set<string>();
  for (const e of extra) {
    const n = canonicalHostName(e);
    if (!n) throw new Error(`--allowed-host takes a bare host name such as cables.example.org or 10.0.0.5 (no scheme, port or path), got "${e}".`);
    named.add(n);
    names.add(n);
  }
  return { names, named };
}
