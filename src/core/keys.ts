import type { Pii } from '../security/pii.ts';
import type { Platform } from './messages.ts';

/** Ordering key of a chat: its updates are handled, and its messages sent, one at a time in order. */
export function chatKeyOf(pii: Pii, platform: Platform, chatId: string): string {
  return pii.hash('chat', platform, chatId);
}

/** Key of one person's dialogue in one chat. */
export function conversationKeyOf(pii: Pii, platform: Platform, chatId: string, userId: string): string {
  return pii.hash('conversation', platform, chatId, userId);
}
