import { formatTime } from '../../core/format.ts';
import type { Festival } from '../../generated/prisma/client.ts';
import { LOCALES, type I18n, type Locale } from '../../i18n/index.ts';
import type { Content, Texts } from '../../broadcasting/content.ts';
import { festChoice } from './choices.ts';

/** "7 ngày", "2 giờ", "30 phút": how long before the start a reminder goes out. */
export function leadTime(i18n: I18n, locale: Locale, seconds: number): string {
  const units: Array<[number, string]> = [
    [86_400, 'fest-unit-day'],
    [3600, 'fest-unit-hour'],
    [60, 'fest-unit-minute'],
    [1, 'fest-unit-second'],
  ];
  const [size, id] = units.find(([size]) => seconds % size === 0)!;
  return i18n.t(locale, id, { n: seconds / size });
}

/** What festival messages show of one: also a draft not yet written (the preview). */
export type FestivalShown = Pick<Festival, 'title' | 'startsAt' | 'endsAt' | 'venue' | 'programme'>;

/** Title, time, venue and programme, as every festival message shows them. */
export function festivalDetails(i18n: I18n, locale: Locale, f: FestivalShown, area: string): string {
  return i18n.t(locale, 'fest-details', {
    title: f.title,
    area,
    start: formatTime(locale, f.startsAt),
    end: formatTime(locale, f.endsAt),
    venue: f.venue,
    programme: f.programme || '—',
  });
}

/** The same message in every language, for a broadcast's texts. */
function inEveryLanguage(build: (locale: Locale) => string): Texts {
  const [vi, en] = LOCALES.map(build) as [string, string];
  return { vi, en };
}

export type FestivalNotice = 'announce' | 'moved' | 'cancelled';

export function noticeTexts(i18n: I18n, f: FestivalShown, area: string, kind: FestivalNotice): Texts {
  return inEveryLanguage((l) =>
    [i18n.t(l, `fest-${kind}-head`), festivalDetails(i18n, l, f, area), i18n.t(l, `fest-${kind}-foot`)].join('\n\n'),
  );
}

export function reminderTexts(i18n: I18n, f: Festival, area: string, offsetSeconds: number): Texts {
  return inEveryLanguage((l) =>
    [
      i18n.t(l, 'fest-reminder-head', { left: leadTime(i18n, l, offsetSeconds) }),
      festivalDetails(i18n, l, f, area),
      i18n.t(l, 'fest-announce-foot'),
    ].join('\n\n'),
  );
}

export function commendationTexts(i18n: I18n, f: Festival, names: string[]): Texts {
  const list = names.map((n) => `• ${n}`).join('\n');
  return inEveryLanguage((l) => i18n.t(l, 'fest-commend-text', { title: f.title, list }));
}

/** RSVP buttons under announcements and reminders (Telegram; the text tells Zalo users to type /festivals). */
export function rsvpButtons(i18n: I18n, festivalId: number): Content['buttons'] {
  const label = (id: string) => ({ vi: i18n.t('vi', id), en: i18n.t('en', id) });
  return [
    { id: festChoice.pack('going', { id: festivalId }), label: label('fest-going') },
    { id: festChoice.pack('notgoing', { id: festivalId }), label: label('fest-not-going') },
  ];
}
