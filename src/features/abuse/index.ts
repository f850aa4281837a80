import type { ChatContext } from '../../core/context.ts';
import type { Feature } from '../../core/feature.ts';

/** A person flagged as spam may send this share of the normal rate. */
const FLAGGED_SHARE = 0.5;

/**
 * Drops a chat's updates beyond the per-minute limit, counted from the durable
 * inbox (exact, and the same on every instance). The first update over the
 * limit gets one polite reply; the rest are dropped silently. Staff and group chats are exempt.
 */
async function floodGuard(ctx: ChatContext): Promise<boolean> {
  const { person, received, policy } = ctx;
  // Groups: the bot reads only commands and button presses there, and a busy station group is not a flood.
  if (person?.grants.length || ctx.msg.chatType !== 'private') return true;
  const limit = person?.user.spamFlaggedAt
    ? Math.max(1, Math.floor(policy.FLOOD_PER_MINUTE * FLAGGED_SHARE))
    : policy.FLOOD_PER_MINUTE;
  // Counted in the order updates are handled (platform order, then arrival), not by row id: posts of one
  // chat arrive concurrently, so ids and the handling order differ, and the count must only ever grow.
  const { seq } = ctx.msg;
  const recent = await ctx.tx.inboundUpdate.count({
    where: {
      chatKey: received.chatKey,
      receivedAt: { gt: new Date(received.at.getTime() - 60_000) },
      OR: [{ seq: { lt: seq } }, { seq, id: { lte: received.id } }],
    },
  });
  if (recent <= limit) return true;
  if (recent === limit + 1) ctx.reply(ctx.t('flood-slow-down'));
  return false;
}

export const abuseFeature: Feature = { name: 'abuse', guard: floodGuard };
