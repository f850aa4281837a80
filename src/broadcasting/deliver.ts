import { chatKeyOf } from '../../core/keys.ts';
import type { Platform } from '../../core/messages.ts';
import type { Db } from '../../db/client.ts';
import type { Broadcast, DeliveryStatus, Identity, User } from '../../generated/prisma/client.ts';
import { isLocale, type I18n } from '../../i18n/index.ts';
import type { Metrics } from '../../metrics.ts';
import { SendError, type Messenger } from '../../platforms/types.ts';
import type { Pii } from '../../security/pii.ts';
import { renderBroadcast, type Content } from './content.ts';
import { recipientFilter } from './audience.ts';
import { audienceOf, contentOf } from './store.ts';

/** Tries per recipient on network or server errors (rate limits do not count). */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** How long a worker trusts what it read of a broadcast: a pause or cancel reaches new jobs within this. */
const BROADCAST_CACHE_MS = 250;

/**
 * What became of one delivery job: a final status, `held` (the broadcast is
 * paused: the row stays queued for the resume), or `settled` (someone else
 * already finished the row). Retryable failures are thrown as SendError.
 */
export type DeliveryOutcome = DeliveryStatus | 'held' | 'settled';

export interface DelivererDeps {
  db: Db;
  pii: Pii;
  i18n: I18n;
  messengers: ReadonlyMap<Platform, Messenger>;
  metrics: Metrics;
}

const topicSetting = { general: 'noticeGeneral', festival: 'noticeFestival', models: 'noticeModels' } as const;

/** Why a recipient is not sent to any more, checked again at send time. */
function exclusion(identity: (Identity & { user: User }) | null, b: Broadcast): string | undefined {
  if (!identity) return 'erased';
  if (identity.blockedAt) return 'blocked';
  if (identity.user.optedOutAt) return 'stopped';
  if (!identity.user[topicSetting[b.topic]]) return 'notice off';
  return undefined;
}

/** Sends one recipient their copy of a broadcast and records the outcome on the delivery row. */
export class Deliverer {
  readonly #cache = new Map<number, { until: number; broadcast: Broadcast; content: Content }>();

  constructor(readonly deps: DelivererDeps) {}

  async deliver(deliveryId: bigint, finalAttempt: boolean): Promise<DeliveryOutcome> {
    const { db, pii, i18n, messengers, metrics } = this.deps;
    const d = await db.delivery.findUnique({
      where: { id: deliveryId },
      include: { identity: { include: { user: true } } },
    });
    // The ledger decides: a row already settled (a duplicate job, a cancel) is not sent again.
    if (!d || d.status !== 'queued') return 'settled';
    const { broadcast, content } = await this.#broadcast(d.broadcastId);
    if (broadcast.status === 'cancelled') return this.#settle(d.id, d.platform, 'skipped', 'cancelled');
    if (broadcast.status !== 'sending') return 'held';
    const excluded = exclusion(d.identity, broadcast) ?? (await this.#leftAudience(d.identity!, broadcast));
    if (excluded) return this.#settle(d.id, d.platform, excluded === 'blocked' ? 'blocked' : 'skipped', excluded);
    const identity = d.identity!;
    const messenger = messengers.get(d.platform);
    if (!messenger) return this.#settle(d.id, d.platform, 'failed', `${d.platform} is not configured`);

    const chatId = pii.decrypt(identity.chatIdEnc);
    const locale = isLocale(identity.user.locale) ? identity.user.locale : i18n.defaultLocale;
    try {
      await messenger.send(chatId, renderBroadcast(i18n, locale, content), {
        bulk: { chatKey: chatKeyOf(pii, d.platform, chatId) },
      });
    } catch (err) {
      const e = err instanceof SendError ? err : new SendError('transient', String(err));
      if (e.reason === 'rate_limited') {
        metrics.deliveries.inc({ platform: d.platform, outcome: 'rate_limited' });
        throw e;
      }
      if (e.reason === 'blocked') {
        await db.identity.update({ where: { id: identity.id }, data: { blockedAt: new Date() } });
        return this.#settle(d.id, d.platform, 'blocked', e.message, 1);
      }
      if (e.reason === 'rejected' || finalAttempt) return this.#settle(d.id, d.platform, 'failed', e.message, 1);
      metrics.deliveries.inc({ platform: d.platform, outcome: 'retry' });
      await db.delivery.update({
        where: { id: d.id },
        data: { attempts: { increment: 1 }, error: e.message.slice(0, 500), updatedAt: new Date() },
      });
      throw e;
    }
    return this.#settle(d.id, d.platform, 'sent', null, 1);
  }

  /**
   * A model's members and a festival's "going" list change between fan-out and
   * send (a member leaves, an answer turns to "no"): such a recipient is asked
   * again through the fan-out's own filter. Area audiences are not, to keep
   * their sends at one read.
   */
  async #leftAudience(identity: Identity, b: Broadcast): Promise<string | undefined> {
    const audience = audienceOf(b);
    if (audience.kind !== 'model' && audience.kind !== 'festival') return undefined;
    const still = await this.deps.db.$queryRaw<unknown[]>`
      SELECT 1 FROM "Identity" i JOIN "User" u ON u.id = i."userId"
      WHERE i.id = ${identity.id} AND ${recipientFilter(audience, b.topic)}`;
    return still.length ? undefined : 'left audience';
  }

  async #settle(
    id: bigint,
    platform: Platform,
    status: DeliveryStatus,
    error: string | null,
    attempts = 0,
  ): Promise<DeliveryOutcome> {
    await this.deps.db.delivery.updateMany({
      // A message that went out is recorded as sent even if a cancel skipped the row meanwhile.
      where: { id, status: status === 'sent' ? { in: ['queued', 'skipped'] } : 'queued' },
      data: { status, error: error?.slice(0, 500) ?? null, attempts: { increment: attempts }, updatedAt: new Date() },
    });
    this.deps.metrics.deliveries.inc({ platform, outcome: status });
    return status;
  }

  async #broadcast(id: number) {
    const cached = this.#cache.get(id);
    if (cached && cached.until > Date.now()) return cached;
    const broadcast = await this.deps.db.broadcast.findUniqueOrThrow({ where: { id } });
    const entry = {
      until: Date.now() + BROADCAST_CACHE_MS,
      broadcast,
      content: await contentOf(this.deps.db, broadcast),
    };
    this.#cache.set(id, entry);
    if (this.#cache.size > 100) this.#cache.delete(this.#cache.keys().next().value!);
    return entry;
  }
}
