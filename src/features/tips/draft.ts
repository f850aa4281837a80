import { z } from 'zod';
import { photoRefSchema } from '../../core/messages.ts';
import { TipCategory } from '../../generated/prisma/enums.ts';

export const MAX_PHOTOS = 5;
/** Telegram's own ceiling for photos a bot can pass on. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Fits a Zalo message together with the officer card around it. */
export const MAX_DESCRIPTION = 1500;
export const MIN_DESCRIPTION = 10;
/**
 * The longest description taken at all: its first MAX_DESCRIPTION characters
 * and up to three follow-up messages of as many. It bounds what a draft holds.
 */
export const MAX_LONG_DESCRIPTION = 4 * MAX_DESCRIPTION;
export const MAX_PLACE = 200;

export const locationSchema = z.object({ latitude: z.number(), longitude: z.number() });
export type Location = z.infer<typeof locationSchema>;

export const draftSchema = z.object({
  category: z.enum(TipCategory).optional(),
  urgent: z.boolean().default(false),
  description: z.string().optional(),
  place: z.string().optional(),
  location: locationSchema.optional(),
  photos: z.array(photoRefSchema).default([]),
  anonymous: z.boolean().default(true),
  contact: z.string().optional(),
  /** A description over MAX_DESCRIPTION, kept whole while the reporter chooses what to do with it. */
  pending: z.string().max(MAX_LONG_DESCRIPTION).optional(),
  /** What followed the description's first part: added to the tip's thread once it is filed. */
  rest: z.string().max(MAX_LONG_DESCRIPTION).optional(),
  /** Set once an urgent tip is filed: the remaining steps then add to that tip. */
  code: z.string().optional(),
});
export type Draft = z.infer<typeof draftSchema>;

/** A draft ready to be filed: what the confirmation step shows must all be there. */
export const completeDraftSchema = draftSchema.extend({ category: z.enum(TipCategory), description: z.string() });
export type CompleteDraft = z.infer<typeof completeDraftSchema>;

/** The first `max` UTF-16 units of `text`, never half of an emoji (a surrogate pair). */
export function headOf(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** `text` in parts of at most `max` UTF-16 units each (the thread's messages). */
export function partsOf(text: string, max: number): string[] {
  const parts: string[] = [];
  for (let rest = text; rest;) {
    const head = headOf(rest, max);
    parts.push(head);
    rest = rest.slice(head.length);
  }
  return parts;
}

/**
 * "0912 345 678", "+84 912.345.678" → "0912345678"; a mobile (10 digits) or a
 * landline (02x + 8 digits); undefined for anything else.
 */
export function normalizePhone(text: string): string | undefined {
  const digits = text.replace(/[\s.()-]/g, '');
  const local = digits.replace(/^(?:\+?84)/, '0');
  return /^(?:0[35789]\d{8}|02\d{9})$/.test(local) ? local : undefined;
}
