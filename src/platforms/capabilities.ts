import type { Capabilities, Incoming, PhotoRef, Platform } from '../core/messages.ts';
import { telegramCapabilities } from './telegram/capabilities.ts';
import { zaloCapabilities } from './zalo/capabilities.ts';
import { zaloOaCapabilities } from './zalo-oa/capabilities.ts';
import { webCapabilities } from './web/capabilities.ts';

const BY_PLATFORM: Record<Platform, Capabilities> = {
  telegram: telegramCapabilities,
  zalo: zaloCapabilities,
  zalo_oa: zaloOaCapabilities,
  web: webCapabilities,
};

/**
 * What chats on a platform can do (also for a message to another chat than the
 * current one). A location button is a private chat's: in a group it would ask
 * whoever presses it, and nothing there takes a location.
 */
export const capabilitiesOf = (platform: Platform, chatType: Incoming['chatType'] = 'private'): Capabilities =>
  chatType === 'group' ? { ...BY_PLATFORM[platform], shareLocation: false } : BY_PLATFORM[platform];

/**
 * Whether a chat on the platform can be sent this photo: one at an address anywhere, one kept by Telegram where
 * file ids are shown; a web chat's upload nowhere (it is served by link, see photo-links.ts).
 */
export const canShowPhoto = (platform: Platform, photo: PhotoRef): boolean =>
  'url' in photo || ('fileId' in photo && capabilitiesOf(platform).inlinePhotos);
