import type { Locale } from './api.ts';

/** Vietnam's clock, whatever the browser's zone: the times officers and reporters speak of. */
export const time = (locale: Locale, iso: string) =>
  new Date(iso).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });
