import type { ChatContext } from '../../core/context.ts';
import type { Feature } from '../../core/feature.ts';

/** A person flagged as spam may send this share of the normal rate. */
const FLAGGED_SHARE = 0.5;

/**
 * Updates of a group, in its last minute, up to which members who are not staff are still answered. A group is
 * one shared room: Telegram takes 20 messages a minute into it, and the cards of new tips must fit in there.
 */
const GROUP_PER_MINUTE = 3;

/**
 * The chat's updates of the last minute up to this one, counted from the durable inbox (exact, and the same
 * on every instance) in the order updates are handled (platform order, then arrival), not by row id: posts
 * of one chat arrive concurrently, so ids and the handling order differ, and the count must only ever grow.
 */
function recentInChat(ctx: ChatContext): Promise<number> {
  const { received } = ctx;
  const { seq } = ctx.msg;
  return ctx.tx.inboundUpdate.count({
    where: {
      chatKey: received.chatKey,
      receivedAt: { gt: new Date(received.at.getTime() - 60_000) },
      OR: [{ seq: { lt: seq } }, { seq, id: { lte: received.id } }],
    },
  });
}

/**
 * Drops a chat's updates beyond the per-minute limit. In a private chat the first update over the limit
 * gets one polite reply and the rest are dropped silently. In a group, anyone but staff is answered only
 * while the group is quiet (its inbox has no more than GROUP_PER_MINUTE updates in the minute), and never
 * told to slow down: that would be one more message to everyone in it. Button presses in a group are answered
 * privately and pass. Staff are exempt everywhere.
 */
async function floodGuard(ctx: ChatContext): Promise<boolean> {
  const { person, policy } = ctx;
  if (person?.grants.length) return true;
  if (ctx.msg.chatType !== 'private') {
    // A member's press is answered to them alone, never in the group, so it takes nothing of the group's room;
    // dropped, it would also leave the press unanswered and retire a card's buttons for the officers.
    if (ctx.msg.kind === 'choice') return true;
    return (await recentInChat(ctx)) <= GROUP_PER_MINUTE;
  }
  const limit = person?.user.spamFlaggedAt
    ? Math.max(1, Math.floor(policy.FLOOD_PER_MINUTE * FLAGGED_SHARE))
    : policy.FLOOD_PER_MINUTE;
  const recent = await recentInChat(ctx);
  if (recent <= limit) return true;
  if (recent === limit + 1) ctx.reply(ctx.t('flood-slow-down'));
  return false;
}

export const abuseFeature: Feature = { name: 'abuse', guard: floodGuard };
