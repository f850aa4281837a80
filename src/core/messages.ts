import { z } from 'zod';

export const platformSchema = z.enum(['telegram', 'zalo']);
export type Platform = z.infer<typeof platformSchema>;

export const photoRefSchema = z.union([
  z.object({ fileId: z.string(), size: z.number().optional() }),
  z.object({ url: z.string() }),
]);
export type PhotoRef = z.infer<typeof photoRefSchema>;

/** One update from either messenger, as every feature sees it. */
export const incomingSchema = z.object({
  platform: platformSchema,
  /** The platform's id of the update (Telegram update_id, Zalo message_id): the dedupe key. */
  updateKey: z.string(),
  /** The platform's order of updates (Telegram update_id, Zalo message time). */
  seq: z.number(),
  kind: z.enum(['message', 'choice', 'blocked', 'unblocked']),
  chatId: z.string(),
  chatType: z.enum(['private', 'group']),
  userId: z.string(),
  displayName: z.string().optional(),
  text: z.string().optional(),
  /** A button press (Telegram callback_data). */
  choice: z.string().optional(),
  callbackId: z.string().optional(),
  callbackMessageId: z.number().optional(),
  photos: z.array(photoRefSchema).optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  /** The platform sent something we cannot read (voice, sticker...). */
  unsupported: z.boolean().optional(),
  date: z.number(),
});
export type Incoming = z.infer<typeof incomingSchema>;

export const menuOptionSchema = z.object({ id: z.string(), label: z.string() });
export type MenuOption = z.infer<typeof menuOptionSchema>;

/** A platform-neutral message; each platform renders menus its own way. */
export const outMessageSchema = z.object({
  text: z.string(),
  menu: z.array(menuOptionSchema).optional(),
  /** How to answer a numbered menu, in the reader's language (Zalo has no buttons). */
  menuHint: z.string().optional(),
  /**
   * Buttons that act on this message (Telegram inline keyboard). Zalo cannot show
   * them, so the text must also say how to act by typing.
   */
  buttons: z.array(menuOptionSchema).optional(),
  /** Telegram: offer a "share my location" button. */
  requestLocation: z.object({ label: z.string() }).optional(),
  photo: photoRefSchema.optional(),
  /**
   * A file made by the bot (a QR code image, a calendar file), sent after the
   * text where the platform takes uploads (Telegram); Zalo gets the text alone,
   * which must then say everything needed.
   */
  file: z.object({ kind: z.enum(['photo', 'document']), filename: z.string(), base64: z.string() }).optional(),
});
export type OutMessage = z.infer<typeof outMessageSchema>;

/** Where a message goes: a chat on a platform. */
export interface Destination {
  platform: Platform;
  chatId: string;
}

/** What a chat on a platform can show or take; features ask this instead of naming platforms. */
export interface Capabilities {
  /** Buttons under a message (else menus are numbered lists answered by typing). */
  buttons: boolean;
  /** Files the bot makes (a QR code image) can be uploaded. */
  files: boolean;
  /** A calendar file (.ics) can be sent as a document. */
  calendarFile: boolean;
  /** The person can share a location with a button. */
  shareLocation: boolean;
  /** Photos received as this platform's own file ids can be sent on (not only photos by URL). */
  inlinePhotos: boolean;
}
