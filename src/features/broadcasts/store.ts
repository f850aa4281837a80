import type { Tx } from '../../core/tx.ts';
import type { Broadcast, BroadcastStatus, DeliveryStatus, Prisma } from '../../generated/prisma/client.ts';
import { areaLabel } from '../areas/search.ts';
import { audienceSchema, type Audience } from './audience.ts';
import { storedPhotoSchema, textsSchema, type Content } from './content.ts';

export const DELIVERY_STATUSES: DeliveryStatus[] = ['queued', 'sent', 'blocked', 'failed', 'skipped'];
export type DeliveryCounts = Record<DeliveryStatus, number>;

/** States in which delivery jobs may send. */
export const LIVE_STATUSES: BroadcastStatus[] = ['sending'];
/** States a broadcast never leaves. */
export const FINAL_STATUSES: BroadcastStatus[] = ['done', 'cancelled'];

export interface NewBroadcast {
  authorId?: string;
  authorIdentityId?: string;
  audience: Audience;
  topic?: Broadcast['topic'];
  texts: Content['texts'];
  photo?: Content['photo'];
}

export function createBroadcast(tx: Tx, input: NewBroadcast): Promise<Broadcast> {
  const audience = audienceSchema.parse(input.audience);
  return tx.broadcast.create({
    data: {
      authorId: input.authorId,
      authorIdentityId: input.authorIdentityId,
      audience,
      areaCode: audience.kind === 'area' ? audience.areaCode : null,
      topic: input.topic ?? 'general',
      texts: textsSchema.parse(input.texts),
      photo: (input.photo ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}

export const audienceOf = (b: Broadcast): Audience => audienceSchema.parse(b.audience);

/** What recipients read, with the sender named after the broadcast's area. */
export async function contentOf(tx: Tx, b: Broadcast): Promise<Content> {
  return {
    texts: textsSchema.parse(b.texts),
    photo: storedPhotoSchema.parse(b.photo ?? null),
    from: b.areaCode ? await areaLabel(tx, b.areaCode) : undefined,
  };
}

export async function deliveryCounts(tx: Tx, broadcastId: number): Promise<DeliveryCounts> {
  const rows = await tx.delivery.groupBy({ by: ['status'], where: { broadcastId }, _count: { _all: true } });
  const counts = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as DeliveryCounts;
  for (const r of rows) counts[r.status] = r._count._all;
  return counts;
}
