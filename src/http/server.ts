import type { Server } from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import type { HttpSettings } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { Inbox } from '../pipeline/inbox.ts';
import type { UnavailableNotice } from '../pipeline/unavailable-notice.ts';
import type { Messenger } from '../platforms/types.ts';
import { registerWebhook } from './webhooks.ts';
import { registerTipsApi } from './tips-api.ts';
import { registerPhotoLinks, type FetchFile } from './photos.ts';
import { registerMetrics } from './metrics-route.ts';
import { registerConsole, type ConsoleDeps } from './console/routes.ts';
import type { Db } from '../db/client.ts';
import type { Pii } from '../security/pii.ts';
import { withTimeout } from '../timeout.ts';
import { registerWebChat, type WebChatDeps } from './webchat/routes.ts';
import { loadConsoleAssets } from './console/assets.ts';

export interface HttpDeps {
  log: Logger;
  metrics: Metrics;
  messengers: Messenger[];
  inbox: Inbox;
  unavailable: UnavailableNotice;
  /** The staff API and photo links need the database and the key to personal data. */
  api: { db: Db; pii: Pii };
  /** Where photo links get a photo's bytes (the messenger that keeps it), if any does. */
  fetchFile?: FetchFile;
  /** The web console's texts and public address (its database and key are the API's). */
  console: Pick<
    ConsoleDeps,
    | 'i18n'
    | 'publicUrl'
    | 'assets'
    | 'policy'
    | 'enqueue'
    | 'wake'
    | 'ageRedMinutes'
    | 'queues'
    | 'arrivals'
    | 'tiles'
    | 'botUsername'
  >;
  /** Why the process cannot make progress, if it cannot (read from memory: /healthz stays cheap). */
  stall: () => string | undefined;
  /** Resolves when PostgreSQL and Redis both answer. */
  checks: Record<string, () => Promise<unknown>>;
  /**
   * What /readyz tells beside the checks without turning not-ready (the Zalo OA's token: without one the
   * webhooks still store every event and the other messengers still work; only OA sends wait).
   */
  details?: Record<string, () => Promise<unknown>>;
  settings: HttpSettings;
  /** The web chat, where this process takes updates. */
  webChat?: Pick<WebChatDeps, 'messages' | 'settings'>;
}

/** Routes other than the webhooks take no body worth more than this. */
const OTHER_BODY_LIMIT = 16 * 1024;

/**
 * How long a client may take: headers, the whole request, silence. Node checks the
 * first two only every `connectionsCheckingInterval` (30 s by default), hence 0.5 s.
 */
export function clientLimits(s: HttpSettings): FastifyHttpOptions<Server> {
  return {
    connectionTimeout: s.HTTP_IDLE_TIMEOUT_SECONDS * 1000,
    keepAliveTimeout: s.HTTP_IDLE_TIMEOUT_SECONDS * 1000,
    requestTimeout: s.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
    http: { headersTimeout: s.HTTP_HEADERS_TIMEOUT_SECONDS * 1000, connectionsCheckingInterval: 500 },
    bodyLimit: OTHER_BODY_LIMIT,
  };
}

export function buildHttpServer(deps: HttpDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    // Per-request lines would log every update; failures are logged where they happen.
    logController: new LogController({ disableRequestLogging: true }),
    ...clientLimits(deps.settings),
  });

  // Bad input is the caller's problem (4xx); anything else is ours and logged.
  app.setErrorHandler((err: { statusCode?: number; message: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'request failed');
    return reply.code(status).send({ error: status === 500 ? 'internal error' : err.message });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'not found' }));

  for (const messenger of deps.messengers.filter((m) => !m.ownRoutes))
    registerWebhook(
      app,
      messenger,
      deps.inbox,
      deps.unavailable,
      deps.log,
      deps.settings.WEBHOOK_BODY_LIMIT_KIB * 1024,
    );

  registerTipsApi(app, deps.api.db, deps.api.pii);
  registerPhotoLinks(app, deps.api.db, deps.api.pii, deps.fetchFile);
  const assets = deps.console.assets ?? loadConsoleAssets();
  registerConsole(app, {
    ...deps.api,
    ...deps.console,
    assets,
    fetchFile: deps.fetchFile,
    health: () => readiness(deps),
  });
  if (deps.webChat)
    registerWebChat(app, {
      ...deps.api,
      ...deps.webChat,
      i18n: deps.console.i18n,
      log: deps.log,
      inbox: deps.inbox,
      assets,
    });

  // Liveness: 503 once the process has been unable to make progress for the configured time, so a
  // supervisor restarts it; a short database outage alone shows in /readyz instead.
  app.get('/healthz', async (_req, reply) => {
    const stall = deps.stall();
    return stall ? reply.code(503).send({ status: 'stalled', reason: stall }) : { status: 'ok' };
  });

  app.get('/readyz', async (_req, reply) => {
    const { ready, ...body } = await readiness(deps);
    return reply.code(ready ? 200 : 503).send(body);
  });

  // With a port of its own, /metrics is served there only (see buildMetricsServer).
  if (deps.settings.METRICS_PORT === undefined) registerMetrics(app, deps.metrics, deps.settings.METRICS_TOKEN);

  return app;
}

/** What /readyz answers (and the console's health panel shows): each check's state and the details. */
async function readiness(deps: Pick<HttpDeps, 'checks' | 'details'>): Promise<Readiness> {
  const results = await Promise.all(
    Object.entries(deps.checks).map(async ([name, check]) => {
      try {
        await withTimeout(check(), 2000);
        return [name, 'ok'] as const;
      } catch {
        return [name, 'down'] as const;
      }
    }),
  );
  const ready = results.every(([, state]) => state === 'ok');
  const details = await Promise.all(
    Object.entries(deps.details ?? {}).map(async ([name, detail]) => [
      name,
      await withTimeout(detail(), 2000).catch(() => 'unknown'),
    ]),
  );
  return {
    ready,
    status: ready ? 'ready' : 'not ready',
    ...Object.fromEntries(results),
    ...Object.fromEntries(details),
  };
}

export type Readiness = { ready: boolean; status: string } & Record<string, unknown>;

/** /metrics alone, for METRICS_PORT: a listener that can stay on a private interface. */
export function buildMetricsServer(deps: Pick<HttpDeps, 'log' | 'metrics' | 'settings'>): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    ...clientLimits(deps.settings),
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'not found' }));
  registerMetrics(app, deps.metrics, deps.settings.METRICS_TOKEN);
  return app;
}
