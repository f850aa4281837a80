import type { Capabilities } from '../../core/messages.ts';

/** The Zalo Bot Platform sends text and photos by URL only: no buttons, uploads, location requests or command menu. */
export const zaloCapabilities: Capabilities = {
  buttons: false,
  files: false,
  calendarFile: false,
  shareLocation: false,
  inlinePhotos: false,
  commandMenu: false,
};
