import type { Locale } from '../i18n/index.ts';

/** Vietnam has one time zone and no daylight saving. */
const VIETNAM_OFFSET_HOURS = 7;
export const VIETNAM_OFFSET_MS = VIETNAM_OFFSET_HOURS * 3_600_000;

/** `date` shifted so that its UTC fields read Vietnam's wall clock (whatever the server's zone). */
export const vietnamWallClock = (date: Date): Date => new Date(date.getTime() + VIETNAM_OFFSET_MS);

/**
 * Weekday names by `getUTCDay()` (Sunday first). Spelled out here rather than
 * taken from Intl: ICU builds differ in order ("07:30 Thứ Tư, 19/08/2026" on
 * Node 20's vi-VN) and in the case of "Chủ nhật", and chat texts must not
 * change with the runtime.
 */
const WEEKDAYS: Record<Locale, readonly string[]> = {
  vi: ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A date and time as people in Vietnam read it, in Vietnam time whatever the
 * server's zone, with the weekday and the four-digit year so that nobody has to
 * guess which Saturday or which year: "Thứ Bảy, 22/08/2026, 07:30".
 */
export function formatTime(locale: Locale, date: Date): string {
  const local = vietnamWallClock(date);
  const day = `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
  return `${WEEKDAYS[locale][local.getUTCDay()]}, ${day}, ${time}`;
}

/**
 * Reads a local Vietnamese date and time as people type it: "20/08 07:30",
 * "07:30 20/8/2027", "2027-08-20 07:30". Without a year, the date nearest ahead,
 * unless it fell within the last ~6 months: "30/11 07:30" typed on 1 December
 * means the day just gone (returned as it is, in the past, for the caller to
 * refuse), not 30/11 next year; a day further back means next year.
 */
export function parseLocalTime(text: string, now = new Date()): Date | undefined {
  const s = text.trim().replace(/\s+/g, ' ');
  const time = /(\d{1,2})[:hg](\d{2})/i.exec(s);
  const dmy = /(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?(?!\d)/.exec(s.replace(time?.[0] ?? '', ' '));
  const ymd = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (!time || !(dmy || ymd)) return undefined;
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  const [day, month, year] = ymd
    ? [Number(ymd[3]), Number(ymd[2]), Number(ymd[1])]
    : [Number(dmy![1]), Number(dmy![2]), dmy![3] ? Number(dmy![3]) : undefined];
  if (hour > 23 || minute > 59 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const at = (y: number) => new Date(Date.UTC(y, month - 1, day, hour - VIETNAM_OFFSET_HOURS, minute));
  const thisYear = now.getUTCFullYear();
  const date = year ? at(year) : nearest([at(thisYear - 1), at(thisYear), at(thisYear + 1)], now);
  // 31/02 rolls over into March: refuse rather than guess.
  const local = vietnamWallClock(date);
  return local.getUTCDate() === day ? date : undefined;
}

/** How far back a date without a year still means the one just gone. */
const PAST_WINDOW_MS = 183 * 86_400_000;

/** The earliest candidate after `now - PAST_WINDOW_MS` (the candidates ascending). */
const nearest = (candidates: Date[], now: Date) =>
  candidates.find((d) => d.getTime() > now.getTime() - PAST_WINDOW_MS) ?? candidates[candidates.length - 1]!;

/**
 * A time typed alone ("11:30", "11h30") is that time on the Vietnam date of
 * `day`; anything else is read as a full date and time (`parseLocalTime`).
 */
export function parseTimeOnDay(text: string, day: Date): Date | undefined {
  const time = /^\s*(\d{1,2})[:hg](\d{2})\s*$/i.exec(text);
  if (!time) return parseLocalTime(text, day);
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  if (hour > 23 || minute > 59) return undefined;
  const local = vietnamWallClock(day);
  return new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour - VIETNAM_OFFSET_HOURS, minute),
  );
}
