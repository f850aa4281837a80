import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_DATA_ENCRYPTION_KEY,
  loadConfig,
  loadConfigFields,
  queueBackendOf,
  usesExampleKey,
  zaloOaSettings,
} from '../../src/config.ts';
import { keepMenu, readMenuAnswer, resolveMenuAnswer } from '../../src/core/menu.ts';
import { renderZalo } from '../../src/platforms/zalo/render.ts';
import { parseCommand } from '../../src/core/router.ts';
import { I18n, LOCALES } from '../../src/i18n/index.ts';
import { createLogger } from '../../src/logger.ts';
import { Pii } from '../../src/security/pii.ts';

describe('menus answered by typing', () => {
  const pii = new Pii('ab'.repeat(32));
  const menu = keepMenu(pii, [
    { id: 'consent:yes', label: '✅ Tôi đồng ý' },
    { id: 'consent:no', label: '❌ Không đồng ý' },
  ]);
  it.each([
    ['1', 'consent:yes'],
    ['2.', 'consent:no'],
    [' 2) ', 'consent:no'],
    ['Tôi đồng ý', 'consent:yes'],
    ['toi dong y', 'consent:yes'],
    ['KHÔNG ĐỒNG Ý', 'consent:no'],
    // An option's id typed is not an answer: presses arrive as presses (kind 'choice').
    ['consent:no', undefined],
    ['3', undefined],
    ['đồng', undefined],
    ['', undefined],
  ])('%j → %s', (text, id) => {
    expect(resolveMenuAnswer(text, menu, pii)).toBe(id);
  });
});

describe('menus with fixed numbers', () => {
  const pii = new Pii('ab'.repeat(32));
  // A tip that can no longer be acknowledged: its actions keep their numbers, the way back counts on.
  const options = [
    { id: 'tip:reply', label: '💬 Trả lời', n: 3 },
    { id: 'tip:duplicate', label: '🔁 Trùng tin', n: 6 },
    { id: 'tip:spam', label: '🚫 Tin rác', n: 7 },
    { id: 'home', label: '↩️ Quay lại' },
  ];

  it('Zalo shows each option under the number that picks it', () => {
    const [text] = renderZalo({ text: 'Tin', menu: options });
    expect(text).toBe('Tin\n\n3. 💬 Trả lời\n6. 🔁 Trùng tin\n7. 🚫 Tin rác\n8. ↩️ Quay lại');
    const kept = keepMenu(pii, options);
    expect(resolveMenuAnswer('6', kept, pii)).toBe('tip:duplicate');
    expect(resolveMenuAnswer('8', kept, pii)).toBe('home');
    expect(resolveMenuAnswer('1', kept, pii)).toBeUndefined();
    expect(resolveMenuAnswer('4', kept, pii)).toBeUndefined();
  });

  it('a menu kept before numbers were stored is read by position', () => {
    const kept = keepMenu(pii, options).map(({ n: _n, ...o }) => o);
    expect(resolveMenuAnswer('2', kept, pii)).toBe('tip:duplicate');
  });

  it('two options under one number answer neither', () => {
    const kept = keepMenu(pii, [
      { id: 'a', label: 'A', n: 2 },
      { id: 'b', label: 'B', n: 2 },
    ]);
    expect(readMenuAnswer('2', kept, pii)).toEqual({ kind: 'ambiguous' });
  });
});

describe('commands', () => {
  it('reads a command, its bot mention and its payload', () => {
    expect(parseCommand('/start m_AB12')).toEqual({ name: 'start', args: 'm_AB12' });
    expect(parseCommand('/Help@antq_bot')).toEqual({ name: 'help', args: '' });
    expect(parseCommand('hello /start')).toBeUndefined();
    expect(parseCommand('/')).toBeUndefined();
  });
});

describe('locales', () => {
  it('vi and en define the same messages', () => {
    const i18n = new I18n('vi');
    const [vi, en] = LOCALES.map((l) => i18n.messageIds(l).sort());
    expect(en).toEqual(vi);
  });
});

