import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutMessage } from '../../src/core/messages.ts';
import { OPERATOR, personActor, type Actor, type Scope } from '../../src/core/scope.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import {
  changeStatus,
  flagSpam,
  reopenByReporter,
  reopenTip,
  replyToTipster,
  tipNoteSchema,
} from '../../src/features/tips/actions.ts';
import { completeDraftSchema } from '../../src/features/tips/draft.ts';
import { fileTip } from '../../src/features/tips/store.ts';
import type { OutboundMessage } from '../../src/generated/prisma/client.ts';
import type { TestDatabase } from '../support/database.ts';
import { ownDatabase } from '../support/harness.ts';
import { seedPerson, testPii } from '../support/people.ts';
import { runUseCase } from '../support/use-cases.ts';
import { areaCode } from '../support/staff.ts';

// The three things officers do to a tip, called as the CLI or the HTTP API will: no chat anywhere.
const pii = testPii();

let database: TestDatabase;
let db: Db;
let reporter: Awaited<ReturnType<typeof seedPerson>>;
let officer: Actor;
let officerId: string;
let officerChat: string;
let hungMyCode: string;
/** Refused alike: an officer of another commune, and a leader (no tip role) of the tip's own commune. */
const OUTSIDERS = ['an officer of Phường Ba Đình (Hà Nội)', 'a leader of Xã Hưng Mỹ'] as const;
const outsider = new Map<(typeof OUTSIDERS)[number], Actor>();

