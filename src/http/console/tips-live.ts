import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Notifications } from '../../db/listen.ts';
import { reachedAreas, reachOf } from '../../features/tips/store.ts';
import { sessionOfRequest } from './session.ts';

/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;

/**
 * `GET /console/api/tips/live`: server-sent events, one `tip` event (the commune's code) for each tip filed in the
 * session's areas, so the open inbox shows new tips as they arrive. The stream says nothing of the tip itself:
 * the page asks the inbox again, with its rights.
 */
export function registerTipArrivals(api: FastifyInstance, deps: { db: Db; arrivals: Notifications }): void {
  const open = new Set<() => void>();
  // The server's close waits for open requests: streams end first.
  api.addHook('onClose', async () => {
    for (const end of [...open]) end();
  });

  api.get('/console/api/tips/live', async (req, reply) => {
    const areas = await reachedAreas(deps.db, reachOf(sessionOfRequest(req).actor));
    reply.hijack();
    const res = reply.raw;
    // A stream may stay quiet longer than the server lets an idle connection live.
    req.raw.socket.setTimeout(0);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 5000\n\n');
    const unsubscribe = deps.arrivals.subscribe((area) => {
      if (areas === 'everywhere' || areas.includes(area)) res.write(`event: tip\ndata: ${JSON.stringify(area)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(end);
      res.end();
    };
    open.add(end);
    req.raw.on('close', end);
  });
}
