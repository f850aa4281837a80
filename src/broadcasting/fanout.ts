import type { Platform } from '../core/messages.ts';
import type { Db } from '../db/client.ts';
import type { Broadcast } from '../generated/prisma/client.ts';
import type { QueuedDelivery } from '../queues/delivery-queue.ts';
import { recipientFilter } from './audience.ts';
import { audienceOf, FINAL_STATUSES } from './store.ts';

/** Recipients written and enqueued per round: memory stays flat whatever the audience. */
export const FANOUT_PAGE = 1000;

export type EnqueueDeliveries = (rows: QueuedDelivery[]) => Promise<void>;

/**
 * Streams the audience from PostgreSQL in pages of identities (keyset on their
 * id), writing one delivery row each and the cursor in the same statement,
 * then enqueues the page. Restarted, it goes on from the cursor: a row already
 * written is not written again (unique per broadcast and identity), and a page
 * written but not enqueued is found by the reconciler.
 */
export async function fanOut(
  db: Db,
  broadcastId: number,
  enqueue: EnqueueDeliveries,
  pageSize = FANOUT_PAGE,
): Promise<'done' | 'stopped'> {
  for (;;) {
    const b = await db.broadcast.findUnique({ where: { id: broadcastId } });
    if (!b || b.fanoutDoneAt || b.status === 'draft' || b.status === 'scheduled' || FINAL_STATUSES.includes(b.status))
      return 'stopped';
    const { pageSize: seen, rows } = await writePage(db, b, pageSize);
    if (rows.length) await enqueue(rows);
    if (seen < pageSize) {
      await db.broadcast.update({ where: { id: b.id }, data: { fanoutDoneAt: new Date() } });
      return 'done';
    }
  }
}

async function writePage(db: Db, b: Broadcast, pageSize: number) {
  const [result] = await db.$queryRaw<Array<{ pageSize: number; ids: bigint[] | null; platforms: Platform[] | null }>>`
    WITH page AS (
      SELECT i.id, i.platform FROM "Identity" i JOIN "User" u ON u.id = i."userId"
      WHERE i.id > ${b.fanoutCursor ?? ''} AND ${recipientFilter(audienceOf(b), b.topic)}
      ORDER BY i.id LIMIT ${pageSize}
    ), ins AS (
      INSERT INTO "Delivery" ("broadcastId", "identityId", platform)
      SELECT ${b.id}, id, platform FROM page ORDER BY id
      ON CONFLICT ("broadcastId", "identityId") DO NOTHING
      RETURNING id, platform
    ), moved AS (
      UPDATE "Broadcast" SET "fanoutCursor" = (SELECT max(id) FROM page),
        "recipientCount" = "recipientCount" + (SELECT count(*) FROM ins)
      WHERE id = ${b.id} AND EXISTS (SELECT 1 FROM page)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM page)::int AS "pageSize",
      (SELECT array_agg(id ORDER BY id) FROM ins) AS ids,
      (SELECT array_agg(platform::text ORDER BY id) FROM ins) AS platforms`;
  const ids = result?.ids ?? [];
  const platforms = result?.platforms ?? [];
  return {
    pageSize: result?.pageSize ?? 0,
    rows: ids.map((id, n) => ({ id: BigInt(id), broadcastId: b.id, platform: platforms[n]! })),
  };
}

/** Every delivery still queued of a broadcast, in pages: what the reconciler re-enqueues. */
export async function* queuedDeliveries(db: Db, broadcastId: number, pageSize = FANOUT_PAGE) {
  let after = 0n;
  for (;;) {
    const rows = await db.delivery.findMany({
      where: { broadcastId, status: 'queued', id: { gt: after } },
      select: { id: true, broadcastId: true, platform: true },
      orderBy: { id: 'asc' },
      take: pageSize,
    });
    if (rows.length) yield rows as QueuedDelivery[];
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.id;
  }
}
