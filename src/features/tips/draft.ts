import { z } from 'zod';
import { photoRefSchema } from '../../core/messages.ts';
import { TipCategory } from '../../generated/prisma/enums.ts';

export const MAX_PHOTOS = 5;
/** Telegram's own ceiling for photos a bot can pass on. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Fits a Zalo message together with the officer card around it. */
export const MAX_DESCRIPTION = 1500;
export const MIN_DESCRIPTION = 10;
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
  /** Set once an urgent tip is filed: the remaining steps then add to that tip. */
  code: z.string().optional(),
});
export type Draft = z.infer<typeof draftSchema>;

/** A draft ready to be filed: what the confirmation step shows must all be there. */
export const completeDraftSchema = draftSchema.extend({ category: z.enum(TipCategory), description: z.string() });
export type CompleteDraft = z.infer<typeof completeDraftSchema>;

/**
 * "0912 345 678", "+84 912.345.678" → "0912345678"; a mobile (10 digits) or a
 * landline (02x + 8 digits); undefined for anything else.
 */
export function normalizePhone(text: string): string | undefined {
  const digits = text.replace(/[\s.()-]/g, '');
  const local = digits.replace(/^(?:\+?84)/, '0');
  return /^(?:0[35789]\d{8}|02\d{9})$/.test(local) ? local : undefined;
}