beforeAll(async () => {
  database = await ownDatabase();
  db = createDb(database.url);
  const hungMy = await areaCode({ db }, 'Xã Hưng Mỹ', 'Cà Mau');
  const baDinh = await areaCode({ db }, 'Phường Ba Đình', 'Hà Nội');
  reporter = await seedPerson(db, { areaCode: hungMy, locale: 'vi' });
  const [hungMyOfficer, baDinhOfficer, hungMyLeader] = await Promise.all([
    seedPerson(db, { areaCode: hungMy, roles: [{ role: 'officer', areaCode: hungMy }] }),
    seedPerson(db, { areaCode: baDinh, roles: [{ role: 'officer', areaCode: baDinh }] }),
    seedPerson(db, { areaCode: hungMy, roles: [{ role: 'leader', areaCode: hungMy }] }),
  ]);
  officer = personActor(hungMyOfficer);
  officerId = hungMyOfficer.user.id;
  officerChat = hungMyOfficer.chatId;
  hungMyCode = hungMy;
  outsider.set(OUTSIDERS[0], personActor(baDinhOfficer));
  outsider.set(OUTSIDERS[1], personActor(hungMyLeader));
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const run = <T>(useCase: (scope: Scope) => Promise<T>) => runUseCase(db, useCase);

/** A tip of Xã Hưng Mỹ, filed through the store as the report dialogue files it. */
async function newTip(by = reporter): Promise<string> {
  const draft = completeDraftSchema.parse({
    category: 'theft',
    description: 'Hai người lạ bẻ khoá xe máy trước chợ Hưng Mỹ.',
  });
  return (await db.$transaction((tx) => fileTip(tx, pii, by, by.user.areaCode!, draft))).code;
}

/** What the outbox holds for the reporter, decrypted. */
function toReporter(written: OutboundMessage[]): OutMessage[] {
  for (const row of written) expect(pii.decrypt(row.chatIdEnc)).toBe(reporter.chatId);
  return written.map((row) => pii.decryptJson<OutMessage>(row.payloadEnc));
}

/** Everything a refused call must leave as it was. */
async function everything(code: string) {
  const tip = await db.tip.findUniqueOrThrow({ where: { code } });
  const user = await db.user.findUniqueOrThrow({ where: { id: reporter.user.id } });
  return {
    status: tip.status,
    assigneeId: tip.assigneeId,
    spamFlaggedAt: user.spamFlaggedAt,
    events: await db.tipEvent.count(),
    messages: await db.tipMessage.count(),
    audit: await db.auditLog.count(),
    outbox: await db.outboundMessage.count(),
    conversations: await db.conversation.count(),
  };
}

const auditOf = async (code: string) =>
  db.auditLog.findMany({
    where: { entityId: (await db.tip.findUniqueOrThrow({ where: { code } })).id },
    orderBy: { id: 'asc' },
  });

describe('changeStatus', () => {
  it('an officer of Xã Hưng Mỹ acknowledges a tip of Hưng Mỹ: moved, audited, the reporter told in Vietnamese', async () => {
    const code = await newTip();
    const { result, written } = await run((s) => changeStatus(s, officer, code, 'acknowledged'));
    expect(result).toMatchObject({ ok: true, tip: { code, status: 'acknowledged' } });
    const events = await db.tipEvent.findMany({ where: { tip: { code } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.status, e.byId])).toEqual([
      ['new', null],
      ['acknowledged', officerId],
    ]);
    expect((await auditOf(code)).map((a) => [a.action, a.actorId, a.details])).toEqual([
      ['tip.status', officerId, { from: 'new', to: 'acknowledged' }],
    ]);
    expect(toReporter(written).map((m) => m.text)).toEqual([
      `👁️ Tin báo ${code} của bạn đã được Công an xã tiếp nhận.`,
    ]);
  });

  it('taking a tip makes the officer its assignee; a note is told with the change and kept in the thread', async () => {
    const code = await newTip();
    await run((s) => changeStatus(s, officer, code, 'in_progress'));
    expect((await db.tip.findUniqueOrThrow({ where: { code } })).assigneeId).toBe(officerId);
    const note = tipNoteSchema.parse('  Đã bắt được đối tượng, xe đã trả lại chủ.  ');
    const { result, written } = await run((s) => changeStatus(s, officer, code, 'resolved', note));
    expect(result).toMatchObject({ ok: true, tip: { status: 'resolved' } });
    const [told] = toReporter(written);
    expect(told!.text).toBe(
      `✅ Tin báo ${code} của bạn đã được xử lý xong. Cảm ơn bạn đã chung tay giữ gìn an ninh trật tự!\n\n` +
        'Cán bộ ghi chú: Đã bắt được đối tượng, xe đã trả lại chủ.',
    );
    const thread = await db.tipMessage.findMany({ where: { tip: { code } } });
    expect(thread.map((m) => [m.author, m.officerId, pii.decrypt(m.textEnc!)])).toEqual([
      ['officer', officerId, 'Đã bắt được đối tượng, xe đã trả lại chủ.'],
    ]);
  });

  it.each(OUTSIDERS)('refused for %s, and nothing is written', async (who) => {
    const actor = outsider.get(who)!;
    const code = await newTip();
    const before = await everything(code);
    for (const status of ['acknowledged', 'in_progress', 'resolved', 'rejected', 'duplicate'] as const) {
      const { result, written } = await run((s) => changeStatus(s, actor, code, status));
      expect(result).toEqual({ ok: false, reason: 'not-found' });
      expect(written).toEqual([]);
    }
    expect(await everything(code)).toEqual(before);
  });

  it('an unknown code reads the same; a move the status does not allow is "not now" and writes nothing', async () => {
    expect((await run((s) => changeStatus(s, officer, 'AN-ZZZZZZ', 'resolved'))).result).toEqual({
      ok: false,
      reason: 'not-found',
    });
    const code = await newTip();
    await run((s) => changeStatus(s, officer, code, 'duplicate'));
    const before = await everything(code);
    const { result, written } = await run((s) => changeStatus(s, officer, code, 'acknowledged'));
    expect(result).toMatchObject({ ok: false, reason: 'not-now', tip: { status: 'duplicate' } });
    expect(written).toEqual([]);
    expect(await everything(code)).toEqual(before);
  });

  it('the operator may act on a tip of any area; the audit entry has no actor; the officers are told', async () => {
    const code = await newTip();
    const { result, written } = await run((s) => changeStatus(s, OPERATOR, code, 'rejected'));
    expect(result).toMatchObject({ ok: true, tip: { status: 'rejected' } });
    expect((await auditOf(code)).map((a) => [a.action, a.actorId])).toEqual([['tip.status', null]]);
    const [toOfficer, ...toTheReporter] = written;
    expect(pii.decrypt(toOfficer!.chatIdEnc)).toBe(officerChat);
    expect(pii.decryptJson<OutMessage>(toOfficer!.payloadEnc).text).toMatch(
      new RegExp(`^Quản trị hệ thống đã chuyển tin báo ${code} sang "Không tiếp nhận"\\.`),
    );
    expect(toReporter(toTheReporter)[0]!.text).toMatch(
      new RegExp(`^Tin báo ${code} của bạn không được tiếp nhận xử lý`),
    );
    const [, rejected] = await db.tipEvent.findMany({ where: { tip: { code } }, orderBy: { id: 'asc' } });
    expect(rejected).toMatchObject({ status: 'rejected', byId: null, byLabel: null });
  });

  it("an officer's move carries their display label; a colleague of the area is told, not the actor", async () => {
    const colleague = await seedPerson(db, {
      areaCode: hungMyCode,
      roles: [{ role: 'officer', areaCode: hungMyCode }],
    });
    await db.staffGrant.updateMany({ where: { userId: officerId }, data: { label: 'Đại uý Lê Văn Bình' } });
    try {
      const code = await newTip();
      const { result, written } = await run((s) => changeStatus(s, officer, code, 'in_progress'));
      expect(result).toMatchObject({ ok: true });
      const [taken] = await db.tipEvent.findMany({ where: { tip: { code }, status: 'in_progress' } });
      expect(taken).toMatchObject({ byId: officerId, byLabel: 'Đại uý Lê Văn Bình' });
      const toColleague = written.filter((row) => pii.decrypt(row.chatIdEnc) === colleague.chatId);
      expect(toColleague.map((row) => pii.decryptJson<OutMessage>(row.payloadEnc).text)).toEqual([
        expect.stringMatching(new RegExp(`^🙋 Đại uý Lê Văn Bình đã nhận xử lý tin báo ${code}\\.`)),
      ]);
      expect(written.filter((row) => pii.decrypt(row.chatIdEnc) === officerChat)).toEqual([]);
    } finally {
      await db.staffGrant.deleteMany({ where: { userId: colleague.user.id } });
      await db.staffGrant.updateMany({ where: { userId: officerId }, data: { label: null } });
    }
  });
});

describe('replyToTipster', () => {
  it('an officer of Xã Hưng Mỹ answers: kept in the thread, audited, the tip acknowledged, the reporter told and able to answer', async () => {
    const code = await newTip();
    const text = 'Cảm ơn bạn. Bạn có nhớ biển số xe của hai người đó không?';
    const { result, written } = await run((s) =>
      replyToTipster(s, officer, code, { text, photos: [{ fileId: 'photo-a' }, { fileId: 'huge', size: 25 << 20 }] }),
    );
    expect(result).toMatchObject({ ok: true, reporterTold: true, tip: { status: 'acknowledged' } });
    const thread = await db.tipMessage.findMany({ where: { tip: { code } } });
    expect(thread.map((m) => [m.author, m.officerId, pii.decrypt(m.textEnc!)])).toEqual([['officer', officerId, text]]);
    expect(pii.decryptJson(thread[0]!.photosEnc!)).toEqual([{ fileId: 'photo-a' }]);
    expect((await auditOf(code)).map((a) => a.action)).toEqual(['tip.reply', 'tip.status']);

    const [acked, reply, photo] = toReporter(written);
    expect(acked!.text).toBe(`👁️ Tin báo ${code} của bạn đã được Công an xã tiếp nhận.`);
    expect(reply!.text).toBe(
      `💬 Cán bộ trả lời về tin báo ${code}:\n\n${text}\n\n` +
        'Để trả lời, bạn chỉ cần nhắn ngay tại đây (chữ hoặc ảnh). Cán bộ không thấy tên hay tài khoản của bạn.',
    );
    expect(reply!.buttons).toEqual([{ id: `mytip:add:${code}`, label: '💬 Trả lời cán bộ' }]);
    expect(photo).toEqual({ text: `Ảnh 1/1 – tin ${code}`, photo: { fileId: 'photo-a' } });
    expect(written).toHaveLength(3);
    // The reporter's next message in their private chat answers the officer.
    const conversations = await db.conversation.findMany({ where: { flow: 'tip-thread' } });
    expect(conversations.map((c) => [c.step, c.data])).toContainEqual(['write', { v: 1, draft: { code } }]);
  });

  it.each(OUTSIDERS)('refused for %s, and nothing is written', async (who) => {
    const actor = outsider.get(who)!;
    const code = await newTip();
    const before = await everything(code);
    const { result, written } = await run((s) => replyToTipster(s, actor, code, { text: 'Bạn còn ở đó không?' }));
    expect(result).toEqual({ ok: false, reason: 'not-found' });
    expect(written).toEqual([]);
    expect(await everything(code)).toEqual(before);
  });

  it('an empty or too long answer is refused with its reason, and nothing is written', async () => {
    const code = await newTip();
    const before = await everything(code);
    const empty = await run((s) => replyToTipster(s, officer, code, { text: '   ', photos: [] }));
    expect(empty.result).toEqual({ ok: false, reason: 'empty' });
    const long = await run((s) => replyToTipster(s, officer, code, { text: 'x'.repeat(1501) }));
    expect(long.result).toEqual({ ok: false, reason: 'too-long' });
    expect([...empty.written, ...long.written]).toEqual([]);
    expect(await everything(code)).toEqual(before);
  });
});

describe('flagSpam', () => {
  it('an officer of Xã Hưng Mỹ flags a tip as spam: rejected, the reporter flagged and told, both audited', async () => {
    const code = await newTip();
    const { result, written } = await run((s) => flagSpam(s, officer, code));
    expect(result).toMatchObject({ ok: true, tip: { status: 'rejected' } });
    expect((await db.user.findUniqueOrThrow({ where: { id: reporter.user.id } })).spamFlaggedAt).toBeInstanceOf(Date);
    expect((await auditOf(code)).map((a) => [a.action, a.actorId])).toEqual([
      ['tip.status', officerId],
      ['tip.flag_spam', officerId],
    ]);
    expect(toReporter(written).map((m) => m.text)).toEqual([
      `Tin báo ${code} của bạn không được tiếp nhận xử lý (chưa đủ thông tin hoặc không thuộc thẩm quyền). ` +
        `Nếu có thêm thông tin, gõ /status ${code} để gửi bổ sung.`,
    ]);
    await db.user.update({ where: { id: reporter.user.id }, data: { spamFlaggedAt: null } });
  });

  it.each(OUTSIDERS)('refused for %s, and nothing is written', async (who) => {
    const actor = outsider.get(who)!;
    const code = await newTip();
    const before = await everything(code);
    const { result, written } = await run((s) => flagSpam(s, actor, code));
    expect(result).toEqual({ ok: false, reason: 'not-found' });
    expect(written).toEqual([]);
    expect(await everything(code)).toEqual(before);
  });
});

describe('reopenTip', () => {
  it('an officer reopens a resolved tip: acknowledged again, audited, the reporter told; the history keeps both', async () => {
    const code = await newTip();
    await run((s) => changeStatus(s, officer, code, 'resolved'));
    const { result, written } = await run((s) => reopenTip(s, officer, code));
    expect(result).toMatchObject({ ok: true, tip: { status: 'acknowledged' } });
    expect(toReporter(written).map((m) => m.text)).toEqual([
      `🔓 Tin báo ${code} của bạn đã được cán bộ mở lại để xem xét tiếp.`,
    ]);
    const events = await db.tipEvent.findMany({ where: { tip: { code } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.status, e.byId])).toEqual([
      ['new', null],
      ['resolved', officerId],
      ['acknowledged', officerId],
    ]);
    expect((await auditOf(code)).map((a) => [a.action, a.details])).toEqual([
      ['tip.status', { from: 'new', to: 'resolved' }],
      ['tip.reopen', { from: 'resolved', to: 'acknowledged', by: 'officer' }],
    ]);
  });

  it('a tip someone had taken goes back to them, in progress', async () => {
    const code = await newTip();
    await run((s) => changeStatus(s, officer, code, 'in_progress'));
    await run((s) => changeStatus(s, officer, code, 'duplicate'));
    const { result } = await run((s) => reopenTip(s, OPERATOR, code));
    expect(result).toMatchObject({ ok: true, tip: { status: 'in_progress', assigneeId: officerId } });
  });

  it('reopening a tip rejected as spam takes the verdict back, unless another of theirs still stands as spam', async () => {
    const someone = await seedPerson(db, { areaCode: reporter.user.areaCode!, locale: 'vi' });
    const flagged = async () => (await db.user.findUniqueOrThrow({ where: { id: someone.user.id } })).spamFlaggedAt;
    const [first, second] = [await newTip(someone), await newTip(someone)];
    await run((s) => flagSpam(s, officer, first));
    await run((s) => flagSpam(s, officer, second));
    await run((s) => reopenTip(s, officer, first));
    expect(await flagged()).toBeInstanceOf(Date);
    const { result } = await run((s) => reopenTip(s, officer, second));
    expect(result).toMatchObject({ ok: true, tip: { status: 'acknowledged' } });
    expect(await flagged()).toBeNull();
    expect((await auditOf(second)).map((a) => a.action)).toEqual([
      'tip.status',
      'tip.flag_spam',
      'tip.reopen',
      'tip.unflag_spam',
    ]);
  });

  it('an open tip is "not now"; outsiders are refused; neither writes anything', async () => {
    const code = await newTip();
    const before = await everything(code);
    const open = await run((s) => reopenTip(s, officer, code));
    expect(open.result).toMatchObject({ ok: false, reason: 'not-now', tip: { status: 'new' } });
    await run((s) => changeStatus(s, officer, code, 'rejected'));
    const closed = await everything(code);
    for (const who of OUTSIDERS) {
      const { result, written } = await run((s) => reopenTip(s, outsider.get(who)!, code));
      expect(result).toEqual({ ok: false, reason: 'not-found' });
      expect(written).toEqual([]);
    }
    expect(open.written).toEqual([]);
    expect(before.status).toBe('new');
    expect(await everything(code)).toEqual(closed);
  });
});

describe('reopenByReporter', () => {
  it('the reporter reopens their closed tip: an event marked as theirs without their id, audited; the officers of its area get a notice', async () => {
    const code = await newTip();
    await run((s) => changeStatus(s, officer, code, 'resolved'));
    const { result, written } = await run((s) => reopenByReporter(s, reporter, code));
    expect(result).toMatchObject({ ok: true, tip: { status: 'acknowledged' }, officersTold: 1 });
    const texts = written.map((row) => pii.decryptJson<OutMessage>(row.payloadEnc).text);
    expect(texts).toEqual([expect.stringMatching(new RegExp(`^🔓 Người báo tin đã mở lại tin ${code}`))]);
    expect(written.map((row) => pii.decrypt(row.chatIdEnc))).not.toContain(reporter.chatId);
    const events = await db.tipEvent.findMany({ where: { tip: { code } }, orderBy: { id: 'asc' } });
    // The reporter's step is marked as theirs, with no id of theirs, in the history and the audit log alike.
    expect(events.map((e) => [e.status, e.byId, e.byReporter])).toEqual([
      ['new', null, false],
      ['resolved', officerId, false],
      ['acknowledged', null, true],
    ]);
    expect((await auditOf(code)).at(-1)).toMatchObject({
      action: 'tip.reopen',
      actorId: null,
      details: { from: 'resolved', to: 'acknowledged', by: 'reporter' },
    });
  });

  it('not their tip, or one rejected as spam: refused, nothing written', async () => {
    const code = await newTip();
    await run((s) => flagSpam(s, officer, code));
    await db.user.update({ where: { id: reporter.user.id }, data: { spamFlaggedAt: null } });
    const before = await everything(code);
    const spam = await run((s) => reopenByReporter(s, reporter, code));
    expect(spam.result).toEqual({ ok: false, reason: 'spam' });
    const stranger = await seedPerson(db, { areaCode: reporter.user.areaCode!, locale: 'vi' });
    const other = await run((s) => reopenByReporter(s, stranger, code));
    expect(other.result).toEqual({ ok: false, reason: 'not-found' });
    expect([...spam.written, ...other.written]).toEqual([]);
    expect(await everything(code)).toEqual(before);
  });
});
