import { z } from 'zod';
import { incomingSchema, LIMITS, type Incoming } from '../core/messages.ts';
import type { ParsedUpdate } from './types.ts';

/** C0 controls but tab and newline: PostgreSQL refuses NUL in text and jsonb; the others only garble what people read. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f]/g;
/** A UTF-16 surrogate without its other half: jsonb refuses it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text from a platform as the service keeps it: no control characters but tab and newline, lone surrogates as U+FFFD. */
export const cleanText = (text: string): string => text.replace(CONTROLS, '').replace(LONE_SURROGATE, '\ufffd');

/** Every string a platform sends is read through this, once, when the update is parsed. */
export const platformText = z.string().transform(cleanText);

/** A display name is cut (not refused) when absurdly long, so that its owner can still use the bot. */
export const cutName = (name: string): string =>
  // A cut through a surrogate pair leaves half of it, dropped here.
  name.length > LIMITS.name ? name.slice(0, LIMITS.name).replace(LONE_SURROGATE, '') : name;

export const platformName = platformText.transform(cutName);

/** An id a platform gives: refused, not cleaned, when it could not be stored, since changing it would merge two. */
export const platformId = z
  .string()
  .min(1)
  .max(LIMITS.id)
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v) && v.replace(LONE_SURROGATE, '') === v, 'not a storable id');

/** The update as parsed, if the inbox can store it: else a 400, so that the platform stops retrying it. */
export function storable(incoming: Incoming): ParsedUpdate {
  const checked = incomingSchema.safeParse(incoming);
  return checked.success ? { ok: true, incoming: checked.data } : { ok: false, error: 'update out of range' };
}
