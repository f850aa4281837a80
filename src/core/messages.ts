import { z } from 'zod';
import { StaffRole } from '../generated/prisma/enums.ts';

export const platformSchema = z.enum(['telegram', 'zalo', 'zalo_oa', 'web']);
export type Platform = z.infer<typeof platformSchema>;

/** Platforms as people name them (the same in every language). */
export const PLATFORM_NAMES: Record<Platform, string> = {
  telegram: 'Telegram',
  zalo: 'Zalo',
  zalo_oa: 'Zalo OA',
  web: 'Web',
};

/**
 * Bounds on what arrives, so that everything accepted can be stored: ids fit the
 * dedupe index, numbers fit a bigint, dates a timestamp. Platforms stay far below.
 */
export const LIMITS = {
  id: 256,
  name: 256,
  text: 32_768,
  choice: 256,
  url: 2048,
  /** Milliseconds since 1970: up to the year 2100. */
  date: Date.UTC(2100, 0, 1),
} as const;

const id = z.string().min(1).max(LIMITS.id);

export const photoRefSchema = z.union([
  z.object({ fileId: z.string().min(1).max(LIMITS.url), size: z.number().int().nonnegative().optional() }),
  z.object({ url: z.string().max(LIMITS.url) }),
  /** Uploaded in the web chat and kept by this service (WebPhoto), encrypted. */
  z.object({ webPhoto: z.string().min(1).max(LIMITS.id) }),
]);
export type PhotoRef = z.infer<typeof photoRefSchema>;

/** One update from either messenger, as every feature sees it. */
export const incomingSchema = z.object({
  platform: platformSchema,
  /** The platform's id of the update (Telegram update_id, Zalo message_id): the dedupe key. */
  updateKey: id,
  /** The platform's order of updates (Telegram update_id, Zalo message time). */
  seq: z.number().int().nonnegative(),
  kind: z.enum(['message', 'choice', 'blocked', 'unblocked']),
  chatId: id,
  chatType: z.enum(['private', 'group']),
  userId: id,
  displayName: z.string().max(LIMITS.name).optional(),
  text: z.string().max(LIMITS.text).optional(),
  /** A button press (Telegram callback_data). */
  choice: z.string().max(LIMITS.choice).optional(),
  callbackId: z.string().max(LIMITS.id).optional(),
  callbackMessageId: z.number().int().optional(),
  photos: z.array(photoRefSchema).max(100).optional(),
  location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
  /** A phone number the person gave in the platform's own form (Zalo OA's request_user_info), as they gave it. */
  contact: z.object({ phone: z.string().max(LIMITS.name) }).optional(),
  /** The platform sent something we cannot read (voice, sticker...). */
  unsupported: z.boolean().optional(),
  date: z.number().nonnegative().max(LIMITS.date),
});
export type Incoming = z.infer<typeof incomingSchema>;

export const menuOptionSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** Other words that pick this option when typed ("ok", "có" for "✅ Tôi đồng ý"); never shown. */
  also: z.array(z.string()).optional(),
  /**
   * Its number in a numbered menu (Zalo), when it must not depend on which other
   * options are shown: an officer's "4" is "resolve" on every tip. Options
   * without one count on from the option before.
   */
  n: z.number().int().positive().optional(),
});
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
  /**
   * Where chats have a contact form (`Capabilities.contactForm`, Zalo OA's request_user_info), a form offering
   * the person's phone number, sent after the text; its answer arrives as `Incoming.contact`. The text must still
   * say how to type the number: elsewhere this is ignored.
   */
  requestContact: z.object({ title: z.string(), subtitle: z.string() }).optional(),
  photo: photoRefSchema.optional(),
  /**
   * A file made by the bot (a QR code image, a calendar file), sent after the
   * text where the platform takes uploads (Telegram, Zalo OA); Zalo Bot gets the
   * text alone, which must then say everything needed.
   */
  file: z.object({ kind: z.enum(['photo', 'document']), filename: z.string(), base64: z.string() }).optional(),
  /**
   * From this message on, the chat's command menu is that of a person holding these staff roles (none:
   * everyone's), in this language; set before the text. Someone who became staff sees theirs, someone
   * whose role was taken away no longer does. Ignored where chats have no menu of their own.
   */
  commandMenu: z.object({ roles: z.array(z.enum(StaffRole)), locale: z.string() }).optional(),
  /**
   * The platform's id of a message the bot sent this chat that this one replaces in place (a tip card after an
   * action on it). Where that message cannot be edited (gone, too old, a photo) this one is sent as a new message.
   */
  replaces: z.number().int().optional(),
  /**
   * Said to someone else (the officer who wrote this) if this message turns out, at send time, to be held for its
   * reader's next message (their interaction window had passed without the bot knowing). Never shown to the reader.
   */
  heldNotice: z.object({ to: z.object({ platform: platformSchema, chatId: id }), text: z.string() }).optional(),
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
  /**
   * Photos given as file ids (Telegram's, the only ones kept so) can be shown, not only photos by URL: Telegram
   * sends its own; the Zalo OA fetches them from Telegram and uploads them.
   */
  inlinePhotos: boolean;
  /** Each chat can be given its own menu of commands (Telegram's command scopes). */
  commandMenu: boolean;
  /** The bot can change a message it sent (text and buttons) in place. */
  edit: boolean;
  /** A button press can be answered to the presser alone (a short notice or an alert only they see). */
  pressAnswers: boolean;
  /** The person can be sent a form that gives their phone number (OutMessage.requestContact). */
  contactForm: boolean;
}

/** The answer to a button press, shown to the person who pressed only (Telegram's answerCallbackQuery). */
export interface PressAnswer {
  text?: string;
  /** A dialog the person dismisses, rather than a notice that fades. */
  alert?: boolean;
  /** The pressed message keeps its buttons (the press was refused, or its message was replaced in place). */
  keepButtons?: boolean;
}
