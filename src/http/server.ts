import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { Inbox } from '../pipeline/inbox.ts';
import type { UnavailableNotice } from '../pipeline/unavailable-notice.ts';
import type { Messenger } from '../platforms/types.ts';
import { registerWebhook } from './webhooks.ts';
import { registerTipsApi } from './tips-api.ts';
import type { Db } from '../db/client.ts';
import type { Pii } from '../security/pii.ts';
import { withTimeout } from '../timeout.ts';

export interface HttpDeps {
  log: Logger;
  metrics: Metrics;
  messengers: Messenger[];
  inbox: Inbox;
  unavailable: UnavailableNotice;
  /** The staff API needs the database and the key to personal data. */
  api: { db: Db; pii: Pii };
  /** Why the process cannot make progress, if it cannot (read from memory: /healthz stays cheap). */
  stall: () => string | undefined;
  /** Resolves when PostgreSQL and Redis both answer. */
  checks: Record<string, () => Promise<unknown>>;
}

export function buildHttpServer(deps: HttpDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    // Per-request lines would log every update; failures are logged where they happen.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
  });

  // Bad input is the caller's problem (4xx); anything else is ours and logged.
  app.setErrorHandler((err: { statusCode?: number; message: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'request failed');
    return reply.code(status).send({ error: status === 500 ? 'internal error' : err.message });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'not found' }));

  for (const messenger of deps.messengers) registerWebhook(app, messenger, deps.inbox, deps.unavailable, deps.log);

  registerTipsApi(app, deps.api.db, deps.api.pii);

  // Liveness: 503 once the process has been unable to make progress for the configured time, so a
  // supervisor restarts it; a short database outage alone shows in /readyz instead.
  app.get('/healthz', async (_req, reply) => {
    const stall = deps.stall();
    return stall ? reply.code(503).send({ status: 'stalled', reason: stall }) : { status: 'ok' };
  });

  app.get('/readyz', async (_req, reply) => {
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
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'not ready', ...Object.fromEntries(results) });
  });

  app.get('/metrics', async (_req, reply) => {
    const text = await deps.metrics.registry.metrics();
    return reply.type(deps.metrics.registry.contentType).send(text);
  });

  return app;
}
