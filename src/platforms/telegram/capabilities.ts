import type { Capabilities } from '../../core/messages.ts';

export const telegramCapabilities: Capabilities = {
  buttons: true,
  files: true,
  calendarFile: true,
  shareLocation: true,
  inlinePhotos: true,
  commandMenu: true,
  edit: true,
  pressAnswers: true,
  contactForm: false,
};
