import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR, personActor, type Actor, type Scope } from '../../src/core/scope.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { inviteStaff, redeemInvite, revoke } from '../../src/features/staff/actions.ts';
import {
  auditSeenBy,
  grantsSeenBy,
  inviteAreasOf,
  invitesManagedBy,
  managesStaff,
  seesStaff,
} from '../../src/features/staff/directory.ts';
import type { StaffRole } from '../../src/generated/prisma/enums.ts';
import type { TestDatabase } from '../support/database.ts';
import { ownDatabase } from '../support/harness.ts';
import { seedPerson } from '../support/people.ts';
import { areaCode } from '../support/staff.ts';
import { runUseCase } from '../support/use-cases.ts';

let database: TestDatabase;
let db: Db;
let hungMy: string;
let caMau: string;
let baDinh: string;
beforeAll(async () => {
  database = await ownDatabase();
  db = createDb(database.url);
  hungMy = await areaCode({ db }, 'Xã Hưng Mỹ', 'Cà Mau');
  caMau = (await db.area.findUniqueOrThrow({ where: { code: hungMy } })).parentCode!;
  baDinh = await areaCode({ db }, 'Phường Ba Đình', 'Hà Nội');
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const run = <T>(useCase: (scope: Scope) => Promise<T>) => runUseCase(db, useCase).then((r) => r.result);

async function staffOf(role: StaffRole, area: string, label?: string): Promise<Actor> {
  const person = await seedPerson(db, { areaCode: area, roles: [{ role, areaCode: area }] });
  if (label) await db.staffGrant.updateMany({ where: { userId: person.user.id }, data: { label } });
  return personActor({ ...person, grants: await db.staffGrant.findMany({ where: { userId: person.user.id } }) });
}

describe('inviteStaff: who may invite for which area', () => {
  it('an admin for their area and those under it; not elsewhere, not above; never an officer', async () => {
    const commune = await staffOf('admin', hungMy);
    const province = await staffOf('admin', caMau);
    const officer = await staffOf('officer', hungMy);
    const invite = (actor: Actor, area: string) =>
      run((s) => inviteStaff(s, actor, { role: 'officer', areaCode: area, days: 7 }));

    const made = await invite(commune, hungMy);
    expect(made).toMatchObject({ ok: true, code: expect.stringMatching(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/) });
    expect(await invite(province, hungMy)).toMatchObject({ ok: true });
    expect(await invite(OPERATOR, baDinh)).toMatchObject({ ok: true });
    expect(await invite(commune, caMau)).toEqual({ ok: false, reason: 'not-admin' });
    expect(await invite(commune, baDinh)).toEqual({ ok: false, reason: 'not-admin' });
    expect(await invite(officer, hungMy)).toEqual({ ok: false, reason: 'not-admin' });
    expect(await invite(OPERATOR, '99999999')).toEqual({ ok: false, reason: 'no-area' });

    // Audited as the inviting admin; the code itself is kept nowhere.
    const byCommune = commune.kind === 'person' ? commune.person.user.id : '';
    const [entry, ...more] = await db.auditLog.findMany({ where: { actorId: byCommune, action: 'invite.create' } });
    expect(more).toEqual([]);
    expect(entry!.details).toMatchObject({ role: 'officer', areaCode: hungMy });
    expect(JSON.stringify(await db.staffInvite.findMany())).not.toContain(made.ok ? made.code : '?');
  });

  it('the areas offered: the admin’s and the communes under them; the provinces for the operator', async () => {
    const province = await staffOf('admin', caMau);
    const codes = (await inviteAreasOf(db, province)).map((a) => a.code);
    expect(codes).toEqual(expect.arrayContaining([caMau, hungMy]));
    expect(codes).not.toContain(baDinh);
    expect((await inviteAreasOf(db, await staffOf('officer', hungMy))).length).toBe(0);
    const all = await inviteAreasOf(db, OPERATOR);
    expect(all.every((a) => a.level === 'province')).toBe(true);
    expect(all.map((a) => a.code)).toContain(caMau);
  });
});

describe('who sees which staff and invites', () => {
  it('officers and admins see the colleagues of their areas; leaders see none; only admins manage', async () => {
    const admin = await staffOf('admin', hungMy, 'Thiếu tá A');
    const officer = await staffOf('officer', hungMy, 'Đại uý B');
    const elsewhere = await staffOf('officer', baDinh, 'Trung uý C');
    const leader = await staffOf('leader', hungMy);
    const labels = async (a: Actor) => (await grantsSeenBy(db, a)).map((g) => g.label);

    expect(await labels(officer)).toEqual(expect.arrayContaining(['Thiếu tá A', 'Đại uý B']));
    expect(await labels(officer)).not.toContain('Trung uý C');
    expect(await labels(await staffOf('admin', caMau))).toEqual(expect.arrayContaining(['Thiếu tá A', 'Đại uý B']));
    expect(await labels(OPERATOR)).toEqual(expect.arrayContaining(['Thiếu tá A', 'Trung uý C']));
    expect([seesStaff(leader), managesStaff(leader)]).toEqual([false, false]);
    expect([seesStaff(officer), managesStaff(officer)]).toEqual([true, false]);
    expect([seesStaff(admin), managesStaff(admin)]).toEqual([true, true]);
    expect(await labels(elsewhere)).not.toContain('Thiếu tá A');
  });

  it('invites by state, within the admin’s areas', async () => {
    const admin = await staffOf('admin', hungMy);
    const open = await run((s) => inviteStaff(s, admin, { role: 'officer', areaCode: hungMy, days: 7 }));
    const used = await run((s) => inviteStaff(s, admin, { role: 'leader', areaCode: hungMy, days: 7 }));
    const late = await run((s) => inviteStaff(s, OPERATOR, { role: 'admin', areaCode: hungMy, days: 1 }));
    const far = await run((s) => inviteStaff(s, OPERATOR, { role: 'officer', areaCode: baDinh, days: 7 }));
    if (!open.ok || !used.ok || !late.ok || !far.ok) throw new Error('not made');
    const redeemer = await seedPerson(db, { areaCode: hungMy });
    await run((s) => redeemInvite(s, redeemer, used.code));
    await db.staffInvite.updateMany({
      where: { role: 'admin', areaCode: hungMy, usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const ids = async (state: 'open' | 'used' | 'expired') =>
      (await invitesManagedBy(db, admin, state)).map((i) => `${i.role}@${i.areaCode}`);
    expect(await ids('open')).toContain(`officer@${hungMy}`);
    expect(await ids('used')).toContain(`leader@${hungMy}`);
    expect(await ids('expired')).toContain(`admin@${hungMy}`);
    expect(await ids('open')).not.toContain(`officer@${baDinh}`);
    expect((await invitesManagedBy(db, OPERATOR, 'open')).map((i) => i.areaCode)).toContain(baDinh);
  });
});

describe('auditSeenBy', () => {
  it('admins read their areas’ entries by staff labels, never naming others; officers read none', async () => {
    const admin = await staffOf('admin', hungMy, 'Thiếu tá Dương');
    const officer = await staffOf('officer', hungMy, 'Đại uý Hồ');
    const far = await staffOf('officer', baDinh, 'Đại uý Xa');
    const officerGrant = officer.kind === 'person' ? officer.person.grants[0]!.id : '';
    const farGrant = far.kind === 'person' ? far.person.grants[0]!.id : '';
    await run((s) => revoke(s, admin, officerGrant));
    await run((s) => revoke(s, OPERATOR, farGrant));
    // A resident's wrong code: recorded (it stops guessing), about no area, so in no admin's log.
    const resident = await seedPerson(db, { areaCode: hungMy });
    await run((s) => redeemInvite(s, resident, 'WRNG-CODE-2AAA'));

    expect(await auditSeenBy(db, officer, { limit: 50 })).toBeNull();
    expect(await auditSeenBy(db, admin, { areaCode: baDinh, limit: 50 })).toBeNull();
    const lines = (await auditSeenBy(db, admin, { limit: 500 }))!;
    const revoked = lines.find((l) => l.action === 'grant.revoke' && l.entityId === officerGrant);
    expect(revoked).toMatchObject({
      by: { kind: 'staff', label: 'Thiếu tá Dương' },
      role: 'officer',
      areaCode: hungMy,
    });
    expect(lines.some((l) => l.entityId === farGrant)).toBe(false);
    expect(lines.every((l) => l.areaCode !== null)).toBe(true);
    // Nothing that could identify anyone: no user ids, no details beyond the role.
    const shown = JSON.stringify(lines, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    for (const id of [resident.user.id, officer.kind === 'person' ? officer.person.user.id : ''])
      expect(shown).not.toContain(id);

    const all = (await auditSeenBy(db, OPERATOR, { actionPrefix: 'invite.failed', limit: 500 }))!;
    expect(all.find((l) => l.entityId !== null && l.action === 'invite.failed')?.by).toEqual({ kind: 'other' });
  });

  it('filters by staff label, dates, and pages by id', async () => {
    const admin = await staffOf('admin', hungMy, 'Thiếu tá Lọc Thử');
    for (let i = 0; i < 3; i++) await run((s) => inviteStaff(s, admin, { role: 'officer', areaCode: hungMy, days: 7 }));
    const mine = (await auditSeenBy(db, admin, { actorLabel: 'lọc thử', limit: 2 }))!;
    expect(mine.map((l) => l.action)).toEqual(['invite.create', 'invite.create']);
    const next = (await auditSeenBy(db, admin, { actorLabel: 'lọc thử', beforeId: mine[1]!.id, limit: 2 }))!;
    expect(next.map((l) => l.action)).toEqual(['invite.create']);
    const past = await auditSeenBy(db, admin, {
      actorLabel: 'lọc thử',
      to: new Date(Date.now() - 86_400_000),
      limit: 5,
    });
    expect(past).toEqual([]);
    const operator = (await auditSeenBy(db, OPERATOR, { actorLabel: 'operator', limit: 20 }))!;
    expect(operator.length).toBeGreaterThan(0);
    expect(operator.every((l) => l.by.kind === 'operator')).toBe(true);
  });
});
