import type { Capabilities } from '../../core/messages.ts';

/** The Zalo OA: menus as button messages whose presses come back as the person's text. Uploads (files,
 * photos by id), location requests and edits are not wired yet; there is no command menu or press answer. */
export const zaloOaCapabilities: Capabilities = {
  buttons: true,
  files: false,
  calendarFile: false,
  shareLocation: false,
  inlinePhotos: false,
  commandMenu: false,
  edit: false,
  pressAnswers: false,
};
