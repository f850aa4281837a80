import type { Locale } from '../i18n/index.ts';

/** A date and time as people in Vietnam read it, whatever the server's zone. */
export function formatTime(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(date);
}
