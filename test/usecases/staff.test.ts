import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR, personActor, type Actor } from '../../src/core/scope.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { labelGrant, MAX_FAILED_CODES, redeemInvite, revoke, revokeInvite } from '../../src/features/staff/actions.ts';
import { issueApiToken } from '../../src/features/staff/api-tokens.ts';
import { createInvite, openInvites } from '../../src/features/staff/invites.ts';
import { staffLabelSchema } from '../../src/features/staff/labels.ts';
import { outMessageSchema } from '../../src/core/messages.ts';
import { erasePerson, type Person } from '../../src/core/people.ts';
import type { StaffRole } from '../../src/generated/prisma/enums.ts';
import type { Scope } from '../../src/core/scope.ts';
import { ownDatabase } from '../support/harness.ts';
import type { TestDatabase } from '../support/database.ts';
import { seedPerson, testPii } from '../support/people.ts';
import { runUseCase } from '../support/use-cases.ts';
import { areaCode } from '../support/staff.ts';

const pii = testPii();

let database: TestDatabase;
let db: Db;
let hungMy: string;
let caMau: string;
let haNoi: string;
beforeAll(async () => {
  database = await ownDatabase();
  db = createDb(database.url);
  hungMy = await areaCode({ db }, 'Xã Hưng Mỹ', 'Cà Mau');
  caMau = (await db.area.findUniqueOrThrow({ where: { code: hungMy } })).parentCode!;
  haNoi = (await db.area.findUniqueOrThrow({ where: { code: await areaCode({ db }, 'Phường Ba Đình', 'Hà Nội') } }))
    .parentCode!;
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const run = <T>(useCase: (scope: Scope) => Promise<T>) => runUseCase(db, useCase);

const newInvite = (role: StaffRole, area: string, modelId?: number) =>
  db.$transaction((tx) => createInvite(tx, pii, { role, areaCode: area, days: 7, createdBy: 'cli', modelId }));

const auditOf = (actorId: string | null, action: string) => db.auditLog.findMany({ where: { actorId, action } });

describe('redeemInvite', () => {
  it('a good code: the grant, its audit entry, the invite used', async () => {
    const person = await seedPerson(db, { areaCode: hungMy });
    const { code } = await newInvite('officer', hungMy);
    const { result, written } = await run((s) => redeemInvite(s, person, code.toLowerCase().replaceAll('-', ' ')));
    expect(result).toMatchObject({ ok: true, grant: { userId: person.user.id, role: 'officer', areaCode: hungMy } });
    expect(written).toEqual([]);
    expect(await db.staffGrant.count({ where: { userId: person.user.id, role: 'officer', areaCode: hungMy } })).toBe(1);
    const [entry] = await auditOf(person.user.id, 'invite.redeem');
    expect(entry).toMatchObject({ entity: 'StaffGrant', details: { role: 'officer', areaCode: hungMy } });
    const invite = await db.staffInvite.findFirstOrThrow({ where: { usedBy: person.user.id } });
    expect(invite.usedAt).not.toBeNull();
  });

  it('a leader invite hands the model over to whoever redeems it', async () => {
    const person = await seedPerson(db, { areaCode: hungMy });
    const model = await db.localModel.create({
      data: { joinCode: `MH-T${Date.now() % 100000}`, areaCode: hungMy, name: 'Camera ấp 1', kind: 'camera' },
    });
    const { code } = await newInvite('leader', hungMy, model.id);
    const { result } = await run((s) => redeemInvite(s, person, code));
    expect(result).toMatchObject({ ok: true, model: { id: model.id, leaderId: person.user.id } });
    expect((await db.localModel.findUniqueOrThrow({ where: { id: model.id } })).leaderId).toBe(person.user.id);
  });

  it('a bad or used code: refused with the reason, audited as failed, no grant', async () => {
    const person = await seedPerson(db, { areaCode: hungMy });
    const { result: wrong } = await run((s) => redeemInvite(s, person, 'WRNG-CODE-2AAA'));
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    const { code } = await newInvite('officer', hungMy);
    const other = await seedPerson(db, { areaCode: hungMy });
    await run((s) => redeemInvite(s, other, code));
    const { result: used } = await run((s) => redeemInvite(s, person, code));
    expect(used).toEqual({ ok: false, reason: 'used' });
    const failed = await auditOf(person.user.id, 'invite.failed');
    expect(failed.map((e) => e.details)).toEqual([{ reason: 'invalid' }, { reason: 'used' }]);
    expect(await db.staffGrant.count({ where: { userId: person.user.id } })).toBe(0);
  });

  it(`after ${MAX_FAILED_CODES} failures within the hour even a good code is refused`, async () => {
    const person = await seedPerson(db, { areaCode: hungMy });
    for (let i = 0; i < MAX_FAILED_CODES; i++) await run((s) => redeemInvite(s, person, `WRNG-CODE-${i}AAA`));
    const { code } = await newInvite('officer', hungMy);
    const { result } = await run((s) => redeemInvite(s, person, code));
    expect(result).toEqual({ ok: false, reason: 'too-many' });
    expect(await db.staffGrant.count({ where: { userId: person.user.id } })).toBe(0);
    expect(await db.staffInvite.count({ where: { usedBy: person.user.id } })).toBe(0);
    expect(await auditOf(person.user.id, 'invite.failed')).toHaveLength(MAX_FAILED_CODES);
  });

  it('the lockout holds across /deleteme: the messenger account registering again is still refused', async () => {
    const first = await seedPerson(db, { areaCode: hungMy });
    for (let i = 0; i < MAX_FAILED_CODES; i++) await run((s) => redeemInvite(s, first, `WRNG-CODE-${i}BBB`));
    await db.$transaction((tx) => erasePerson(tx, first.user.id));
    const again = await seedPerson(db, { areaCode: hungMy, platformUserId: first.chatId });
    expect(again.user.id).not.toBe(first.user.id);
    const { code } = await newInvite('officer', hungMy);
    const { result } = await run((s) => redeemInvite(s, again, code));
    expect(result).toEqual({ ok: false, reason: 'too-many' });
    expect(await db.staffGrant.count({ where: { userId: again.user.id } })).toBe(0);
    // Another account is not held by it, and nothing stored names the account in clear.
    const other = await seedPerson(db, { areaCode: hungMy });
    expect((await run((s) => redeemInvite(s, other, code))).result).toMatchObject({ ok: true });
    const failures = JSON.stringify(
      await db.auditLog.findMany({ where: { action: 'invite.failed' }, select: { entityId: true, details: true } }),
    );
    expect(failures).not.toContain(first.chatId);
  });
});

describe('revoke', () => {
  /** An officer of Hưng Mỹ holding an API token, and the grant to take away. */
  async function officerWithToken(locale: 'vi' | 'en' = 'vi') {
    const officer = await seedPerson(db, { areaCode: hungMy, roles: [{ role: 'officer', areaCode: hungMy }], locale });
    await db.$transaction((tx) => issueApiToken(tx, pii, officer.user.id));
    return { officer, grantId: officer.grants[0]!.id };
  }
  const liveTokens = (p: Person) => db.apiToken.count({ where: { userId: p.user.id, revokedAt: null } });
  const revokeAudits = (grantId: string) =>
    db.auditLog.findMany({ where: { action: 'grant.revoke', entityId: grantId } });

  async function expectRevoked(actor: Actor, locale: 'vi' | 'en', told: string) {
    const { officer, grantId } = await officerWithToken(locale);
    const { result, written } = await run((s) => revoke(s, actor, grantId));
    expect(result).toMatchObject({ ok: true, grant: { id: grantId, role: 'officer', areaCode: hungMy } });
    expect(await db.staffGrant.findUnique({ where: { id: grantId } })).toBeNull();
    expect(await liveTokens(officer)).toBe(0);
    const [entry, ...more] = await revokeAudits(grantId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorId: actor.kind === 'person' ? actor.person.user.id : null,
      entity: 'StaffGrant',
      details: { role: 'officer', areaCode: hungMy },
    });
    // The person is told, in their language, in their private chat.
    expect(written).toHaveLength(1);
    expect(pii.decrypt(written[0]!.chatIdEnc)).toBe(officer.chatId);
    expect(outMessageSchema.parse(pii.decryptJson(written[0]!.payloadEnc)).text).toBe(told);
  }

  it('by the operator: the grant goes, the tokens stop, audited, the person told', () =>
    expectRevoked(
      OPERATOR,
      'en',
      'Your role of Police officer for Xã Hưng Mỹ, Cà Mau has ended; your API tokens have been revoked too.',
    ));

  it('by an admin of the same province: the same', async () => {
    const admin = await seedPerson(db, { roles: [{ role: 'admin', areaCode: caMau }] });
    await expectRevoked(
      personActor(admin),
      'vi',
      'Vai trò Cán bộ Công an của bạn tại Xã Hưng Mỹ, Cà Mau đã kết thúc; mã truy cập API của bạn cũng đã bị thu hồi.',
    );
  });

  it('by an officer, or by an admin of another province: refused, nothing written', async () => {
    const { officer, grantId } = await officerWithToken();
    const colleague = await seedPerson(db, { roles: [{ role: 'officer', areaCode: caMau }] });
    const elsewhere = await seedPerson(db, { roles: [{ role: 'admin', areaCode: haNoi }] });
    const cases = [
      { actor: personActor(colleague), reason: 'not-admin' },
      { actor: personActor(elsewhere), reason: 'not-found' },
    ];
    for (const { actor, reason } of cases) {
      const { result, written } = await run((s) => revoke(s, actor, grantId));
      expect(result).toEqual({ ok: false, reason });
      expect(written).toEqual([]);
    }
    expect(await db.staffGrant.findUnique({ where: { id: grantId } })).not.toBeNull();
    expect(await liveTokens(officer)).toBe(1);
    expect(await revokeAudits(grantId)).toEqual([]);
  });

  it('an unknown grant: refused, even for the operator', async () => {
    const { result, written } = await run((s) => revoke(s, OPERATOR, '00000000-0000-0000-0000-000000000000'));
    expect(result).toEqual({ ok: false, reason: 'not-found' });
    expect(written).toEqual([]);
  });
});

describe('labelGrant', () => {
  const label = (text: string) => staffLabelSchema.parse(text);
  const labelOfGrant = async (id: string) => (await db.staffGrant.findUniqueOrThrow({ where: { id } })).label;

  it('one line, 2–60 characters, spaces collapsed', () => {
    expect(staffLabelSchema.parse('  Đại uý\n Lê   Văn Bình ')).toBe('Đại uý Lê Văn Bình');
    for (const bad of ['', ' A ', 'x'.repeat(61)]) expect(staffLabelSchema.safeParse(bad).success).toBe(false);
  });

  it('by the person for their own grant, an admin of its area, or the operator; audited without the label', async () => {
    const officer = await seedPerson(db, { roles: [{ role: 'officer', areaCode: hungMy }] });
    const grantId = officer.grants[0]!.id;
    const admin = await seedPerson(db, { roles: [{ role: 'admin', areaCode: caMau }] });
    const cases: Array<[Actor, string]> = [
      [personActor(officer), 'Trung uý Lê Văn Tám'],
      [personActor(admin), 'Thiếu tá Lê Văn Tám'],
      [OPERATOR, 'Trung tá Lê Văn Tám'],
    ];
    for (const [actor, text] of cases) {
      const { result, written } = await run((s) => labelGrant(s, actor, grantId, label(text)));
      expect(result).toMatchObject({ ok: true, grant: { id: grantId, label: text } });
      expect(written).toEqual([]);
      expect(await labelOfGrant(grantId)).toBe(text);
    }
    const entries = await db.auditLog.findMany({ where: { action: 'grant.label', entityId: grantId } });
    expect(entries.map((e) => [e.actorId, e.details])).toEqual([
      [officer.user.id, null],
      [admin.user.id, null],
      [null, null],
    ]);
  });

  it("refused for a colleague's grant and for an admin elsewhere; nothing written", async () => {
    const officer = await seedPerson(db, { roles: [{ role: 'officer', areaCode: hungMy }] });
    const grantId = officer.grants[0]!.id;
    const colleague = await seedPerson(db, { roles: [{ role: 'officer', areaCode: hungMy }] });
    const elsewhere = await seedPerson(db, { roles: [{ role: 'admin', areaCode: haNoi }] });
    for (const actor of [personActor(colleague), personActor(elsewhere)]) {
      const { result } = await run((s) => labelGrant(s, actor, grantId, label('Không phải tôi')));
      expect(result).toEqual({ ok: false, reason: 'not-found' });
    }
    expect(await labelOfGrant(grantId)).toBeNull();
    expect(await db.auditLog.count({ where: { action: 'grant.label', entityId: grantId } })).toBe(0);
  });
});

describe('invites: open list and revocation', () => {
  it('open invites of an area, newest first, without their codes; a revoked one is gone and reads as expired', async () => {
    const first = await newInvite('officer', hungMy);
    const second = await newInvite('admin', caMau);
    const listed = await db.$transaction((tx) => openInvites(tx, caMau));
    const times = listed.map((i) => i.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(listed.some((i) => i.role === 'admin' && i.areaCode === caMau)).toBe(true);
    const older = listed.find((i) => i.areaCode === hungMy && i.expiresAt.getTime() === first.expiresAt.getTime());
    expect(older).toMatchObject({
      role: 'officer',
      area: { name: 'Xã Hưng Mỹ', parent: { name: expect.any(String) } },
    });
    expect(JSON.stringify(listed)).not.toContain(first.code);
    expect(second.code).not.toBe(first.code);

    const { result } = await run((s) => revokeInvite(s, OPERATOR, older!.id));
    expect(result).toMatchObject({ ok: true, invite: { id: older!.id, revokedAt: expect.any(Date) } });
    expect((await db.$transaction((tx) => openInvites(tx, hungMy))).map((i) => i.id)).not.toContain(older!.id);
    const [entry] = await db.auditLog.findMany({ where: { action: 'invite.revoke', entityId: older!.id } });
    expect(entry).toMatchObject({ actorId: null, details: { role: 'officer', areaCode: hungMy } });
    // Once revoked: not again, and the code is refused like an expired one.
    expect((await run((s) => revokeInvite(s, OPERATOR, older!.id))).result).toEqual({ ok: false, reason: 'not-open' });
    const person = await seedPerson(db, { areaCode: hungMy });
    expect((await run((s) => redeemInvite(s, person, first.code))).result).toEqual({ ok: false, reason: 'expired' });
  });

  it('an admin revokes within their areas only; an officer not at all', async () => {
    const { code } = await newInvite('officer', hungMy);
    const invite = (await db.$transaction((tx) => openInvites(tx, hungMy)))[0]!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const officer = await seedPerson(db, { roles: [{ role: 'officer', areaCode: hungMy }] });
    const elsewhere = await seedPerson(db, { roles: [{ role: 'admin', areaCode: haNoi }] });
    for (const actor of [personActor(officer), personActor(elsewhere)])
      expect((await run((s) => revokeInvite(s, actor, invite.id))).result).toEqual({ ok: false, reason: 'not-found' });
    const admin = await seedPerson(db, { roles: [{ role: 'admin', areaCode: caMau }] });
    expect((await run((s) => revokeInvite(s, personActor(admin), invite.id))).result).toMatchObject({ ok: true });
  });
});
