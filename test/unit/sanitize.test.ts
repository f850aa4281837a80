import { describe, expect, it } from 'vitest';
import { cleanText, cutName } from '../../src/platforms/edge.ts';
import { parseTelegramUpdate } from '../../src/platforms/telegram/parse.ts';
import { parseZaloUpdate } from '../../src/platforms/zalo/parse.ts';

/** What PostgreSQL text and jsonb refuse: a NUL, a surrogate without its other half. */
const unstorable = (s: string) =>
  /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

const POISON = 'a\u0000b\u0007c\u001bd\ud800e\udc00f\r';

describe('text from platforms', () => {
  it('drops control characters but tab and newline, and replaces lone surrogates', () => {
    expect(cleanText(POISON)).toBe('abcd\ufffde\ufffdf');
    expect(cleanText('dòng 1\n\tdòng 2 💥')).toBe('dòng 1\n\tdòng 2 💥');
  });

  it('cuts an absurdly long name without leaving half a surrogate pair', () => {
    const name = 'x'.repeat(255) + '💥💥';
    expect(cutName(name)).toBe('x'.repeat(255));
    expect(cutName('Lê Văn Tám')).toBe('Lê Văn Tám');
  });

  it('every string field of a Telegram message, button press and Zalo message is cleaned at parse time', () => {
    const from = { id: 42, is_bot: false, first_name: POISON, last_name: POISON };
    const chat = { id: 42, type: 'private' };
    const parsed = [
      parseTelegramUpdate({
        update_id: 1,
        message: { message_id: 1, date: 1, chat, from, text: `/start ${POISON}` },
      }),
      parseTelegramUpdate({
        update_id: 2,
        message: { message_id: 2, date: 1, chat, from, caption: POISON, photo: [{ file_id: POISON }] },
      }),
      parseTelegramUpdate({
        update_id: 3,
        callback_query: { id: POISON, from, data: POISON, message: { message_id: 1, chat } },
      }),
      parseZaloUpdate({
        event_name: 'message.image.received',
        message: {
          message_id: 'm1',
          date: 1,
          from: { id: 'u1', display_name: POISON },
          chat: { id: 'u1' },
          caption: POISON,
          photo_url: `https://x/${POISON}`,
        },
      }),
    ];
    for (const p of parsed) {
      expect(p.ok && p.incoming).toBeTruthy();
      const all = strings(p.ok && p.incoming);
      expect(all.filter(unstorable)).toEqual([]);
      expect(all.some((s) => s.includes('abcd\ufffde\ufffdf'))).toBe(true);
    }
  });

  it('an id that would have to be changed to be stored is refused, not cleaned', () => {
    const body = (id: string) => ({
      event_name: 'message.text.received',
      message: { message_id: id, date: 1, from: { id: 'u1' }, chat: { id: 'u1' }, text: 'x' },
    });
    expect(parseZaloUpdate(body('ok-id')).ok).toBe(true);
    for (const id of ['a\u0000b', 'a\ud800', 'x'.repeat(257)]) expect(parseZaloUpdate(body(id)).ok).toBe(false);
  });
});
