import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CONSOLE_PATH } from '../../features/console/links.ts';
import type { ConsoleSession } from '../../features/console/sessions.ts';

export const QUEUES_PATH = `${CONSOLE_PATH}/queues`;

/**
 * Bull Board's page without its one foreign resource (a web font from Google): the dashboard then needs nothing
 * beyond this service, on a network without the internet too. Its own scripts and styles are served from the package.
 */
function offlineViews(): string {
  const ui = dirname(createRequire(import.meta.url).resolve('@bull-board/ui/package.json'));
  const { version } = JSON.parse(readFileSync(join(ui, 'package.json'), 'utf8')) as { version: string };
  const page = readFileSync(join(ui, 'dist', 'index.ejs'), 'utf8').replace(/<link[^>]*fonts\.googleapis[^>]*>\s*/g, '');
  // Outside the service's own directory (read-only in the image); the same one each start, so none pile up.
  const dir = join(tmpdir(), `antq-bull-board-${version}-${process.getuid?.() ?? 0}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.ejs'), page);
  return dir;
}

/**
 * The queues' dashboard (Bull Board) at /console/queues, for the operator's console session only: 401 without a
 * session, 404 for staff (they see no queues in chat either). Bull Board's own page sends no CSRF token, so a change
 * (retry, clean) must come from this very site: a browser always names the page's origin on such requests (the one of PUBLIC_URL, when set).
 */
export function registerQueuesDashboard(
  app: FastifyInstance,
  queues: Queue[],
  sessionOf: (req: FastifyRequest) => Promise<ConsoleSession | null>,
  publicUrl: string | undefined,
): void {
  // Behind a proxy ending TLS the request itself looks like http: the public address names the site then.
  const site = publicUrl ? new URL(publicUrl).origin : undefined;
  const sameOrigin = (req: FastifyRequest) => {
    const origin = req.headers.origin;
    return origin !== undefined && origin === (site ?? `${req.protocol}://${req.host}`);
  };
  const board = new FastifyAdapter();
  board.setBasePath(QUEUES_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'antq-bot' } },
  });
  board.setViewsPath(offlineViews());
  app.register(async (scope) => {
    scope.addHook('onRequest', async (req, reply) => {
      const session = await sessionOf(req);
      if (!session) return reply.code(401).send({ error: 'not signed in' });
      if (session.actor.kind !== 'operator') return reply.code(404).send({ error: 'not found' });
      if (req.method !== 'GET' && req.method !== 'HEAD' && !sameOrigin(req))
        return reply.code(403).send({ error: 'cross-site request' });
    });
    await scope.register(board.registerPlugin(), { prefix: QUEUES_PATH });
  });
}
