/**
 * Browser-facing defences on every response: Host allow-list (DNS rebinding), security headers (framing, sniffing,
 * referrers, a Content-Security-Policy that lets the page run only its own files) and an Origin check on writes (CSRF).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hostHeaderName, type HostPolicy } from './hosts.js';

// The workbench runs only its own bundled scripts and worker (web/graph/layout-worker), styles and data: images, and
// talks only to its own origin; no page may frame it.
const APP_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Swagger UI (/api/docs) sets inline styles from its script; everything else is as strict as the app's.
const DOCS_POLICY = APP_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

// A dossier page (routes/views.ts) is one file with its style inline: it may load nothing at all, and run nothing.
const DOSSIER_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The Content-Security-Policy sent with a response to `path` (the API docs and dossiers need inline styles, nothing else does). */
export function contentSecurityPolicy(path: string): string {
  if (/^\/api\/views\/\d+\/dossier$/u.test(path)) return DOSSIER_POLICY;
  return path === '/api/docs' || path.startsWith('/api/docs/') ? DOCS_POLICY : APP_POLICY;
}

/** Headers sent with every response, whatever its route or status. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on form posts (the sign-in form), which the
  // Origin check must refuse; other sites still get no referrer.
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** host[:port] of an Origin or Referer URL with its default port left out, or null when it is not an http(s) URL. */
function urlHost(value: string): { host: string; name: string; protocol: string } | null {
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return { host: u.host, name: u.hostname.replace(/^\[|\]$/g, ''), protocol: u.protocol };
  } catch {
    return null;
  }
}

/**
 * Why a write must be refused, or null: its Origin (else Referer) must be this very server as the request addressed it
 * (same host and port), or a name given with --allowed-host (a proxy in front); a browser that sends neither but says
 * the request is cross-site is refused too. Clients that send none of these (curl, scripts) pass: the token guards them.
 */
export function crossOriginProblem(req: FastifyRequest, policy: HostPolicy): string | null {
  const origin = req.headers.origin;
  const referer = req.headers.referer;
  const claimed = origin ?? referer;
  if (claimed === undefined) {
    const site = req.headers['sec-fetch-site'];
    return site === 'cross-site' || site === 'same-site' ? `a ${site} request without an Origin` : null;
  }
  const from = urlHost(claimed);
  if (!from) return `Origin "${claimed}"`;
  const self = urlHost(`${from.protocol}//${req.headers.host ?? ''}`);
  if (self && self.host === from.host) return null;
  if (policy.named.has(from.name)) return null;
  return `Origin ${from.protocol}//${from.host}`;
}

function refuse(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  return reply.status(status).type('application/json; charset=utf-8').send({ error, message });
}

/** Adds the Host check and the Origin check (onRequest, before any route or the token) and the headers (onSend). */
export function applySecurity(app: FastifyInstance, policy: HostPolicy): void {
  app.addHook('onRequest', async (req, reply) => {
    const name = hostHeaderName(req.headers.host);
    if (name === null || !policy.names.has(name)) {
      const shown = JSON.stringify(String(req.headers.host ?? '').slice(0, 100));
      return refuse(reply, 421, 'misdirected', `This server does not answer for the host name ${shown}. `
        + 'If that is how people reach it, restart it with --allowed-host NAME (cablegraph serve --help).');
    }
    if (WRITES.has(req.method)) {
      const problem = crossOriginProblem(req, policy);
      if (problem) {
        return refuse(reply, 403, 'cross-origin', `Refused ${req.method}: ${problem} is not this server. `
          + 'Changes are accepted only from the workbench itself, or from clients that send no Origin.');
      }
    }
  });
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('content-security-policy', contentSecurityPolicy(req.url.split('?')[0]!));
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    return payload;
  });
}
