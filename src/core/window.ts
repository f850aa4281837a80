import type { Policy } from '../config.ts';
import type { Pii } from '../security/pii.ts';
import { chatKeyOf } from './keys.ts';
import type { Destination, Platform } from './messages.ts';
import { identityHash } from './people.ts';
import type { Tx } from './tx.ts';

/** The settings that bound the platforms' interaction windows. */
export type WindowSettings = Pick<Policy, 'ZALO_OA_WINDOW_HOURS'>;

/**
 * How long after a person's last message, press or follow a platform still lets the bot write to them
 * (none: no window). A platform with a window has its length configured: the figures are unverified.
 */
const WINDOW_HOURS: Record<Platform, (s: WindowSettings) => number | undefined> = {
  telegram: () => undefined,
  zalo: () => undefined,
  zalo_oa: (s) => s.ZALO_OA_WINDOW_HOURS,
  web: () => undefined,
};

export const hasWindow = (s: WindowSettings, platform: Platform): boolean => WINDOW_HOURS[platform](s) !== undefined;

/**
 * Whether the person's window has passed at `now`. A last interaction not known (before it was tracked, a group)
 * counts as open: the platform's refusal at send time still holds the message.
 */
export function windowPassed(
  s: WindowSettings,
  platform: Platform,
  lastInteractionAt: Date | null,
  now: Date,
): boolean {
  const hours = WINDOW_HOURS[platform](s);
  if (hours === undefined || !lastInteractionAt) return false;
  return now.getTime() - lastInteractionAt.getTime() > hours * 3_600_000;
}

/**
 * Whether a message written to this private chat now waits for the person's next message: their window has
 * passed, or an earlier message to them already waits (the chat's order is kept). A private chat's id is its
 * person's id.
 */
export async function waitsForNextMessage(
  db: Pick<Tx, 'identity' | 'outboundMessage'>,
  pii: Pii,
  s: WindowSettings,
  to: Destination,
  now = new Date(),
): Promise<boolean> {
  if (!hasWindow(s, to.platform)) return false;
  const identity = await db.identity.findUnique({
    where: {
      platform_platformIdHash: { platform: to.platform, platformIdHash: identityHash(pii, to.platform, to.chatId) },
    },
    select: { lastInteractionAt: true },
  });
  if (windowPassed(s, to.platform, identity?.lastInteractionAt ?? null, now)) return true;
  const held = await db.outboundMessage.findFirst({
    where: { chatKey: chatKeyOf(pii, to.platform, to.chatId), status: 'held' },
    select: { id: true },
  });
  return held !== null;
}
