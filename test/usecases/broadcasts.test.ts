import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fanOut } from '../../src/broadcasting/fanout.ts';
import { createBroadcast } from '../../src/broadcasting/store.ts';
import type { Person } from '../../src/core/people.ts';
import { OPERATOR, personActor, type Actor, type Scope } from '../../src/core/scope.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { cancel, pause, resume, start, type BroadcastOutcome } from '../../src/features/broadcasts/actions.ts';
import { controlBroadcast } from '../../src/features/broadcasts/control.ts';
import type { BroadcastStatus } from '../../src/generated/prisma/enums.ts';
import { ownDatabase } from '../support/harness.ts';
import { seedPerson, testPii } from '../support/people.ts';
import { runUseCase } from '../support/use-cases.ts';
import { areaCode } from '../support/staff.ts';

const pii = testPii();

let db: Db;
let drop: () => Promise<unknown>;
let hungMy: string;
let officer: Person;
let author: Person & { chatId: string };
let elsewhere: Person;
let resident: Person;

beforeAll(async () => {
  const database = await ownDatabase();
  drop = database.drop;
  db = createDb(database.url);
  hungMy = await areaCode({ db }, 'Xã Hưng Mỹ', 'Cà Mau');
  const baDinh = await areaCode({ db }, 'Phường Ba Đình', 'Hà Nội');
  officer = await seedPerson(db, { areaCode: hungMy, roles: [{ role: 'officer', areaCode: hungMy }] });
  author = await seedPerson(db, { areaCode: hungMy, roles: [{ role: 'officer', areaCode: hungMy }], platform: 'zalo' });
  elsewhere = await seedPerson(db, { areaCode: baDinh, roles: [{ role: 'officer', areaCode: baDinh }] });
  resident = await seedPerson(db, { areaCode: hungMy });
});
afterAll(async () => {
  await db?.$disconnect();
  await drop?.();
});

const run = <T>(use: (scope: Scope) => Promise<T>) => runUseCase(db, use);

/** A broadcast of Xã Hưng Mỹ by another of its officers, in `status`, its recipients written and queued. */
async function broadcastIn(status: BroadcastStatus): Promise<number> {
  const id = await db.$transaction(async (tx) => {
    const b = await createBroadcast(tx, {
      authorId: author.user.id,
      authorIdentityId: author.identity.id,
      audience: { kind: 'area', areaCode: hungMy },
      texts: { vi: 'Họp tổ an ninh tự quản lúc 19 giờ.' },
    });
    if (status !== 'draft') await controlBroadcast(tx, b.id, 'start');
    return b.id;
  });
  if (status === 'draft') return id;
  await fanOut(db, id, async () => undefined);
  if (status === 'paused') await db.$transaction((tx) => controlBroadcast(tx, id, 'pause'));
  return id;
}

/** What a refused call must leave as it was. */
const ledger = async (id: number) => ({
  status: (await db.broadcast.findUniqueOrThrow({ where: { id } })).status,
  audit: await db.auditLog.count({ where: { entity: 'Broadcast', entityId: String(id) } }),
  deliveries: await db.delivery.groupBy({ by: ['status'], where: { broadcastId: id }, _count: { _all: true } }),
});

type UseCase = (scope: Scope, actor: Actor, id: number) => Promise<BroadcastOutcome>;
const cases: Array<{ name: string; use: UseCase; from: BroadcastStatus; to: BroadcastStatus }> = [
  { name: 'start', use: (s, a, id) => start(s, a, id), from: 'draft', to: 'sending' },
  { name: 'pause', use: pause, from: 'sending', to: 'paused' },
  { name: 'resume', use: resume, from: 'paused', to: 'sending' },
  { name: 'cancel', use: cancel, from: 'sending', to: 'cancelled' },
];

describe.each(cases)('$name', ({ name, use, from, to }) => {
  it(`an officer of Xã Hưng Mỹ: ${from} → ${to}, audited, the engine woken`, async () => {
    const id = await broadcastIn(from);
    const { result, wakes, written } = await run((s) => use(s, personActor(officer), id));
    expect(result).toMatchObject({ ok: true, broadcast: { id, status: to } });
    expect((await db.broadcast.findUniqueOrThrow({ where: { id } })).status).toBe(to);
    const entries = await db.auditLog.findMany({ where: { entity: 'Broadcast', entityId: String(id) } });
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([[`broadcast.${name}`, officer.user.id]]);
    expect([...wakes]).toEqual(['broadcasts']);
    if (name !== 'cancel') return expect(written).toEqual([]);
    // Cancelled: nobody still queued is sent to, and the author gets the report in their chat.
    expect(await db.delivery.count({ where: { broadcastId: id, status: 'queued' } })).toBe(0);
    expect(written.map((m) => m.platform)).toEqual(['zalo']);
    expect(pii.decrypt(written[0]!.chatIdEnc)).toBe(author.chatId);
    expect((pii.decryptJson(written[0]!.payloadEnc) as { text: string }).text).toMatch(
      new RegExp(`^📊 Báo cáo thông báo #${id}\\n.*Thông báo #${id}: đã huỷ`, 's'),
    );
  });

  it.each([
    ['an officer of Phường Ba Đình', () => elsewhere],
    ['a resident of Xã Hưng Mỹ', () => resident],
  ])('%s: refused, nothing written', async (_who, person) => {
    const id = await broadcastIn(from);
    const before = await ledger(id);
    const { result, wakes, written } = await run((s) => use(s, personActor(person()), id));
    expect(result).toEqual({ ok: false, reason: 'not-found' });
    expect(await ledger(id)).toEqual(before);
    expect(before.audit).toBe(0);
    expect([written, [...wakes]]).toEqual([[], []]);
  });
});

describe('start', () => {
  it('schedules for a time; a broadcast past its draft cannot start again', async () => {
    const id = await broadcastIn('draft');
    const at = new Date(Date.now() + 86_400_000);
    const { result } = await run((s) => start(s, personActor(officer), id, at));
    expect(result).toMatchObject({ ok: true, broadcast: { status: 'scheduled', scheduledAt: at } });
    const again = await run((s) => start(s, personActor(officer), id));
    expect([again.result, again.wakes.size]).toEqual([{ ok: false, reason: 'state' }, 0]);
  });

  it('a new broadcast: outside the actor’s areas nothing is written; the operator writes and starts it, audited once', async () => {
    const input = { audience: { kind: 'area' as const, areaCode: hungMy }, texts: { vi: 'Thông báo từ dòng lệnh.' } };
    const count = await db.broadcast.count();
    const refused = await run((s) => start(s, personActor(elsewhere), input));
    expect(refused.result).toEqual({ ok: false, reason: 'area' });
    expect(await db.broadcast.count()).toBe(count);
    const { result } = await run((s) => start(s, OPERATOR, input));
    if (!result.ok) throw new Error(result.reason);
    expect(result.broadcast).toMatchObject({ status: 'sending', authorId: null, areaCode: hungMy });
    const entries = await db.auditLog.findMany({
      where: { entity: 'Broadcast', entityId: String(result.broadcast.id) },
    });
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([['broadcast.create', null]]);
  });
});
