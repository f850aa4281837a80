import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorId, OPERATOR, personActor, type Actor, type Scope } from '../../src/core/scope.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import {
  approveMember,
  createModel,
  declineMember,
  inviteLeader,
  reactivate,
  retire,
  type ModelInput,
} from '../../src/features/models/actions.ts';
import { requestJoin } from '../../src/features/models/store.ts';
import type { LocalModel, OutboundMessage } from '../../src/generated/prisma/client.ts';
import type { TestDatabase } from '../support/database.ts';
import { ownDatabase } from '../support/harness.ts';
import { seedPerson, testPii } from '../support/people.ts';
import { runUseCase } from '../support/use-cases.ts';
import { areaCode } from '../support/staff.ts';

// The model use cases called as the web console and the CLI call them: no chat, no messenger.
const pii = testPii();

let database: TestDatabase;
let db: Db;
let hungMy: string;
/** Officers of the model's commune and of a commune elsewhere, and a resident of the commune. */
let officer: Actor;
let elsewhere: Actor;
let resident: Actor;

beforeAll(async () => {
  database = await ownDatabase();
  db = createDb(database.url, { max: 2 });
  hungMy = await areaCode({ db }, 'Xã Hưng Mỹ', 'Cà Mau');
  const baDinh = await areaCode({ db }, 'Phường Ba Đình', 'Hà Nội');
  officer = personActor(await seedPerson(db, { areaCode: hungMy, roles: [{ role: 'officer', areaCode: hungMy }] }));
  elsewhere = personActor(await seedPerson(db, { areaCode: baDinh, roles: [{ role: 'officer', areaCode: baDinh }] }));
  resident = personActor(await seedPerson(db, { areaCode: hungMy }));
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const run = <T>(use: (scope: Scope) => Promise<T>) => runUseCase(db, use);

const input = (name: string): ModelInput => ({ areaCode: hungMy, name, kind: 'camera', joinPolicy: 'approval' });

async function newModel(name: string): Promise<LocalModel> {
  const { result } = await run((s) => createModel(s, OPERATOR, input(name)));
  if (!result.ok) throw new Error(result.reason);
  return result.model;
}

/** A pending request to join `model` by a new resident of the commune, who reads the bot in `locale`. */
async function pendingRequest(model: LocalModel, locale: 'vi' | 'en') {
  const member = await seedPerson(db, { areaCode: hungMy, locale, platform: 'zalo' });
  const { membership } = await db.$transaction((tx) => requestJoin(tx, model, member.user.id, true));
  return { member, membershipId: membership!.id };
}

const audits = (action: string, entityId: number) =>
  db.auditLog.findMany({ where: { action, entityId: String(entityId) } });

/** What a written outbox row says, and to whom. */
const read = (row: OutboundMessage) => ({
  platform: row.platform,
  chatId: pii.decrypt(row.chatIdEnc),
  text: pii.decryptJson<{ text: string }>(row.payloadEnc).text,
});

describe('approveMember and declineMember', () => {
  it("the commune's officer approves: the member is active, it is audited and they are told in their language", async () => {
    const model = await newModel('Camera an ninh ấp 3');
    const { member, membershipId } = await pendingRequest(model, 'en');
    const { result, written } = await run((s) => approveMember(s, officer, membershipId));
    expect(result).toMatchObject({ ok: true, model: { id: model.id }, membership: { status: 'active' } });
    expect((await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).status).toBe('active');
    expect(await db.modelEvent.count({ where: { modelId: model.id, kind: 'join' } })).toBe(1);
    const [entry, ...more] = await audits('model.approve', membershipId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actorId: actorId(officer), entity: 'Membership', details: { modelId: model.id } });
    expect(written.map(read)).toEqual([
      {
        platform: 'zalo',
        chatId: member.chatId,
        text: '✅ You were approved into "Camera an ninh ấp 3". You will receive the model\'s notices.',
      },
    ]);

    // Decided once: pressing again refuses and writes nothing more.
    const again = await run((s) => approveMember(s, officer, membershipId));
    expect(again.result).toEqual({ ok: false, reason: 'already-decided' });
    expect(again.written).toEqual([]);
    expect(await audits('model.approve', membershipId)).toHaveLength(1);
  });

  it('an officer of another commune, a resident, or a wrong id is refused and nothing is written', async () => {
    const model = await newModel('Tổ tự quản khóm 2');
    const { membershipId } = await pendingRequest(model, 'vi');
    for (const [actor, id] of [
      [elsewhere, membershipId],
      [resident, membershipId],
      [officer, 2_000_000_000],
    ] as const) {
      const { result, written } = await run((s) => approveMember(s, actor, id));
      expect(result).toEqual({ ok: false, reason: 'not-found' });
      expect(written).toEqual([]);
    }
    expect((await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).status).toBe('pending');
    expect(await audits('model.approve', membershipId)).toEqual([]);
    expect(await db.modelEvent.count({ where: { modelId: model.id } })).toBe(0);
  });

  it("the model's own leader decides too; a decline is told in Vietnamese to a Vietnamese reader", async () => {
    const model = await newModel('Tôn giáo đoàn kết giáo xứ');
    const leader = await seedPerson(db, { areaCode: hungMy, roles: [{ role: 'leader', areaCode: hungMy }] });
    await db.localModel.update({ where: { id: model.id }, data: { leaderId: leader.user.id } });
    const { member, membershipId } = await pendingRequest(model, 'vi');
    const { result, written } = await run((s) => declineMember(s, personActor(leader), membershipId));
    expect(result).toMatchObject({ ok: true, membership: { status: 'declined' } });
    expect(await audits('model.decline', membershipId)).toMatchObject([{ actorId: leader.user.id }]);
    expect(written.map(read)).toEqual([
      {
        platform: 'zalo',
        chatId: member.chatId,
        text: 'Yêu cầu tham gia "Tôn giáo đoàn kết giáo xứ" của bạn chưa được chấp nhận.',
      },
    ]);
  });
});

describe('retire and reactivate', () => {
  it("the commune's officer retires and brings back a model, each audited", async () => {
    const model = await newModel('CLB Thanh niên xung kích');
    const retired = await run((s) => retire(s, officer, model.id));
    expect(retired.result).toMatchObject({ ok: true, model: { id: model.id } });
    expect(retired.written).toEqual([]);
    expect((await db.localModel.findUniqueOrThrow({ where: { id: model.id } })).retiredAt).toBeInstanceOf(Date);
    expect(await audits('model.retire', model.id)).toMatchObject([{ actorId: actorId(officer), entity: 'LocalModel' }]);

    const back = await run((s) => reactivate(s, officer, model.id));
    expect(back.result).toMatchObject({ ok: true, model: { retiredAt: null } });
    expect((await db.localModel.findUniqueOrThrow({ where: { id: model.id } })).retiredAt).toBeNull();
    expect(await audits('model.reactivate', model.id)).toHaveLength(1);
  });

  it('an officer of another commune or a resident is refused and the model stays as it is', async () => {
    const model = await newModel('Camera ngõ 5');
    for (const actor of [elsewhere, resident]) {
      const { result, written } = await run((s) => retire(s, actor, model.id));
      expect(result).toEqual({ ok: false, reason: 'not-found' });
      expect(written).toEqual([]);
    }
    expect((await db.localModel.findUniqueOrThrow({ where: { id: model.id } })).retiredAt).toBeNull();
    expect(await audits('model.retire', model.id)).toEqual([]);

    await run((s) => retire(s, OPERATOR, model.id));
    const refused = await run((s) => reactivate(s, elsewhere, model.id));
    expect(refused.result).toEqual({ ok: false, reason: 'not-found' });
    expect((await db.localModel.findUniqueOrThrow({ where: { id: model.id } })).retiredAt).toBeInstanceOf(Date);
    expect(await audits('model.reactivate', model.id)).toEqual([]);
    // The operator acts everywhere, audited without a user.
    expect(await audits('model.retire', model.id)).toMatchObject([{ actorId: null }]);
  });
});

describe('createModel', () => {
  it("an officer creates in their commune (audited); another commune's officer, a resident or a province is refused", async () => {
    const { result } = await run((s) => createModel(s, officer, { ...input('Camera chợ Hưng Mỹ'), description: ' ' }));
    expect(result).toMatchObject({
      ok: true,
      model: { areaCode: hungMy, name: 'Camera chợ Hưng Mỹ', description: '' },
    });
    const model = result.ok ? result.model : undefined;
    expect(model?.createdById).toBe(actorId(officer));
    expect(await audits('model.create', model!.id)).toMatchObject([
      { actorId: actorId(officer), details: { areaCode: hungMy, kind: 'camera', joinPolicy: 'approval' } },
    ]);

    const before = await db.localModel.count();
    const province = (await db.area.findUniqueOrThrow({ where: { code: hungMy } })).parentCode!;
    const refusals = [
      [elsewhere, input('Camera lạc chỗ'), 'not-allowed'],
      [resident, input('Camera tự phong'), 'not-allowed'],
      [OPERATOR, { ...input('Camera cấp tỉnh'), areaCode: province }, 'no-area'],
      [officer, input('X'), 'invalid'],
    ] as const;
    for (const [actor, fields, reason] of refusals) {
      const { result: refused, written } = await run((s) => createModel(s, actor, fields));
      expect(refused).toEqual({ ok: false, reason });
      expect(written).toEqual([]);
    }
    expect(await db.localModel.count()).toBe(before);
  });
});

describe('inviteLeader', () => {
  it("the commune's officer gets a one-time leader invite for the model; another commune's officer does not", async () => {
    const model = await newModel('Camera bến đò');
    const refused = await run((s) => inviteLeader(s, elsewhere, model.id));
    expect(refused.result).toEqual({ ok: false, reason: 'not-found' });
    expect(await db.staffInvite.count({ where: { modelId: model.id } })).toBe(0);

    const { result } = await run((s) => inviteLeader(s, officer, model.id));
    expect(result).toMatchObject({ ok: true, code: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/) });
    expect(await db.staffInvite.findMany({ where: { modelId: model.id } })).toMatchObject([
      { role: 'leader', areaCode: hungMy, createdBy: actorId(officer) },
    ]);
    expect(await run((s) => inviteLeader(s, officer, model.id, 31))).toMatchObject({
      result: { ok: false, reason: 'invalid-days' },
    });
  });
});
