import { describe, expect, it } from 'vitest';
import { OPERATOR } from '../../src/core/scope.ts';
import { redeemSignInLink } from '../../src/features/console/sessions.ts';
import { createModel } from '../../src/features/models/actions.ts';
import { Pii } from '../../src/security/pii.ts';
import { runCli } from '../support/cli.ts';
import { ENCRYPTION_KEY, type Harness } from '../support/harness.ts';
import { harnessInHungMy } from '../support/hung-my.ts';
import { onboard } from '../support/onboard.ts';
import { areaCode } from '../support/staff.ts';
import { TelegramUser } from '../support/users.ts';
import { runUseCase } from '../support/use-cases.ts';

let h: Harness;
let hungMy: string;
harnessInHungMy((started) => ({ h, hungMy } = started));

const demo = (...args: string[]) => runCli(h, ['demo', ...args], { PUBLIC_URL: 'https://antq.example' });

/** Rows of every kind the demo writes, to see that --remove leaves exactly what was there before. */
async function counts() {
  const [users, identities, grants, models, festivals, reminders, broadcasts, links] = await Promise.all([
    h.db.user.count(),
    h.db.identity.count(),
    h.db.staffGrant.count(),
    h.db.localModel.count(),
    h.db.festival.count(),
    h.db.festivalReminder.count(),
    h.db.broadcast.count(),
    h.db.consoleLink.count(),
  ]);
  return { users, identities, grants, models, festivals, reminders, broadcasts, links };
}

/** Signs in with a printed link the way the console's login route does: as whom? */
async function signInWith(out: string) {
  const link = /https:\/\/antq\.example\/console\/login\?token=(\S+)/.exec(out);
  expect(link, out).not.toBeNull();
  const opened = await h.db.$transaction((tx) =>
    redeemSignInLink(tx, new Pii(ENCRYPTION_KEY), decodeURIComponent(link![1]!)),
  );
  if (!opened.ok) throw new Error(opened.reason);
  return opened.actor;
}

describe('npm run cli -- demo (issue 16)', () => {
  it('fills Hưng Mỹ with a [Demo] officer, model and festival once; --remove deletes exactly those', async () => {
    // Something of the operator's own in the same commune, which --remove must leave alone.
    const { result: own } = await runUseCase(h.db, (s) =>
      createModel(s, OPERATOR, { areaCode: hungMy, name: 'Tổ tự quản ấp 3', kind: 'team' }),
    );
    expect(own.ok).toBe(true);
    const before = await counts();

    const first = await demo();
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/^Demo created in Xã Hưng Mỹ \(\d+\):$/m);
    expect(first.out).toMatch(/model #\d+ "\[Demo\] Tổ an ninh tự quản ấp Mới", join code MH-/);
    expect(first.out).toMatch(
      /festival #\d+ "\[Demo\] Ngày hội Toàn dân bảo vệ an ninh Tổ quốc", \d{4}-\d{2}-\d{2} 07:30 \+07/,
    );
    const officer = await signInWith(first.out);
    expect(officer.kind === 'person' && officer.person.grants.map((g) => [g.role, g.areaCode, g.label])).toEqual([
      ['officer', hungMy, '[Demo] Cán bộ Công an xã'],
    ]);
    const festival = await h.db.festival.findFirstOrThrow({ where: { title: { startsWith: '[Demo]' } } });
    expect(festival.startsAt.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    expect(await h.db.festivalReminder.count({ where: { festivalId: festival.id, status: 'pending' } })).toBe(3);
    const created = await counts();

    // Again: the same demo, a new link, nothing more.
    const again = await demo();
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/^Demo already in place in Xã Hưng Mỹ/m);
    expect(again.out).toContain(`festival #${festival.id} `);
    const same = await signInWith(again.out);
    expect(same.kind === 'person' && same.person.user.id).toBe(officer.kind === 'person' && officer.person.user.id);
    expect(await counts()).toEqual({ ...created, links: created.links + 1 });

    const removed = await demo('--remove');
    expect(removed.code, removed.out).toBe(0);
    expect(removed.out).toMatch(/^Demo removed: 1 officer, 1 model, 1 festival \(with 1 notice\(s\)\)\.$/m);
    expect(await counts()).toEqual(before);
    expect((await h.db.localModel.findFirstOrThrow({ where: { areaCode: hungMy } })).name).toBe('Tổ tự quản ấp 3');
    expect((await demo('--remove')).out).toMatch(/^No demo to remove\.$/m);
    const ledger = await h.db.auditLog.findMany({ where: { entity: 'Demo' }, orderBy: { id: 'asc' } });
    expect(ledger.map((e) => e.action)).toEqual(['demo.create', 'demo.remove']);

    // And a new demo after that is a new one.
    const next = await demo();
    expect(next.out).toMatch(/^Demo created in Xã Hưng Mỹ/m);
    expect((await demo('--remove')).code).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it('never fills a commune people live in (there, the default one), nor takes bad options', async () => {
    await onboard(new TelegramUser(h));
    const before = await counts();
    const refused = await demo();
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/^Xã Hưng Mỹ has 1 resident\(s\), who would be told of the demo festival/m);
    const baDinh = await areaCode(h, 'Phường Ba Đình', 'Hà Nội');
    expect(await counts()).toEqual(before);
    expect((await demo('--area', '99999999')).out).toMatch(/--area: no commune or ward with code 99999999/);
    expect((await demo('--remove', '--area', baDinh)).code).toBe(2);
    expect((await demo('--colour', 'red')).out).toMatch(/^usage: demo/m);
    expect(await counts()).toEqual(before);
  });
});
