import type { Platform } from '../core/messages.ts';
import type { Tx } from '../core/tx.ts';
import type { Broadcast, BroadcastStatus, DeliveryStatus, Prisma } from '../generated/prisma/client.ts';
import { areaLabel } from '../features/areas/search.ts';
import { audienceSchema, type Audience } from './audience.ts';
import { buttonsSchema, storedPhotoSchema, textsSchema, type Content } from './content.ts';

export const DELIVERY_STATUSES: DeliveryStatus[] = ['queued', 'sent', 'blocked', 'failed', 'skipped', 'outside_window'];
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
  buttons?: Content['buttons'];
  /** The festival an announcement, reminder or commendation belongs to. */
  festivalId?: number;
}

/** The area that owns an audience (a model's or festival's own): who may steer the broadcast, and the "from" line. */
export async function owningArea(tx: Tx, audience: Audience, festivalId?: number): Promise<string | null> {
  if (audience.kind === 'area') return audience.areaCode;
  if (audience.kind === 'model')
    return (await tx.localModel.findUniqueOrThrow({ where: { id: audience.modelId } })).areaCode;
  const id = audience.kind === 'festival' ? audience.festivalId : festivalId;
  return id ? (await tx.festival.findUniqueOrThrow({ where: { id } })).areaCode : null;
}

/** Which of the residents' notice settings a broadcast obeys, unless its author chose one. */
export const topicOf = (audience: Audience, festivalId?: number): Broadcast['topic'] =>
  audience.kind === 'model' ? 'models' : audience.kind === 'festival' || festivalId ? 'festival' : 'general';

export async function createBroadcast(tx: Tx, input: NewBroadcast): Promise<Broadcast> {
  const audience = audienceSchema.parse(input.audience);
  const festivalId = audience.kind === 'festival' ? audience.festivalId : input.festivalId;
  return tx.broadcast.create({
    data: {
      authorId: input.authorId,
      authorIdentityId: input.authorIdentityId,
      audience,
      areaCode: await owningArea(tx, audience, festivalId),
      modelId: audience.kind === 'model' ? audience.modelId : null,
      festivalId: festivalId ?? null,
      topic: input.topic ?? topicOf(audience, festivalId),
      texts: textsSchema.parse(input.texts),
      photo: (input.photo ?? undefined) as Prisma.InputJsonValue | undefined,
      buttons: input.buttons?.length ? buttonsSchema.parse(input.buttons) : undefined,
    },
  });
}

export const audienceOf = (b: Broadcast): Audience => audienceSchema.parse(b.audience);

/** What recipients read, with the sender named after the broadcast's model or area. */
export async function contentOf(
  tx: Tx,
  b: Pick<Broadcast, 'areaCode' | 'modelId' | 'texts' | 'photo' | 'buttons'>,
): Promise<Content> {
  const area = b.areaCode ? await areaLabel(tx, b.areaCode) : undefined;
  const model = b.modelId ? await tx.localModel.findUnique({ where: { id: b.modelId } }) : null;
  return {
    texts: textsSchema.parse(b.texts),
    photo: storedPhotoSchema.parse(b.photo ?? null),
    from: model ? `${model.name} (${area})` : area,
    buttons: buttonsSchema.parse(b.buttons ?? []),
  };
}

async function deliveryCounts(tx: Tx, broadcastId: number): Promise<DeliveryCounts> {
  const rows = await tx.delivery.groupBy({ by: ['status'], where: { broadcastId }, _count: { _all: true } });
  const counts = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as DeliveryCounts;
  for (const r of rows) counts[r.status] = r._count._all;
  return counts;
}

/** A platform whose sends of a broadcast are paused now (its quota spent), and how many wait on it. */
export interface PlatformHold {
  platform: Platform;
  until: Date;
  queued: number;
}

/** What staff read of a broadcast: the ledger's counts and the platforms paused now. */
export interface DeliveryFigures {
  counts: DeliveryCounts;
  holds: PlatformHold[];
}

export async function deliveryFigures(tx: Tx, broadcastId: number): Promise<DeliveryFigures> {
  const counts = await deliveryCounts(tx, broadcastId);
  const paused = await tx.broadcastHold.findMany({
    where: { broadcastId, until: { gt: new Date() } },
    orderBy: { platform: 'asc' },
  });
  const holds = await Promise.all(
    paused.map(async ({ platform, until }) => ({
      platform,
      until,
      queued: await tx.delivery.count({ where: { broadcastId, platform, status: 'queued' } }),
    })),
  );
  return { counts, holds };
}

/**
 * Records that a platform holds the broadcast's sends until `until`. True when this starts a pause (none was
 * running): concurrent sends refused by the same pause record it once, so its author is told once.
 */
export async function holdBroadcast(tx: Tx, broadcastId: number, platform: Platform, until: Date): Promise<boolean> {
  const started = await tx.$queryRaw<unknown[]>`
    INSERT INTO "BroadcastHold" ("broadcastId", platform, until)
    VALUES (${broadcastId}, ${platform}::"Platform", ${until})
    ON CONFLICT ("broadcastId", platform) DO UPDATE SET until = EXCLUDED.until
      WHERE "BroadcastHold".until <= now()
    RETURNING 1`;
  return started.length > 0;
}
