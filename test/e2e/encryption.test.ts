import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pii } from '../../src/security/pii.ts';
import { findIdentity, startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** Every row of every table of the app, as PostgreSQL prints it (bytea as hex). */
async function dumpAllTables(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('Area', 'AreaAlias', '_prisma_migrations')`,
    );
    const parts: string[] = [];
    for (const { tablename } of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${tablename}" t`);
      parts.push(...rows.rows.map((r) => `${tablename}: ${r.row}`));
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}

describe('personal data at rest', () => {
  it('no table holds a platform id, chat id, name or username in plaintext', async () => {
    const t = new TelegramUser(h, 'Phạm', 'Minh Tuấn', 'tuan_pham_private');
    const z = new ZaloUser(h, 'Đỗ Thị Mai Lan');
    await Promise.all([onboard(t), onboard(z)]);
    await t.send('/mydata');
    await t.expect(/Dữ liệu bot lưu về bạn/);

    const dump = await dumpAllTables(h.config.DATABASE_URL);
    expect(dump).toContain('Identity:'); // the scan did read the identities
    const secrets = [t.chatId, 'Minh Tuấn', 'Phạm Minh Tuấn', 'tuan_pham_private', z.id, 'Đỗ Thị Mai Lan'];
    for (const secret of secrets) {
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(Buffer.from(secret).toString('hex'));
    }

    // The stored values are the encrypted ones, and they decrypt with the key.
    const pii = new Pii(h.config.DATA_ENCRYPTION_KEY);
    const ti = (await findIdentity(h, 'telegram', t.chatId))!;
    expect(pii.decrypt(ti.platformIdEnc)).toBe(t.chatId);
    expect(pii.decrypt(ti.displayNameEnc!)).toBe('Phạm Minh Tuấn');
    const zi = (await findIdentity(h, 'zalo', z.id))!;
    expect(pii.decrypt(zi.chatIdEnc)).toBe(z.id);
    expect(pii.decrypt(zi.displayNameEnc!)).toBe('Đỗ Thị Mai Lan');
    // Another key cannot read them.
    expect(() => new Pii('11'.repeat(32)).decrypt(ti.platformIdEnc)).toThrow();
  });
});
