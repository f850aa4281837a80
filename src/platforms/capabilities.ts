import type { Capabilities, Platform } from '../core/messages.ts';
import { telegramCapabilities } from './telegram/capabilities.ts';
import { zaloCapabilities } from './zalo/capabilities.ts';

const BY_PLATFORM: Record<Platform, Capabilities> = { telegram: telegramCapabilities, zalo: zaloCapabilities };

/** What chats on a platform can do (for a message to another chat than the current one). */
export const capabilitiesOf = (platform: Platform): Capabilities => BY_PLATFORM[platform];
