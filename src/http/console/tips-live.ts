import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Notifications } from '../../db/listen.ts';
import { reachedAreas, reachOf } from '../../features/tips/store.ts';
import { eventStream } from '../event-stream.ts';
import { sessionOfRequest } from './session.ts';

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
    let unsubscribe = () => {};
    const stream = eventStream(req, reply, 'retry: 5000\n\n', () => {
      unsubscribe();
      open.delete(stream.end);
    });
    unsubscribe = deps.arrivals.subscribe((area) => {
      if (areas === 'everywhere' || areas.includes(area)) stream.write(`event: tip\ndata: ${JSON.stringify(area)}\n\n`);
    });
    open.add(stream.end);
  });
}
