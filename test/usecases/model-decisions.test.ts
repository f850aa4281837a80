import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorId, OPERATOR, personActor, type Actor, type Scope } from '../../src/core/scope.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { createModel } from '../../src/features/models/actions.ts';
import { previousPeriod, recordDecision, reviewPeriod } from '../../src/features/models/decisions.ts';
import { requestJoin } from '../../src/features/models/store.ts';
import type { LocalModel } from '../../src/generated/prisma/client.ts';
import type { TestDatabase } from '../support/database.ts';
import { ownDatabase } from '../support/harness.ts';
import { seedPerson } from '../support/people.ts';
import { areaCode } from '../support/staff.ts';
import { runUseCase } from '../support/use-cases.ts';

// The review's decision on a model ("sơ kết"), called as the web console calls it.
let database: TestDatabase;
let db: Db;
let hungMy: string;
let officer: Actor;
let elsewhere: Actor;
let leader: Actor;

beforeAll(async () => {
  database = await ownDatabase();
  db = createDb(database.url, { max: 2 });
  hungMy = await areaCode({ db }, 'Xã Hưng Mỹ', 'Cà Mau');
  const baDinh = await areaCode({ db }, 'Phường Ba Đình', 'Hà Nội');
  officer = personActor(await seedPerson(db, { areaCode: hungMy, roles: [{ role: 'officer', areaCode: hungMy }] }));
  elsewhere = personActor(await seedPerson(db, { areaCode: baDinh, roles: [{ role: 'officer', areaCode: baDinh }] }));
  leader = personActor(await seedPerson(db, { areaCode: hungMy, roles: [{ role: 'leader', areaCode: hungMy }] }));
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const run = <T>(use: (scope: Scope) => Promise<T>) => runUseCase(db, use);

async function newModel(name: string): Promise<LocalModel> {
  const { result } = await run((s) =>
    createModel(s, OPERATOR, { areaCode: hungMy, name, kind: 'team', joinPolicy: 'open' }),
  );
  if (!result.ok) throw new Error(result.reason);
  return db.localModel.update({ where: { id: result.model.id }, data: { leaderId: actorId(leader) } });
}

const decisionsOf = (model: LocalModel) => db.modelDecision.findMany({ where: { modelId: model.id } });

describe('recordDecision', () => {
  it('the commune’s officer records one decision per half-year: a second one replaces it, both audited', async () => {
    const model = await newModel('Tổ tự quản ấp 1');
    const period = reviewPeriod();
    const first = await run((s) => recordDecision(s, officer, model.id, { period, decision: 'keep' }));
    expect(first.result).toMatchObject({ ok: true, replaced: false, decision: { decision: 'keep', note: '' } });
    const second = await run((s) =>
      recordDecision(s, officer, model.id, { period, decision: 'improve', note: '  Họp tổ mỗi tháng.  ' }),
    );
    expect(second.result).toMatchObject({ ok: true, replaced: true });
    const earlier = previousPeriod(period);
    await run((s) => recordDecision(s, officer, model.id, { period: earlier, decision: 'keep' }));
    const rows = await decisionsOf(model);
    expect(rows.map((r) => [r.period, r.decision, r.note]).sort()).toEqual(
      [
        [period, 'improve', 'Họp tổ mỗi tháng.'],
        [earlier, 'keep', ''],
      ].sort(),
    );
    expect(rows.every((r) => r.decidedById === actorId(officer))).toBe(true);
    const audits = await db.auditLog.findMany({
      where: { action: 'model.decision', entityId: String(model.id) },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => a.details)).toEqual([
      { period, decision: 'keep' },
      { period, decision: 'improve', replaced: 'keep' },
      { period: earlier, decision: 'keep' },
    ]);
    // Keeping or improving leaves the model as it is.
    expect((await db.localModel.findUniqueOrThrow({ where: { id: model.id } })).retiredAt).toBeNull();
  });

  it('"retire" also retires the model (audited as retiring): nobody can join it any more', async () => {
    const model = await newModel('Câu lạc bộ ấp 2');
    const { result } = await run((s) =>
      recordDecision(s, officer, model.id, {
        period: reviewPeriod(),
        decision: 'retire',
        note: 'Không còn hoạt động.',
      }),
    );
    expect(result).toMatchObject({ ok: true, model: { id: model.id } });
    const now = await db.localModel.findUniqueOrThrow({ where: { id: model.id } });
    expect(now.retiredAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: 'model.retire', entityId: String(model.id) } })).toBe(1);
    const resident = await seedPerson(db, { areaCode: hungMy });
    expect((await db.$transaction((tx) => requestJoin(tx, now, resident.user.id, false))).outcome).toBe('retired');
  });

  it('the model’s leader and another commune’s officer are refused, as for no model at all; nothing is written', async () => {
    const model = await newModel('Camera ấp 4');
    const period = reviewPeriod();
    for (const actor of [leader, elsewhere]) {
      const { result, written } = await run((s) => recordDecision(s, actor, model.id, { period, decision: 'retire' }));
      expect(result).toEqual({ ok: false, reason: 'not-found' });
      expect(written).toEqual([]);
    }
    const unknown = await run((s) => recordDecision(s, officer, 999_999, { period, decision: 'keep' }));
    expect(unknown.result).toEqual({ ok: false, reason: 'not-found' });
    expect(await decisionsOf(model)).toEqual([]);
    expect((await db.localModel.findUniqueOrThrow({ where: { id: model.id } })).retiredAt).toBeNull();
    expect(await db.auditLog.count({ where: { entityId: String(model.id), action: { not: 'model.create' } } })).toBe(0);
  });

  it('a half-year not yet begun, a malformed one, an unknown verdict or a long note is refused', async () => {
    const model = await newModel('Tổ hoà giải ấp 5');
    const [year] = reviewPeriod().split('-');
    for (const bad of [
      { period: `${Number(year) + 1}-H1`, decision: 'keep' },
      { period: '2026-H3', decision: 'keep' },
      { period: reviewPeriod(), decision: 'close' },
      { period: reviewPeriod(), decision: 'keep', note: 'x'.repeat(1001) },
    ]) {
      const { result } = await run((s) => recordDecision(s, officer, model.id, bad as never));
      expect(result).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await decisionsOf(model)).toEqual([]);
  });
});

describe('review periods', () => {
  it('are half-years in Vietnam time', () => {
    // 1 July 2026, 00:00 in Vietnam is still 30 June in UTC.
    expect(reviewPeriod(new Date('2026-06-30T16:59:59Z'))).toBe('2026-H1');
    expect(reviewPeriod(new Date('2026-06-30T17:00:00Z'))).toBe('2026-H2');
    expect(reviewPeriod(new Date('2026-12-31T17:00:00Z'))).toBe('2027-H1');
    expect(previousPeriod('2027-H1')).toBe('2026-H2');
    expect(previousPeriod('2026-H2')).toBe('2026-H1');
  });
});
