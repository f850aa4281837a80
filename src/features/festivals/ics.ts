import type { Festival } from '../../generated/prisma/client.ts';

/** RFC 5545 text: backslash, semicolon, comma and line breaks escaped. */
const escapeText = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Lines longer than 75 octets are folded (CRLF and a space), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** A calendar file of one festival day, for phones' calendars (Telegram sends it as a document). */
export function festivalIcs(f: Festival, area: string, now = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//antq-bot//Ngay hoi//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:festival-${f.id}@antq-bot`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${stamp(f.startsAt)}`,
    `DTEND:${stamp(f.endsAt)}`,
    `SUMMARY:${escapeText(f.title)}`,
    `LOCATION:${escapeText(`${f.venue}, ${area}`)}`,
    ...(f.programme ? [`DESCRIPTION:${escapeText(f.programme)}`] : []),
    `STATUS:${f.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
