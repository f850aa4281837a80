import { chatKeyOf } from '../core/keys.ts';
import { windowPassed, type WindowSettings } from '../core/window.ts';
import type { Platform } from '../core/messages.ts';
import type { Db } from '../db/client.ts';
import type { Broadcast, DeliveryStatus, Identity, User } from '../generated/prisma/client.ts';
import { isLocale, type I18n } from '../i18n/index.ts';
import type { Metrics } from '../metrics.ts';
import type { Enqueue } from '../pipeline/inbox.ts';
import { writeOutbox } from '../pipeline/outbox.ts';
import { judgeSend, type SendPolicy } from '../platforms/send-policy.ts';
import type { Messenger } from '../platforms/types.ts';
import type { DeliveryNext, DeliveryProcessor } from '../queues/delivery-queue.ts';
import type { Pii } from '../security/pii.ts';
import { recipientFilter } from './audience.ts';
import { renderBroadcast, type Content } from './content.ts';
import type { AuthorNote } from './reconciler.ts';
import { audienceOf, contentOf, holdBroadcast } from './store.ts';

/** Five tries per recipient, 2 s, 4 s, 8 s, 16 s apart; a rate limit pauses the platform without using one. */
const DELIVERY_POLICY: SendPolicy = { maxAttempts: 5, backoffMs: (tries) => 1000 * 2 ** tries };
/** How long a worker trusts what it read of a broadcast: a pause or cancel reaches new jobs within this. */
const BROADCAST_CACHE_MS = 250;

const DONE: DeliveryNext = { then: 'done' };

export interface DelivererDeps {
  db: Db;
  pii: Pii;
  i18n: I18n;
  messengers: ReadonlyMap<Platform, Messenger>;
  metrics: Metrics;
  /** The words are the broadcasts feature's: here, what the author is told when a platform pauses. */
  authorNote: AuthorNote;
  /** Schedules sending a chat's outbox (the author's note). */
  enqueueChat: Enqueue;
  /** The platforms' interaction windows: a recipient known to be outside is not sent to. */
  window: WindowSettings;
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

/**
 * Sends one recipient their copy of a broadcast and records the outcome on the
 * delivery row. The row decides: one already settled (a duplicate job, a
 * cancel) is not sent again, and one of a paused broadcast stays queued for the resume.
 */
export class Deliverer implements DeliveryProcessor {
  readonly #cache = new Map<number, { until: number; broadcast: Broadcast; content: Content }>();

  constructor(readonly deps: DelivererDeps) {}

  async deliver(deliveryId: bigint): Promise<DeliveryNext> {
    const { db, pii, i18n, messengers, metrics } = this.deps;
    const d = await db.delivery.findUnique({
      where: { id: deliveryId },
      include: { identity: { include: { user: true } } },
    });
    if (!d || d.status !== 'queued') return DONE;
    const { broadcast, content } = await this.#broadcast(d.broadcastId);
    if (broadcast.status === 'cancelled') return this.#settle(d.id, d.platform, 'skipped', 'cancelled');
    if (broadcast.status !== 'sending') return DONE;
    const excluded = exclusion(d.identity, broadcast) ?? (await this.#leftAudience(d.identity!, broadcast));
    if (excluded) return this.#settle(d.id, d.platform, excluded === 'blocked' ? 'blocked' : 'skipped', excluded);
    const identity = d.identity!;
    const messenger = messengers.get(d.platform);
    if (!messenger) return this.#settle(d.id, d.platform, 'failed', `${d.platform} is not configured`);
    // The platform would refuse it: it is not asked.
    if (windowPassed(this.deps.window, d.platform, identity.lastInteractionAt, new Date()))
      return this.#settle(d.id, d.platform, 'outside_window', 'no interaction within the window');

    const chatId = pii.decrypt(identity.chatIdEnc);
    const locale = isLocale(identity.user.locale) ? identity.user.locale : i18n.defaultLocale;
    const send = () =>
      messenger.send(chatId, renderBroadcast(i18n, locale, content), {
        bulk: { chatKey: chatKeyOf(pii, d.platform, chatId) },
      });
    const verdict = await judgeSend(send, d.attempts, DELIVERY_POLICY);
    switch (verdict.kind) {
      case 'sent':
        return this.#settle(d.id, d.platform, 'sent', null, verdict.tries);
      case 'blocked':
        await db.identity.update({ where: { id: identity.id }, data: { blockedAt: new Date() } });
        return this.#settle(d.id, d.platform, 'blocked', verdict.failure.message, verdict.tries);
      case 'rejected':
        return this.#settle(d.id, d.platform, 'failed', verdict.failure.message, verdict.tries);
      case 'outside-window':
        return this.#settle(d.id, d.platform, 'outside_window', verdict.failure.message, verdict.tries);
      case 'out-of-quota':
        metrics.deliveries.inc({ platform: d.platform, outcome: 'out_of_quota' });
        await this.#held(broadcast, d.platform, verdict.until);
        return { then: 'hold-platform', until: verdict.until };
      case 'rate-limited':
        metrics.deliveries.inc({ platform: d.platform, outcome: 'rate_limited' });
        return { then: 'hold-platform', until: verdict.until };
      case 'retry':
        metrics.deliveries.inc({ platform: d.platform, outcome: 'retry' });
        await db.delivery.update({
          where: { id: d.id },
          data: { attempts: verdict.tries, error: verdict.failure.message.slice(0, 500), updatedAt: new Date() },
        });
        return { then: 'retry', at: verdict.at };
    }
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

  /** A platform paused the broadcast's sends: recorded, and its author told once per pause (in the same commit). */
  async #held(b: Broadcast, platform: Platform, until: Date): Promise<void> {
    const { db, pii, authorNote, enqueueChat } = this.deps;
    const note = await db.$transaction(async (tx) => {
      if (!(await holdBroadcast(tx, b.id, platform, until))) return null;
      const envelope = await authorNote(tx, b, { held: platform });
      if (envelope) await writeOutbox(tx, pii, [envelope]);
      return envelope;
    });
    if (note) await enqueueChat(chatKeyOf(pii, note.to.platform, note.to.chatId)).catch(() => undefined);
  }

  /** Records a final status; `tries`, when given, is the row's count of tries from now on. */
  async #settle(
    id: bigint,
    platform: Platform,
    status: DeliveryStatus,
    error: string | null,
    tries?: number,
  ): Promise<DeliveryNext> {
    await this.deps.db.delivery.updateMany({
      // A message that went out is recorded as sent even if a cancel skipped the row meanwhile.
      where: { id, status: status === 'sent' ? { in: ['queued', 'skipped'] } : 'queued' },
      data: { status, error: error?.slice(0, 500) ?? null, attempts: tries, updatedAt: new Date() },
    });
    this.deps.metrics.deliveries.inc({ platform, outcome: status });
    return DONE;
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
