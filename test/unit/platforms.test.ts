import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTelegramUpdate } from '../../src/platforms/telegram/parse.ts';
import { renderTelegram } from '../../src/platforms/telegram/render.ts';
import { splitText } from '../../src/platforms/split-text.ts';
import { parseZaloUpdate } from '../../src/platforms/zalo/parse.ts';
import { renderZalo } from '../../src/platforms/zalo/render.ts';

const sample = (path: string) => JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8'));

describe('Telegram updates (real samples)', () => {
  it('reads a /start message', () => {
    const parsed = parseTelegramUpdate(sample('telegram/01_message_text_start_official.json'));
    expect(parsed).toMatchObject({
      ok: true,
      incoming: {
        platform: 'telegram',
        updateKey: '10000',
        kind: 'message',
        chatId: '1111111',
        userId: '1111111',
        text: '/start',
        chatType: 'private',
        displayName: 'Test Firstname Test Lastname',
      },
    });
  });

  it('reads a photo with caption, taking the largest size', () => {
    const parsed = parseTelegramUpdate(sample('telegram/06_message_photo_caption.json'));
    expect(parsed.ok && parsed.incoming).toMatchObject({
      text: 'El Psy Kongroo',
      photos: [{ fileId: expect.stringMatching(/ANtAAM2BA$/) }],
    });
  });

  it('reads a block as my_chat_member "kicked"', () => {
    const parsed = parseTelegramUpdate(sample('telegram/09_my_chat_member_private_blocked.json'));
    expect(parsed.ok && parsed.incoming).toMatchObject({ kind: 'blocked', chatId: '0' });
  });

  it('an inline-mode callback without a chat message is acknowledged but not acted on', () => {
    expect(parseTelegramUpdate(sample('telegram/04_callback_query_inline_official.json'))).toEqual({
      ok: true,
      incoming: null,
    });
  });

  it('rejects bodies that are not updates', () => {
    for (const body of [null, 'x', [], {}, { update_id: 'a' }, { update_id: 1, message: { text: 'no chat' } }]) {
      expect(parseTelegramUpdate(body).ok).toBe(false);
    }
  });
});

describe('Zalo updates (real samples)', () => {
  it('accepts the documented wrapped and the observed flat body alike', () => {
    const wrapped = parseZaloUpdate(sample('zalo/bot-webhook-text-documented-wrapped.json'));
    const flat = parseZaloUpdate(sample('zalo/bot-webhook-text-flat-observed.json'));
    expect(wrapped).toMatchObject({
      ok: true,
      incoming: {
        platform: 'zalo',
        text: 'Xin chào',
        chatId: '6ede9afa66b88fe6d6a9',
        displayName: 'Ted',
        updateKey: '2d758cb5e222177a4e35',
      },
    });
    expect(flat).toMatchObject({
      ok: true,
      incoming: { text: 'Cho em xem menu', chatId: 'chat-123', userId: 'user-1', seq: 1790849894761 },
    });
  });

  it('reads an image by its URL and caption', () => {
    const parsed = parseZaloUpdate(sample('zalo/bot-update-image-photo_url-observed.json'));
    expect(parsed.ok && parsed.incoming).toMatchObject({
      photos: [{ url: expect.stringMatching(/^https:\/\/photo-stal/) }],
      text: 'photo with captions',
    });
  });

  it('marks stickers and voice as unsupported', () => {
    const body = {
      event_name: 'message.sticker.received',
      message: { message_id: 'm1', date: 1, from: { id: 'u' }, chat: { id: 'u', chat_type: 'PRIVATE' } },
    };
    expect(parseZaloUpdate(body)).toMatchObject({ ok: true, incoming: { unsupported: true } });
  });
});

describe('rendering', () => {
  const menu = [
    { id: 'lang:vi', label: 'Tiếng Việt' },
    { id: 'lang:en', label: 'English' },
  ];

  it('Telegram: one inline button per option, data = option id', () => {
    const [m] = renderTelegram({ text: 'Chọn', menu });
    expect(m!.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: 'Tiếng Việt', callback_data: 'lang:vi' }],
        [{ text: 'English', callback_data: 'lang:en' }],
      ],
    });
  });

  it('Telegram: refuses callback data over 64 bytes instead of letting the API fail later', () => {
    expect(() => renderTelegram({ text: 'x', menu: [{ id: 'á'.repeat(33), label: 'x' }] })).toThrow(/64 bytes/);
  });

  it('Zalo: a numbered list with the hint, split under 2000 characters', () => {
    const [m] = renderZalo({ text: 'Chọn', menu, menuHint: 'Trả lời bằng số.' });
    expect(m).toBe('Chọn\n\n1. Tiếng Việt\n2. English\n\nTrả lời bằng số.');
    const long = renderZalo({ text: 'Đoạn văn. '.repeat(500), menu });
    expect(long.length).toBeGreaterThan(2);
    for (const part of long) expect(part.length).toBeLessThanOrEqual(2000);
    expect(long.at(-1)).toContain('2. English');
  });

  it('splitText keeps words and surrogate pairs whole', () => {
    const parts = splitText('🙂'.repeat(3000), 4096);
    expect(parts.join('')).toBe('🙂'.repeat(3000));
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(splitText('một hai ba bốn', 8)).toEqual(['một hai', 'ba bốn']);
  });
});
