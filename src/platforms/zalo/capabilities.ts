import type { Capabilities } from '../../core/messages.ts';

/** The Zalo Bot Platform sends text and photos by URL only: no buttons, uploads or location requests. */
export const zaloCapabilities: Capabilities = {
  buttons: false,
  files: false,
  calendarFile: false,
  shareLocation: false,
  inlinePhotos: false,
};
