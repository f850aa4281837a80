import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DATA_ENCRYPTION_KEY } from '../../src/config.ts';
import type { StaffGrant } from '../../src/generated/prisma/client.ts';
import { CLI_TEST, runCli, runCliProcess } from '../support/cli.ts';
import { ownDatabase, type Harness } from '../support/harness.ts';
import { harnessInHungMy } from '../support/hung-my.ts';
import { onboard } from '../support/onboard.ts';
import { freePort, spawnService } from '../support/process.ts';
import { makeStaff } from '../support/staff.ts';
import { until } from '../support/until.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

let h: Harness;
let hungMy: string;
harnessInHungMy((started) => ({ h, hungMy } = started));

const cli = (args: string[], env: Record<string, string> = {}) => runCli(h, args, env);

/** Every printed time is Vietnam time with its offset. */
const VN_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2} \+07/;

describe('operator CLI (issue 13)', () => {
  let officer: TelegramUser;
  let grant: StaffGrant;
  beforeAll(async () => {
    officer = new TelegramUser(h, 'Lê', 'Văn Bình');
    await makeStaff(h, officer, hungMy, 'officer', 'Đại uý Lê Văn Bình');
    grant = await h.db.staffGrant.findFirstOrThrow({ where: { label: 'Đại uý Lê Văn Bình' } });
  });

  it('staff list shows each grant with its area and display label; staff label sets one', async () => {
    const listed = await cli(['staff', 'list', '--area', hungMy]);
    expect(listed.code, listed.out).toBe(0);
    const line = listed.out.split('\n').find((l) => l.startsWith(grant.id))!;
    expect(line).toMatch(
      new RegExp(
        `^${grant.id}  officer  ${hungMy}  Xã Hưng Mỹ, Cà Mau  "Đại uý Lê Văn Bình"  since ${VN_TIME.source}$`,
      ),
    );
    expect(listed.out).not.toContain(officer.chatId);

    const relabelled = await cli(['staff', 'label', grant.id, 'Thiếu', 'tá', 'Lê', 'Văn', 'Bình']);
    expect(relabelled.out).toMatch(/^Labelled: officer of \d+ is now "Thiếu tá Lê Văn Bình"\./m);
    expect((await h.db.staffGrant.findUniqueOrThrow({ where: { id: grant.id } })).label).toBe('Thiếu tá Lê Văn Bình');
    const tooShort = await cli(['staff', 'label', grant.id, 'x']);
    expect(tooShort.code).toBe(2);
    expect(tooShort.out).toMatch(/A display label has 2–60 characters/);
  });

  it('invite list shows open invites without their codes; invite revoke withdraws one; audit lists, filtered', async () => {
    const created = await cli(['invite', '--role', 'officer', '--area', hungMy, '--days', '3']);
    expect(created.code, created.out).toBe(0);
    const code = /Invite code: (\S+)/.exec(created.out)![1]!;
    expect(created.out).toMatch(new RegExp(`valid until ${VN_TIME.source}, usable once\\.`));
    const invite = await h.db.staffInvite.findFirstOrThrow({
      where: { usedAt: null },
      orderBy: { createdAt: 'desc' },
    });

    const open = await cli(['invite', 'list', '--area', hungMy]);
    expect(open.code, open.out).toBe(0);
    expect(open.out).toMatch(
      new RegExp(
        `^${invite.id}  officer  ${hungMy}  Xã Hưng Mỹ, Cà Mau  expires ${VN_TIME.source}  created ${VN_TIME.source}$`,
        'm',
      ),
    );
    // The code itself is never shown again, not even in part.
    for (const part of code.split('-')) expect(open.out).not.toContain(part);

    const revoked = await cli(['invite', 'revoke', invite.id]);
    expect(revoked.out).toMatch(new RegExp(`^Revoked: invite ${invite.id} \\(officer of ${hungMy}\\)`, 'm'));
    expect((await cli(['invite', 'list', '--area', hungMy])).out).not.toContain(invite.id);
    const again = await cli(['invite', 'revoke', invite.id]);
    expect(again.code).toBe(2);
    expect(again.out).toMatch(/already used, revoked or expired/);
    const late = new ZaloUser(h);
    await onboard(late);
    await late.send(`/staff ${code}`);
    await late.expect(/Mã mời đã hết hạn/);
    expect(await h.db.staffGrant.count({ where: { areaCode: hungMy } })).toBe(1);

    const invites = await cli(['audit', '--area', hungMy, '--kind', 'invite', '--limit', '3']);
    expect(invites.code, invites.out).toBe(0);
    const lines = invites.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(new RegExp(`^${VN_TIME.source}  invite\\.`));
    expect(lines[0]).toMatch(
      new RegExp(`  invite\\.revoke  StaffInvite ${invite.id}  by operator  area ${hungMy}  \\{"role":"officer"`),
    );
    expect(lines[1]).toMatch(new RegExp(`  invite\\.create  StaffInvite ${invite.id}  by operator  area ${hungMy}`));
    expect(lines[2]).toMatch(
      new RegExp(`  invite\\.redeem  StaffGrant ${grant.id}  by ${grant.userId}  area ${hungMy}`),
    );
    // The revoked code tried: a failure, kept by the guesser's keyed hash, of no area.
    const failed = await cli(['audit', '--kind', 'invite.failed', '--limit', '1']);
    expect(failed.out.trim()).toMatch(
      new RegExp(`^${VN_TIME.source}  invite\\.failed  InviteGuesser \\S+  by \\S+  area -  \\{"reason":"expired"\\}$`),
    );

    // By person (a grant id stands for its holder): what the officer did and what was done to their grant.
    const person = await cli(['audit', '--person', grant.id]);
    expect(person.out).toMatch(
      new RegExp(`  grant\\.label  StaffGrant ${grant.id}  by operator  area ${hungMy}$`, 'm'),
    );
    expect(person.out).toMatch(
      new RegExp(`  invite\\.redeem  StaffGrant ${grant.id}  by ${grant.userId}  area ${hungMy}`),
    );
    const everything = (await cli(['audit', '--limit', '1000'])).out;
    for (const secret of [code, officer.chatId, late.chatId, 'Lê Văn Bình']) expect(everything).not.toContain(secret);
    const bad = await cli(['audit', '--limit', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/--limit: .*\nusage: audit/);
  });

  it('a command that kicks the queues says nothing of Redis while it is up, and says so when it is down', async () => {
    const text = ['broadcast', 'create', '--area', hungMy, '--text', 'Thông báo lịch tiêm phòng dại cho chó mèo.'];
    const up = await cli(text);
    expect(up.code, up.out).toBe(0);
    expect(up.out).toMatch(/Broadcast #\d+/);
    expect(up.out).not.toMatch(/Redis unreachable/);

    const down = await cli([...text.slice(0, -1), 'Thông báo lịch họp tổ dân phố.'], {
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    });
    expect(down.code, down.out).toBe(0);
    expect(down.out).toMatch(/\(Redis unreachable: the workers pick this up at their next reconcile pass\.\)/);
  });

  it('the example DATA_ENCRYPTION_KEY: a warning at start; refused with NODE_ENV=production', CLI_TEST, async () => {
    const database = await ownDatabase();
    try {
      const env = {
        DATABASE_URL: database.url,
        REDIS_URL: h.config.REDIS_URL!,
        REDIS_PREFIX: `t${randomBytes(4).toString('hex')}`,
        DATA_ENCRYPTION_KEY: EXAMPLE_DATA_ENCRYPTION_KEY,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        MIGRATE_ON_START: 'false',
      };
      const refused = spawnService({ ...env, NODE_ENV: 'production' });
      expect(await refused.exited).toBe(1);
      expect(refused.output()).toMatch(
        /Invalid configuration:\n {2}DATA_ENCRYPTION_KEY: is the example key from \.env\.example, refused with NODE_ENV=production; generate your own: openssl rand -hex 32/,
      );
      // The CLI's own entry, as a process: its exit code and what it writes to stderr.
      const cliRefused = await runCliProcess(h, ['invite', '--role', 'officer', '--area', hungMy], {
        DATA_ENCRYPTION_KEY: EXAMPLE_DATA_ENCRYPTION_KEY,
        NODE_ENV: 'production',
      });
      expect(cliRefused.code).toBe(1);
      expect(cliRefused.out).toMatch(/DATA_ENCRYPTION_KEY: is the example key/);
      expect(cliRefused.out).not.toMatch(/Invite code/);

      const started = spawnService(env);
      try {
        await until(
          async () =>
            /DATA_ENCRYPTION_KEY is the example key/.test(started.output()) || started.child.exitCode !== null,
        );
        expect(started.child.exitCode, started.output()).toBeNull();
        expect(started.output()).toMatch(/"variable":"DATA_ENCRYPTION_KEY"/);
      } finally {
        started.child.kill('SIGTERM');
        await started.exited;
      }
    } finally {
      await database.drop();
    }
  });
});
