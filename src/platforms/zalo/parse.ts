import { z } from 'zod';
import type { Incoming } from '../../core/messages.ts';
import { platformId, platformName, platformText, storable } from '../edge.ts';
import type { ParsedUpdate } from '../types.ts';

// Ids are refused when they could not be stored, every other string is cleaned as it is read; ranges: storable().
const message = z.object({
  message_id: platformId,
  /** Milliseconds since 1970. */
  date: z.number().int().nonnegative(),
  from: z.object({ id: platformId, display_name: platformName.optional(), is_bot: z.boolean().optional() }),
  chat: z.object({ id: platformId, chat_type: z.string().optional() }),
  text: platformText.optional(),
  caption: platformText.optional(),
  photo_url: platformText.optional(),
  photo: platformText.optional(),
});

const event = z.object({ event_name: z.string().min(1), message });
/** Documented as wrapped in {ok, result}; observed flat. Both are accepted. */
export const zaloUpdateSchema = z.union([
  event,
  z.object({ ok: z.literal(true), result: event }).transform((w) => w.result),
]);

export function parseZaloUpdate(body: unknown): ParsedUpdate {
  const parsed = zaloUpdateSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: 'not a Zalo update' };
  const { event_name, message: m } = parsed.data;
  if (!event_name.startsWith('message.') || m.from.is_bot) return { ok: true, incoming: null };
  const photoUrl = m.photo_url ?? m.photo;
  const incoming: Incoming = {
    platform: 'zalo',
    updateKey: m.message_id,
    seq: m.date,
    kind: 'message',
    chatId: m.chat.id,
    chatType: m.chat.chat_type === 'GROUP' ? 'group' : 'private',
    userId: m.from.id,
    displayName: m.from.display_name,
    text: m.text ?? m.caption,
    date: m.date,
    ...(event_name === 'message.image.received' && photoUrl && { photos: [{ url: photoUrl }] }),
    ...((event_name === 'message.sticker.received' ||
      event_name === 'message.voice.received' ||
      event_name === 'message.unsupported.received') && { unsupported: true }),
  };
  return storable(incoming);
}
