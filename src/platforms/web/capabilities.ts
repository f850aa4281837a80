import type { Capabilities } from '../../core/messages.ts';

/**
 * The web chat (/chat) shows buttons and images the bot makes (a QR code); photos are kept by this service, so
 * those of messengers (Telegram file ids) are not shown there. No location button, command menu or edits:
 * every message is a new one in the page.
 */
export const webCapabilities: Capabilities = {
  buttons: true,
  files: true,
  calendarFile: false,
  shareLocation: false,
  inlinePhotos: false,
  commandMenu: false,
  edit: false,
  pressAnswers: false,
  contactForm: false,
};
