import type { Capabilities, Incoming, Platform } from '../core/messages.ts';
import { telegramCapabilities } from './telegram/capabilities.ts';
import { zaloCapabilities } from './zalo/capabilities.ts';
import { zaloOaCapabilities } from './zalo-oa/capabilities.ts';

const BY_PLATFORM: Record<Platform, Capabilities> = {
  telegram: telegramCapabilities,
  zalo: zaloCapabilities,
  zalo_oa: zaloOaCapabilities,
};

/**
 * What chats on a platform can do (also for a message to another chat than the
 * current one). A location button is a private chat's: in a group it would ask
 * whoever presses it, and nothing there takes a location.
 */
export const capabilitiesOf = (platform: Platform, chatType: Incoming['chatType'] = 'private'): Capabilities =>
  chatType === 'group' ? { ...BY_PLATFORM[platform], shareLocation: false } : BY_PLATFORM[platform];
