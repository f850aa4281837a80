import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from 'grammy/types';
import type { OutMessage } from '../../core/messages.ts';
import { splitText } from '../split-text.ts';

export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
const CALLBACK_DATA_BYTES = 64;

export interface TelegramMessage {
  text: string;
  reply_markup?: InlineKeyboardMarkup | ReplyKeyboardMarkup;
}

function keyboard(message: OutMessage): TelegramMessage['reply_markup'] {
  const options = message.menu?.length ? message.menu : message.buttons;
  if (options?.length) {
    for (const o of options) {
      if (Buffer.byteLength(o.id) > CALLBACK_DATA_BYTES) throw new Error(`callback data over 64 bytes: ${o.id}`);
    }
    return { inline_keyboard: options.map((o) => [{ text: o.label, callback_data: o.id }]) };
  }
  if (message.requestLocation) {
    return {
      keyboard: [[{ text: message.requestLocation.label, request_location: true }]],
      resize_keyboard: true,
      one_time_keyboard: true,
    };
  }
  return undefined;
}

/** Plain text (no parse mode, so nothing to escape), split to the limit; buttons ride on the last part. */
export function renderTelegram(message: OutMessage): TelegramMessage[] {
  const parts = splitText(message.text, TEXT_LIMIT).map((text) => ({ text }) as TelegramMessage);
  const markup = keyboard(message);
  if (markup && parts.length) parts[parts.length - 1]!.reply_markup = markup;
  return parts;
}
