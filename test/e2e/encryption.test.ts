import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pii } from '../../src/security/pii.ts';
import { findIdentity, startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
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

  it('a menu naming a member is kept without the name, and typed answers to it still work', async () => {
    const hungMy = await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau');
    const leader = new TelegramUser(h, 'Trần', 'Văn Trưởng');
    await makeStaff(h, leader, hungMy, 'leader');
    const member = new ZaloUser(h, 'Vũ Thị Hạnh');
    await onboard(member);
    const model = await h.db.localModel.create({
      data: {
        joinCode: 'MH-ENC9AB',
        areaCode: hungMy,
        name: 'Camera ấp 9',
        kind: 'camera',
        leaderId: (await findIdentity(h, 'telegram', leader.chatId))!.userId,
      },
    });
    const memberId = (await findIdentity(h, 'zalo', member.id))!.userId;
    await h.db.membership.create({ data: { modelId: model.id, userId: memberId, status: 'pending', showName: true } });

    await leader.send('/models');
    await leader.pressLabel(await leader.expect(/Mô hình bạn phụ trách/), /Camera ấp 9/);
    await leader.pressLabel(await leader.expect(/Thành viên: 0/), /Yêu cầu chờ duyệt \(1\)/);
    const asked = await leader.expect(/đang chờ duyệt/);
    expect(asked.options.map((o) => o.label)).toContain('✅ Duyệt: Vũ Thị Hạnh');

    const dump = await dumpAllTables(h.config.DATABASE_URL);
    expect(dump).toContain('Conversation:'); // the scan did read the dialogues
    for (const secret of ['Vũ Thị Hạnh', 'Thị Hạnh', 'vu thi hanh']) {
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(Buffer.from(secret).toString('hex'));
    }
    // Typed as on Zalo: case and diacritics do not matter.
    await leader.send('duyet: VU THI HANH');
    await member.expect(/Bạn đã được duyệt vào "Camera ấp 9"/);
  });
});
