import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { ownDatabase, startHarness, type Harness } from '../support/harness.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { TelegramUser } from '../support/users.ts';

/** A database of its own, reached by the service only through a proxy the test can freeze. */
async function behindProxy(extra: Record<string, string> = {}) {
  const database = await ownDatabase();
  const target = new URL(database.url);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const viaProxy = new URL(target);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  const h = await startHarness({ DATABASE_URL: viaProxy.toString(), ...extra });
  // The test looks at the ledger directly, never through the frozen proxy.
  const direct = createDb(database.url, { max: 2 });
  return {
    h,
    proxy,
    direct,
    async close() {
      // Frozen sockets are dropped first, so the service's stop does not wait for them.
      await proxy.close();
      await h.close();
      await direct.$disconnect();
      await database.drop();
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The service's database limits at 0.4 times their defaults, in the same order (the pool counts as wedged
 * first, then statements and queries time out, then the server ends sessions idle in a transaction), and a
 * freeze of new connections that outlasts the wedge threshold and the statement timeout as the defaults'
 * 15 s does: the same sequence of failures, in 40 % of the time.
 */
const LIMITS = {
  DB_WEDGED_SECONDS: '4',
  DB_STATEMENT_TIMEOUT_MS: '6000',
  DB_QUERY_TIMEOUT_MS: '8000',
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '12000',
  DB_KEEPALIVE_DELAY_MS: '4000',
};
const NEW_CONNECTIONS_HANG_MS = 6000;
const HEALTH_STALL_SECONDS = 4;

async function postAll(h: Harness, updates: unknown[], parallel = 50): Promise<void> {
  for (let i = 0; i < updates.length; i += parallel) {
    const answers = await Promise.all(updates.slice(i, i + parallel).map((u) => h.post('telegram', u)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  }
}

describe('PostgreSQL goes silent (sockets open, no data, no FIN)', () => {
  it('every pending update is handled within 60 s once new connections go through, without a restart', async () => {
    const env = await behindProxy({ FLOOD_PER_MINUTE: '10000', ...LIMITS });
    try {
      const { h, proxy, direct } = env;
      // 100 chats keep every drainer (32) and pooled connection (10) busy when the freeze comes; two updates
      // each, answered at Telegram's 30 msg/s, leave most of them pending then however fast the rest runs.
      const users = Array.from({ length: 100 }, () => new TelegramUser(h));
      const updates = users.flatMap((u) => Array.from({ length: 2 }, (_, i) => u.messageUpdate({ text: `hi ${i}` })));
      await postAll(h, updates);

      // Every open connection goes silent for good; for a while new ones hang as well.
      proxy.freeze('freeze');
      const pendingAtFreeze = await direct.inboundUpdate.count({ where: { status: 'pending' } });
      expect(pendingAtFreeze).toBeGreaterThan(0);
      await sleep(NEW_CONNECTIONS_HANG_MS);
      proxy.admit('pass');

      const deadline = Date.now() + 60_000;
      let pending = pendingAtFreeze;
      while (pending > 0 && Date.now() < deadline) {
        await sleep(500);
        pending = await direct.inboundUpdate.count({ where: { status: 'pending' } });
      }
      expect(pending).toBe(0);
      expect(await direct.inboundUpdate.count({ where: { status: 'done' } })).toBe(updates.length);
      // And the webhook takes new updates again.
      await new TelegramUser(h).send('after the freeze');
    } finally {
      await env.close();
    }
  }, 120_000);

  it('/healthz fails within its threshold when nothing can progress', async () => {
    const env = await behindProxy({ HEALTH_STALL_SECONDS: String(HEALTH_STALL_SECONDS), ...LIMITS });
    try {
      const { h, proxy } = env;
      await new TelegramUser(h).send('before the freeze');
      expect((await fetch(`${h.url}/healthz`)).status).toBe(200);

      proxy.freeze('freeze');
      const frozenAt = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - frozenAt < 20_000) {
        await sleep(500);
        status = (await fetch(`${h.url}/healthz`)).status;
      }
      expect(status).toBe(503);
      // Within the threshold and the probe's own interval.
      expect(Date.now() - frozenAt).toBeLessThan(HEALTH_STALL_SECONDS * 1000 + 5_000);
    } finally {
      await env.close();
    }
  }, 60_000);
});
