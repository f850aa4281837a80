import { z } from 'zod';
import type { Incoming } from '../../core/messages.ts';
import { cutName, platformText, storable } from '../edge.ts';
import type { ParsedUpdate } from '../types.ts';

// Numbers are safe integers (zod's int()); every string is cleaned as it is read; ranges are checked by storable().
const user = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: platformText.optional(),
  last_name: platformText.optional(),
});
const chat = z.object({ id: z.number().int(), type: z.string() });
/** Seconds since 1970. */
const date = z.number().int().nonnegative();

const message = z.object({
  message_id: z.number().int(),
  date,
  chat,
  from: user.optional(),
  text: platformText.optional(),
  caption: platformText.optional(),
  photo: z.array(z.object({ file_id: platformText, file_size: z.number().optional() })).optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
});

/** Only what the bot reads is checked; unknown fields pass through untouched. */
export const telegramUpdateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: message.optional(),
  callback_query: z
    .object({
      id: platformText,
      from: user,
      data: platformText.optional(),
      message: z.object({ message_id: z.number().int(), chat }).optional(),
    })
    .optional(),
  my_chat_member: z.object({ chat, from: user, date, new_chat_member: z.object({ status: z.string() }) }).optional(),
});
export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;

const displayName = (u: z.infer<typeof user>) =>
  cutName([u.first_name, u.last_name].filter(Boolean).join(' ')) || undefined;
const chatType = (type: string): 'private' | 'group' => (type === 'private' ? 'private' : 'group');

export function parseTelegramUpdate(body: unknown): ParsedUpdate {
  const parsed = telegramUpdateSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: 'not a Telegram update' };
  const u = parsed.data;
  const base = { platform: 'telegram' as const, updateKey: String(u.update_id), seq: u.update_id };

  if (u.message?.from && !u.message.from.is_bot) {
    const m = u.message;
    const from = m.from!;
    const photo = m.photo?.at(-1); // sizes ascend: the last is the original
    const incoming: Incoming = {
      ...base,
      kind: 'message',
      chatId: String(m.chat.id),
      chatType: chatType(m.chat.type),
      userId: String(from.id),
      displayName: displayName(from),
      text: m.text ?? m.caption,
      date: m.date * 1000,
      ...(photo && { photos: [{ fileId: photo.file_id, size: photo.file_size }] }),
      ...(m.location && { location: m.location }),
      ...(!m.text && !photo && !m.location && { unsupported: true }),
    };
    return storable(incoming);
  }
  if (u.callback_query?.message && u.callback_query.data !== undefined) {
    const q = u.callback_query;
    return storable({
      ...base,
      kind: 'choice',
      chatId: String(q.message!.chat.id),
      chatType: chatType(q.message!.chat.type),
      userId: String(q.from.id),
      displayName: displayName(q.from),
      choice: q.data,
      callbackId: q.id,
      callbackMessageId: q.message!.message_id,
      date: Date.now(),
    });
  }
  if (u.my_chat_member && u.my_chat_member.chat.type === 'private') {
    const c = u.my_chat_member;
    const status = c.new_chat_member.status;
    return storable({
      ...base,
      kind: status === 'kicked' || status === 'left' ? 'blocked' : 'unblocked',
      chatId: String(c.chat.id),
      chatType: 'private',
      userId: String(c.from.id),
      date: c.date * 1000,
    });
  }
  return { ok: true, incoming: null };
}
