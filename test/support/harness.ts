import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Platform } from '../../src/core/messages.ts';
import { identityHash } from '../../src/core/people.ts';
import { Pii } from '../../src/security/pii.ts';
import { startService, type Role, type Service, type ServiceOptions } from '../../src/service.ts';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram.ts';
import { startFakeZalo, type FakeZalo } from '../fakes/zalo.ts';
import { oaEnv, startFakeZaloOa, type FakeZaloOa } from '../fakes/zalo-oa.ts';
import { cloneDatabase, type TestDatabase } from './database.ts';
import { forgetQueueData, queueEnv } from './queue-data.ts';

export const TELEGRAM_SECRET = 'tg-webhook-secret_123';
export const ZALO_SECRET = 'zalo-webhook-secret-456';
export const ENCRYPTION_KEY = randomBytes(32).toString('hex');

/** A database of the test's own, copied from the run's template. */
export function ownDatabase(): Promise<TestDatabase> {
  return cloneDatabase(inject('templateDatabaseUrl'));
}

/** Environment of a service wired to the fakes, as an operator would write it. */
export function serviceEnv(
  tg: FakeTelegram,
  zalo: FakeZalo,
  databaseUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    ...queueEnv(extra.QUEUE_BACKEND),
    REDIS_PREFIX: `t${randomBytes(4).toString('hex')}`,
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    TELEGRAM_API_ROOT: tg.apiRoot,
    ZALO_BOT_TOKEN: zalo.token,
    ZALO_WEBHOOK_SECRET: ZALO_SECRET,
    ZALO_API_ROOT: zalo.apiRoot,
    DATA_ENCRYPTION_KEY: ENCRYPTION_KEY,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MIGRATE_ON_START: 'false',
    // Tests never reach the internet: a map test brings its own tile server.
    CONSOLE_TILE_URL: 'none',
    ...extra,
  };
}

export interface Harness {
  tg: FakeTelegram;
  zalo: FakeZalo;
  oa: FakeZaloOa;
  /** Tests run on the machine's PostgreSQL: a DATABASE_URL is always set. */
  config: Config & { DATABASE_URL: string };
  service: Service;
  /** The service's database client. */
  readonly db: Service['db'];
  url: string;
  post(
    platform: 'telegram' | 'zalo',
    body: unknown,
    opts?: { secret?: string | null; raw?: string },
  ): Promise<Response>;
  restart(role?: Role): Promise<void>;
  close(): Promise<void>;
}

/** The real service (HTTP, inbox, worker) against fake messengers, the test database and Redis. */
export async function startHarness(
  extra: Record<string, string> = {},
  role: Role = 'all',
  options: ServiceOptions = {},
): Promise<Harness> {
  const tg = await startFakeTelegram();
  const zalo = await startFakeZalo();
  const oa = await startFakeZaloOa();
  const database = extra.DATABASE_URL ? undefined : await ownDatabase();
  const config = loadConfig(
    serviceEnv(tg, zalo, extra.DATABASE_URL ?? database!.url, { ...oaEnv(oa), ...extra }),
  ) as Harness['config'];
  const h: Harness = {
    tg,
    zalo,
    oa,
    config,
    service: await startService(config, role, options),
    get db() {
      return h.service.db;
    },
    url: '',
    async post(platform, body, opts = {}) {
      const secret =
        opts.secret === undefined ? (platform === 'telegram' ? TELEGRAM_SECRET : ZALO_SECRET) : opts.secret;
      const header = platform === 'telegram' ? 'x-telegram-bot-api-secret-token' : 'x-bot-api-secret-token';
      return fetch(`${h.url}/webhooks/${platform}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret !== null && { [header]: secret }) },
        body: opts.raw ?? JSON.stringify(body),
      });
    },
    async restart(nextRole = role) {
      await h.service.stop();
      h.service = await startService({ ...config, PORT: Number(new URL(h.url).port) }, nextRole, options);
      h.url = h.service.url;
    },
    async close() {
      await h.service.stop();
      await Promise.all([tg.close(), zalo.close(), oa.close(), forgetQueueData(config)]);
      await database?.drop();
    },
  };
  h.url = h.service.url;
  return h;
}

/** The stored identity (with its user) of a messenger account, found the way the service finds it. */
export function findIdentity(h: Harness, platform: Platform, platformUserId: string) {
  const pii = new Pii(h.config.DATA_ENCRYPTION_KEY);
  return h.service.db.identity.findUnique({
    where: { platform_platformIdHash: { platform, platformIdHash: identityHash(pii, platform, platformUserId) } },
    include: { user: true },
  });
}
