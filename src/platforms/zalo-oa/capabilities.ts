import type { Capabilities } from '../../core/messages.ts';

/**
 * The Zalo OA: menus and buttons as button messages whose presses come back as presses (press.ts); files the
 * bot makes and photos kept by Telegram are uploaded; the phone number can be asked with Zalo's form. There
 * is no location request, edit of a sent message, command menu or answer to the presser alone.
 */
export const zaloOaCapabilities: Capabilities = {
  buttons: true,
  files: true,
  calendarFile: true,
  shareLocation: false,
  inlinePhotos: true,
  commandMenu: false,
  edit: false,
  pressAnswers: false,
  contactForm: true,
};
