import type { Capabilities } from '../../core/messages.ts';

/** The Zalo Bot Platform sends text and photos by URL only: no buttons (so no presses to answer), uploads,
 * location requests, command menu or edits of a sent message. */
export const zaloCapabilities: Capabilities = {
  buttons: false,
  files: false,
  calendarFile: false,
  shareLocation: false,
  inlinePhotos: false,
  commandMenu: false,
  edit: false,
  pressAnswers: false,
  contactForm: false,
};