describe('configuration', () => {
  const valid = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x', DATA_ENCRYPTION_KEY: 'ab'.repeat(32) };

  it('applies the documented defaults', () => {
    expect(loadConfig(valid)).toMatchObject({
      PORT: 3000,
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      ZALO_API_ROOT: 'https://bot-api.zaloplatforms.com',
      UPDATES_MODE: 'webhook',
      DEFAULT_LOCALE: 'vi',
      LOG_LEVEL: 'info',
    });
  });

  it('the queue backend: Redis when REDIS_URL is set, PostgreSQL alone when it is not, or as QUEUE_BACKEND says', () => {
    expect(loadConfig(valid).REDIS_URL).toBeUndefined();
    expect(queueBackendOf(loadConfig(valid))).toBe('postgres');
    expect(queueBackendOf(loadConfig({ ...valid, REDIS_URL: 'redis://127.0.0.1:6379' }))).toBe('redis');
    expect(queueBackendOf(loadConfig({ ...valid, REDIS_URL: 'redis://r:6379', QUEUE_BACKEND: 'postgres' }))).toBe(
      'postgres',
    );
    expect(queueBackendOf(loadConfig({ ...valid, QUEUE_BACKEND: 'redis' }))).toBe('redis');
    expect(() => loadConfig({ ...valid, QUEUE_BACKEND: 'memory' })).toThrow(/QUEUE_BACKEND/);
  });

  it('a messenger with a token needs its webhook secret in webhook mode', () => {
    expect(() => loadConfig({ ...valid, TELEGRAM_BOT_TOKEN: '123:abc' })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET: is required/,
    );
    expect(() => loadConfig({ ...valid, ZALO_BOT_TOKEN: 'z', ZALO_WEBHOOK_SECRET: 'short' })).toThrow(
      /ZALO_WEBHOOK_SECRET: must be 8-256/,
    );
    expect(
      loadConfig({ ...valid, TELEGRAM_BOT_TOKEN: '123:abc', UPDATES_MODE: 'polling' }).TELEGRAM_WEBHOOK_SECRET,
    ).toBeUndefined();
  });

  it('the example DATA_ENCRYPTION_KEY of .env.example: accepted (the service warns), refused in production', () => {
    const example = { ...valid, DATA_ENCRYPTION_KEY: EXAMPLE_DATA_ENCRYPTION_KEY };
    expect(usesExampleKey(loadConfig(example))).toBe(true);
    expect(usesExampleKey(loadConfig(valid))).toBe(false);
    expect(readFileSync('.env.example', 'utf8')).toContain(`DATA_ENCRYPTION_KEY=${EXAMPLE_DATA_ENCRYPTION_KEY}\n`);
    const refusal = /DATA_ENCRYPTION_KEY: is the example key from \.env\.example, refused with NODE_ENV=production/;
    expect(() => loadConfig({ ...example, NODE_ENV: 'production' })).toThrow(refusal);
    // The CLI reads the key alone: refused the same way.
    expect(() => loadConfigFields(['DATA_ENCRYPTION_KEY'], { ...example, NODE_ENV: 'production' })).toThrow(refusal);
    expect(loadConfig({ ...valid, NODE_ENV: 'production' }).DATA_ENCRYPTION_KEY).toBe(valid.DATA_ENCRYPTION_KEY);
  });

  it('the Zalo OA is off without its settings, on with all three, and a partial set names what is missing', () => {
    const oa = { ZALO_OA_APP_ID: '360846524940903967', ZALO_OA_SECRET_KEY: 'oa-key', ZALO_APP_SECRET: 'app-secret' };
    expect(zaloOaSettings(loadConfig(valid))).toBeUndefined();
    expect(zaloOaSettings(loadConfig({ ...valid, ...oa }))).toEqual({
      appId: oa.ZALO_OA_APP_ID,
      oaSecretKey: 'oa-key',
      appSecret: 'app-secret',
    });
    expect(loadConfig({ ...valid, ...oa, ZALO_OA_QUOTA_RETRY_SECONDS: '60' }).ZALO_OA_QUOTA_RETRY_SECONDS).toBe(60);
    expect(loadConfig(valid)).toMatchObject({
      ZALO_OA_API_ROOT: 'https://openapi.zalo.me',
      ZALO_OAUTH_ROOT: 'https://oauth.zaloapp.com',
      ZALO_OA_RATE: 20,
    });
    const partial = () => loadConfig({ ...valid, ZALO_OA_APP_ID: oa.ZALO_OA_APP_ID });
    expect(partial).toThrow(/ZALO_OA_SECRET_KEY: is required[\s\S]*ZALO_APP_SECRET: is required/);
    expect(partial).not.toThrow(/ZALO_OA_APP_ID:/);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ ...valid, UPDATES_MODE: 'push', DEFAULT_LOCALE: 'fr', REDIS_URL: 'http://x' })).toThrow(
      /UPDATES_MODE[\s\S]*DEFAULT_LOCALE|DEFAULT_LOCALE[\s\S]*UPDATES_MODE/,
    );
  });
});

describe('personal data crypto', () => {
  const pii = new Pii('42'.repeat(32));
  it('encrypts with a fresh nonce each time and decrypts back', () => {
    const a = pii.encrypt('Nguyễn Văn An');
    const b = pii.encrypt('Nguyễn Văn An');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(pii.decrypt(a)).toBe('Nguyễn Văn An');
  });
  it('detects tampering', () => {
    const sealed = pii.encrypt('123456789');
    sealed[sealed.length - 1]! ^= 1;
    expect(() => pii.decrypt(sealed)).toThrow();
  });
  it('hashes deterministically per key', () => {
    expect(pii.hash('user', 'zalo', 'x')).toBe(pii.hash('user', 'zalo', 'x'));
    expect(pii.hash('user', 'zalo', 'x')).not.toBe(new Pii('43'.repeat(32)).hash('user', 'zalo', 'x'));
  });
});

describe('logs', () => {
  it('scrub configured secrets from serialized errors', () => {
    const lines: string[] = [];
    const log = createLogger('info', ['123456:SECRET-token'], { write: (s: string) => lines.push(s) });
    log.error(
      { err: new Error('POST https://api.telegram.org/bot123456:SECRET-token/sendMessage failed') },
      'send failed',
    );
    expect(lines.join('')).not.toContain('SECRET-token');
    expect(lines.join('')).toContain('bot[redacted]/sendMessage');
  });
});
