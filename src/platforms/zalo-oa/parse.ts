import { z } from 'zod';
import { platformId, platformName, platformText } from '../edge.ts';
import { parseExactJson } from './exact-json.ts';

/**
 * An id or timestamp, always as its digits: a string as documented, or a number small enough that
 * parseExactJson left it exact (larger ones already arrive as strings).
 */
export const oaDigits = z.union([platformId, z.number().int().nonnegative().transform(String)]);

const party = z.object({ id: oaDigits });

/** Latitude and longitude come as numbers or as strings, depending on the source. */
const degrees = (limit: number) =>
  z.union([z.number(), z.string().trim().min(1).transform(Number)]).pipe(z.number().min(-limit).max(limit));

const attachment = z.object({
  type: z.string(),
  payload: z
    .object({
      url: platformText.optional(),
      name: platformName.optional(),
      coordinates: z.object({ latitude: degrees(90), longitude: degrees(180) }).optional(),
    })
    .optional(),
});

const message = z.object({
  msg_id: oaDigits.optional(),
  text: platformText.optional(),
  attachments: z.array(attachment).max(100).optional(),
});

/** The person's answer to a request_user_info message; the address comes either split or as one field. */
const info = z.object({
  name: platformName.optional(),
  phone: platformText.optional(),
  address: platformText.optional(),
  ward: platformText.optional(),
  district: platformText.optional(),
  city: platformText.optional(),
  full_address: z
    .object({
      user_address: platformText.optional(),
      user_ward: platformText.optional(),
      user_district: platformText.optional(),
      user_city: platformText.optional(),
    })
    .optional(),
});

const oaEnvelopeSchema = z.object({
  event_name: z.string(),
  app_id: oaDigits.optional(),
  oa_id: oaDigits.optional(),
  /** Milliseconds since 1970. */
  timestamp: oaDigits.pipe(z.string().regex(/^\d+$/)),
  sender: party.optional(),
  recipient: party.optional(),
  follower: party.optional(),
  message: message.optional(),
  info: info.optional(),
});

/** Events the OA sends about itself (echoes of its own sends, delivery and read receipts). */
const OWN_EVENTS = /^(?:oa_send_|user_received_message$|user_seen_message$)/;

export interface OaContact {
  name?: string;
  phone?: string;
  address?: string;
}

/** One event as the service acts on it: the OA's counterpart of core/messages.ts `Incoming`. */
export interface OaEvent {
  kind: 'event';
  /** The dedupe key: msg_id, else event + person + timestamp (retries repeat all three). */
  key: string;
  /** A message to handle, a new follower to welcome, a follower gone (counts as blocked). */
  action: 'message' | 'start' | 'blocked';
  event: string;
  /** The person: the sender, or the follower. OA chats are one-to-one, so this is also the chat. */
  userId: string;
  /** The timestamp as sent (milliseconds), exact. */
  timestamp: string;
  date: number;
  text?: string;
  photos?: { url: string }[];
  location?: { latitude: number; longitude: number };
  sticker?: { url?: string };
  file?: { url: string; name?: string };
  contact?: OaContact;
  /** Something the service cannot read (audio, video, a link card...). */
  unsupported?: true;
}

export type OaParsed =
  | OaEvent
  /** A signed body needs no action; `malformed` is worth logging (Zalo changed a shape), the rest are not. */
  | { kind: 'ignored'; reason: 'own event' | 'not handled' | 'malformed' };

const joined = (parts: (string | undefined)[]): string | undefined =>
  parts.filter((p) => p?.trim()).join(', ') || undefined;

function contactOf(i: z.infer<typeof info>): OaContact {
  const a = i.full_address;
  const address = a
    ? joined([a.user_address, a.user_ward, a.user_district, a.user_city])
    : joined([i.address, i.ward, i.district, i.city]);
  return { ...(i.name && { name: i.name }), ...(i.phone && { phone: i.phone }), ...(address && { address }) };
}

/** What a message's attachments say, keyed by the fields of OaEvent. */
function contentOf(attachments: z.infer<typeof attachment>[]): Partial<OaEvent> {
  const photos = attachments.flatMap((a) => (a.type === 'image' && a.payload?.url ? [{ url: a.payload.url }] : []));
  const coordinates = attachments.find((a) => a.type === 'location')?.payload?.coordinates;
  const sticker = attachments.find((a) => a.type === 'sticker');
  const file = attachments.find((a) => a.type === 'file' && a.payload?.url)?.payload;
  const known = photos.length > 0 || coordinates || sticker || file;
  return {
    ...(photos.length > 0 && { photos }),
    ...(coordinates && { location: coordinates }),
    ...(sticker && { sticker: sticker.payload?.url ? { url: sticker.payload.url } : {} }),
    ...(file?.url && { file: { url: file.url, ...(file.name && { name: file.name }) } }),
    ...(!known && attachments.length > 0 && { unsupported: true as const }),
  };
}

/** What an event asks of the service; undefined for events it does not act on (group events, tags...). */
function actionOf(name: string): OaEvent['action'] | undefined {
  if (name === 'follow') return 'start';
  if (name === 'unfollow') return 'blocked';
  if (name === 'user_submit_info' || /^(?:user|anonymous)_send_/.test(name)) return 'message';
  return undefined;
}

/** Reads a webhook body whose signature was checked; the raw bytes, so that long numeric ids stay exact. */
export function parseOaEvent(raw: Buffer | string): OaParsed {
  let body: unknown;
  try {
    body = parseExactJson(raw);
  } catch {
    return { kind: 'ignored', reason: 'malformed' };
  }
  // The event's name alone decides what to skip, so that a skipped event's shape never matters.
  const named = z.object({ event_name: z.string().min(1) }).safeParse(body);
  if (!named.success) return { kind: 'ignored', reason: 'malformed' };
  const name = named.data.event_name;
  if (OWN_EVENTS.test(name)) return { kind: 'ignored', reason: 'own event' };
  const action = actionOf(name);
  if (!action) return { kind: 'ignored', reason: 'not handled' };
  const parsed = oaEnvelopeSchema.safeParse(body);
  if (!parsed.success) return { kind: 'ignored', reason: 'malformed' };
  const e = parsed.data;
  const userId = (action === 'message' ? e.sender : e.follower)?.id;
  if (!userId) return { kind: 'ignored', reason: 'malformed' };
  const m = e.message;
  return {
    kind: 'event',
    key: m?.msg_id ?? `${e.event_name}:${userId}:${e.timestamp}`,
    action,
    event: e.event_name,
    userId,
    timestamp: e.timestamp,
    date: Number(e.timestamp),
    ...(m?.text && { text: m.text }),
    ...contentOf(m?.attachments ?? []),
    ...(e.event_name === 'user_submit_info' && e.info && { contact: contactOf(e.info) }),
  };
}
