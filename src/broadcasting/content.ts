import { z } from 'zod';
import { photoRefSchema, type OutMessage, type PhotoRef } from '../core/messages.ts';
import type { I18n, Locale } from '../i18n/index.ts';

/** Longest body an author may write: with the header and footer it still fits one Telegram message. */
export const MAX_BODY = 3500;
export const MIN_BODY = 5;

const bodySchema = z.string().trim().min(MIN_BODY).max(MAX_BODY);

/** The author's text by language: Vietnamese always, English when written. */
export const textsSchema = z.object({ vi: bodySchema, en: bodySchema.optional() });
export type Texts = z.infer<typeof textsSchema>;

export const storedPhotoSchema = photoRefSchema.nullable();

/** Buttons under a notice (Telegram; on Zalo the text says what to type), labelled per language. */
export const buttonsSchema = z.array(
  z.object({ id: z.string().min(1).max(64), label: z.object({ vi: z.string().min(1), en: z.string().min(1) }) }),
);

export interface Content {
  texts: Texts;
  photo: PhotoRef | null;
  /** The sender as readers see it ("Xã Hưng Mỹ, Cà Mau"); undefined for a nationwide notice. */
  from: string | undefined;
  buttons: z.infer<typeof buttonsSchema>;
}

/**
 * The message one recipient gets, in their language: the frame is translated,
 * the body is the author's version in that language or else the Vietnamese one.
 * Sent as plain text (no parse mode), so nothing the author writes is markup.
 * The platform renderers split what exceeds a message or caption.
 */
export function renderBroadcast(i18n: I18n, locale: Locale, content: Content): OutMessage {
  const t = (id: string, args?: Record<string, string>) => i18n.t(locale, id, args);
  const header = content.from ? t('bc-header-from', { from: content.from }) : t('bc-header');
  const body = content.texts[locale] ?? content.texts.vi;
  return {
    text: `${header}\n\n${body}\n\n${t('bc-footer')}`,
    ...(content.photo && { photo: content.photo }),
    ...(content.buttons.length > 0 && { buttons: content.buttons.map((b) => ({ id: b.id, label: b.label[locale] })) }),
  };
}
