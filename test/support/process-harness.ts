import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram.ts';
import { startFakeZalo, type FakeZalo } from '../fakes/zalo.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import type { TestDatabase } from './database.ts';
import { ownDatabase, serviceEnv, TELEGRAM_SECRET, ZALO_SECRET } from './harness.ts';
import { forgetQueueData } from './queue-data.ts';
import { freePort, spawnService, waitForHttp, type ServiceProcess } from './process.ts';
import type { Chat } from './users.ts';

/** The service as a separate process (as operators run it), killable at any moment, against the fakes. */
export interface ProcessHarness extends Chat {
  env: Record<string, string>;
  url: string;
  /** A database client of the test's own, on the service's database. */
  db: Db;
  proc: ServiceProcess | undefined;
  start(): Promise<void>;
  kill(): Promise<void>;
  close(): Promise<void>;
}

export async function startProcessHarness(extra: Record<string, string> = {}): Promise<ProcessHarness> {
  const tg: FakeTelegram = await startFakeTelegram();
  const zalo: FakeZalo = await startFakeZalo();
  const database: TestDatabase = await ownDatabase();
  const port = await freePort();
  const h: ProcessHarness = {
    tg,
    zalo,
    env: serviceEnv(tg, zalo, database.url, { PORT: String(port), LOG_LEVEL: 'info', ...extra }),
    url: `http://127.0.0.1:${port}`,
    db: createDb(database.url, { max: 2 }),
    proc: undefined,
    post: (platform, body) =>
      fetch(`${h.url}/webhooks/${platform}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [platform === 'telegram' ? 'x-telegram-bot-api-secret-token' : 'x-bot-api-secret-token']:
            platform === 'telegram' ? TELEGRAM_SECRET : ZALO_SECRET,
        },
        body: JSON.stringify(body),
      }),
    async start() {
      h.proc = spawnService(h.env);
      await waitForHttp(`${h.url}/readyz`);
    },
    async kill() {
      if (!h.proc) return;
      h.proc.child.kill('SIGKILL');
      await h.proc.exited;
    },
    async close() {
      await h.kill();
      await h.db.$disconnect();
      await Promise.all([
        tg.close(),
        zalo.close(),
        forgetQueueData({ ...h.env, DATABASE_URL: database.url, REDIS_PREFIX: h.env.REDIS_PREFIX! }),
      ]);
      await database.drop();
    },
  };
  return h;
}
