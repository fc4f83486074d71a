/** The HTTP server: a JSON API under /api (validated, documented at /api/docs) and the built web app. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyError, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Store, Scope } from '../store/store.js';
import { ALL_COLLECTIONS } from '../store/store.js';
import { QuerySyntaxError } from '../store/query.js';
import { packageRoot } from './package-root.js';
import { weakTokenProblem } from './auth.js';
import { installAuth } from './auth/install.js';
import { auditWriter } from './auth/audit.js';
import { readScope, type Principal } from './auth/principal.js';
import type { LoginOptions } from './auth/login.js';
import type { FailureLimitOptions } from './rate-limit.js';
import { hostPolicy, isLoopback } from './hosts.js';
import { applySecurity } from './security.js';
import { searchRoutes } from './routes/search.js';
import { documentRoutes } from './routes/documents.js';
import { statsRoutes } from './routes/stats.js';
import { exportRoutes } from './routes/export.js';
import { networkRoutes } from './routes/network.js';
import { decisionRoutes } from './routes/decisions.js';
import { reviewRoutes } from './routes/review.js';
import { mergeReviewRoutes } from './routes/review-merges.js';
import { auditRoutes } from './routes/audit.js';
import { adminRoutes } from './routes/admin.js';
import { protectRoutes } from './routes/protect.js';
import { handMadeRoutes } from './routes/hand-made.js';
import { gradeRoutes } from './routes/grades.js';
import { noteRoutes } from './routes/notes.js';
import { viewRoutes } from './routes/views.js';
import { tagRoutes } from './routes/tags.js';
import { installProtection } from './protection.js';
import { DecisionJobs, type DecisionJobOptions } from '../network/decision-jobs.js';
import type { RouteContext } from './context.js';

export type { RouteContext } from './context.js';

/** Options for buildApp. */
export interface AppOptions {
  store: Store;
  /** Folder of the built web app; default web/dist in the package. Absent: the API alone is served. */
  webRoot?: string;
  /** Collections requests may see; access control will narrow this per user. */
  scope?: Scope;
  /** Log requests (the CLI turns this on). */
  logger?: boolean;
  /** When set, every request must carry this token (see auth.ts). */
  token?: string;
  /** Address the server listens on, which decides the Host names it answers for (hosts.ts); default 127.0.0.1. */
  bindHost?: string;
  /** More Host names to answer for (`--allowed-host`), e.g. the name of a reverse proxy in front. */
  allowedHosts?: readonly string[];
  /** Limits on wrong tokens per client address (rate-limit.ts); tests pass a fake clock. */
  authLimit?: FailureLimitOptions;
  /** Sign-in: session lifetime, limits on failed logins (per account and address), Secure cookies behind a TLS proxy. */
  login?: LoginOptions;
  /** Clock in ms for session and token expiry (tests pass a fake one). */
  now?: () => number;
  /** Rows the audit log keeps before dropping the oldest (default DEFAULT_AUDIT_MAX_ROWS); `false` records nothing. */
  audit?: { maxRows?: number } | false;
  /** Merges and splits of entities with more member candidates than this are applied by a background job (default 2,000). */
  decisionSyncLimit?: number;
  /** Options of the background decision jobs (tests hold a job with them). */
  decisionJobs?: DecisionJobOptions;
}

const NOBODY: Principal = { name: null, role: 'viewer', read: [], write: [] };

/** Builds the app without listening, so tests can call it with inject(). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const bindHost = options.bindHost ?? '127.0.0.1';
  const weak = options.token && !isLoopback(bindHost) ? weakTokenProblem(options.token) : null;
  if (weak) throw new Error(weak);
  const app = Fastify({ logger: options.logger ?? false, ajv: { customOptions: { coerceTypes: true, removeAdditional: false } } });
  const jobs = new DecisionJobs(options.store, { onError: (err, collection) => app.log.error({ err, collection }, 'applying decisions failed'), ...options.decisionJobs });
  if (!options.token && !isLoopback(bindHost) && !(await options.store.trust.hasUsers())) {
    throw new Error('Beyond loopback the server needs a token or users who sign in (cablegraph users add).');
  }
  const audit = auditWriter(options.store, { enabled: options.audit !== false, maxRows: options.audit ? options.audit.maxRows : undefined, now: options.now });
  const base = options.scope ?? ALL_COLLECTIONS;
  // The one place a request's collections are decided: the caller the gate found, narrowed by the server's scope.
  // Fail closed: a request the gate did not see (none reaches a route) would see nothing.
  const caller = (req: FastifyRequest): Principal => req.caller ?? NOBODY;
  const ctx: RouteContext = {
    store: options.store, scope: (req) => readScope(base, caller(req)), caller, audit, jobs, decisionSyncLimit: options.decisionSyncLimit,
  };
  // First of all hooks: a request for another Host name or a cross-origin write is refused before any secret is looked at.
  applySecurity(app, hostPolicy(bindHost, options.allowedHosts));
  installAuth(app, options.store, audit, { token: options.token, limit: options.authLimit, now: options.now, ...options.login });
  // Decisions a crash or a restart left pending are applied again; closing waits for jobs under way. A store that
  // cannot be read at start is logged, not fatal: every route then answers 500 with the cause in the log.
  app.addHook('onReady', async () => {
    await jobs.recover().catch((err: unknown) => app.log.error({ err }, 'recovering pending decisions failed'));
  });
  app.addHook('onClose', () => jobs.idle());

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Cablegraph API', version: '1', description: 'Search documents and read the network extracted from them. Every fact cites its evidence.' },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err instanceof QuerySyntaxError) return reply.status(400).send({ error: 'bad-query', message: err.message });
    if (err.validation) return reply.status(400).send({ error: 'bad-request', message: `Invalid ${err.validationContext ?? 'request'}: ${err.message}` });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return reply.status(err.statusCode).send({ error: 'bad-request', message: err.message });
    app.log.error(err);
    return reply.status(500).send({ error: 'internal', message: 'Internal error; the server log has details.' });
  });

  await app.register(async (api) => {
    searchRoutes(api, ctx);
    documentRoutes(api, ctx);
    statsRoutes(api, ctx);
    exportRoutes(api, ctx);
    networkRoutes(api, ctx);
    decisionRoutes(api, ctx);
    reviewRoutes(api, ctx);
    mergeReviewRoutes(api, ctx);
    auditRoutes(api, ctx);
    adminRoutes(api, ctx);
    protectRoutes(api, ctx);
    handMadeRoutes(api, ctx);
    gradeRoutes(api, ctx);
    noteRoutes(api, ctx);
    tagRoutes(api, ctx);
    viewRoutes(api, ctx);
    installProtection(api, ctx);
  }, { prefix: '/api' });

  const webRoot = options.webRoot ?? join(packageRoot(), 'web', 'dist');
  const hasWeb = existsSync(join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes (/documents/abc) get the app; unknown API paths get a JSON 404.
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api')) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({ error: 'not-found', message: `No route for ${req.method} ${req.url.split('?')[0]}` });
  });
  return app;
}
