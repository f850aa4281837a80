import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_PER_MINUTE } from '../fakes/telegram.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser, type BotMessage } from '../support/users.ts';

// A station group under Telegram's own limit for groups (20 messages a minute, then 429 with retry_after).
let h: Harness;
const GROUP = -1009876543210;
let officer: TelegramUser;
let reporter: TelegramUser;
let citizen: TelegramUser;

beforeAll(async () => {
  h = await startHarness();
  const hungMy = await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau');
  officer = new TelegramUser(h, 'Lê', 'Văn Trực Ban');
  reporter = new TelegramUser(h);
  citizen = new TelegramUser(h);
  await Promise.all([makeStaff(h, officer, hungMy), onboard(reporter), onboard(citizen)]);
  h.tg.setMemberCount(GROUP, 42);
  await linkStation(officer, GROUP);
  h.tg.limitGroups(GROUP_PER_MINUTE);
}, 60_000);
afterAll(() => h?.close());

const PHONE = '0912345678';
const groupTexts = () => h.tg.textsTo(GROUP);

/** `/station` in the group, confirmed by the officer's button there. */
async function linkStation(u: TelegramUser, group: number) {
  await u.sendInGroup(group, '/station');
  const call = await h.tg.waitFor(() => h.tg.messagesTo(group).find((c) => /thành viên/.test(String(c.params.text))));
  expect(String(call.params.text)).toMatch(/Nhóm này có 42 thành viên/);
  expect(groupTexts().some((t) => /Đã liên kết/.test(t))).toBe(false);
  const markup =
    typeof call.params.reply_markup === 'string' ? JSON.parse(call.params.reply_markup) : call.params.reply_markup;
  const card: BotMessage = {
    text: String(call.params.text),
    options: markup.inline_keyboard.flat().map((b: { text: string; callback_data: string }) => ({
      label: b.text,
      data: b.callback_data,
    })),
    raw: call,
  };
  await u.pressInGroup(group, card, /Liên kết/);
  await h.tg.waitFor(() => groupTexts().find((t) => /Đã liên kết nhóm này/.test(t)));
}

/** The report dialogue up to its last question; returns the summary with the "send" button. */
async function draftTip(u: TelegramUser, text: string): Promise<BotMessage> {
  await u.send('/report');
  await u.pressLabel(await u.expect(/Bạn muốn báo về việc gì\?/), /Ma tuý/);
  await u.expect(/Hãy mô tả sự việc/);
  await u.send(text);
  await u.pressLabel(await u.expect(/chọn Bỏ qua/), /Bỏ qua/);
  await u.pressLabel(await u.expect(/Bạn có ảnh/), /Bỏ qua/);
  await u.pressLabel(await u.expect(/gửi ẩn danh hay để lại số điện thoại/), /Để lại số điện thoại/);
  await u.expect(/Gõ số điện thoại của bạn/);
  await u.send(PHONE);
  return u.expect(/Kiểm tra lại tin báo/);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const rateLimitedInGroup = () =>
  h.tg.calls.some((c) => c.error?.error_code === 429 && String(c.params.chat_id) === String(GROUP));

describe('one group cannot stall the other chats', () => {
  it('an unregistered member sends 60 /start in a station group: private /help and a new tip card still go out in under 2 s', async () => {
    const summary = await draftTip(reporter, 'Có người lạ bán ma tuý ở đầu hẻm 5');
    const member = new TelegramUser(h, 'Kẻ', 'Quấy Rối');
    for (let i = 0; i < 60; i++) await member.sendInGroup(GROUP, '/start');
    // Long enough for the group's first 20 answers to go out and the 21st to meet the group's limit.
    await new Promise((r) => setTimeout(r, 1500));

    const help = await timed(async () => {
      await citizen.send('/help');
      return citizen.next(10_000);
    });
    expect(help.value.text.length).toBeGreaterThan(0);
    expect(help.ms).toBeLessThan(2000);

    const card = await timed(async () => {
      await reporter.pressLabel(summary, /Gửi tin báo/);
      return officer.expect(/Tin báo mới AN-/, 10_000);
    });
    expect(card.ms).toBeLessThan(2000);
    // The officer's own card carries the phone number the reporter left; the group's never does.
    expect(card.value.text).toContain(PHONE);
    const code = /AN-[2-9A-Z]{6}/.exec(card.value.text)![0];
    const inGroup = await h.tg.waitFor(() => groupTexts().find((t) => t.includes(code)), 70_000);
    expect(inGroup).toMatch(/cán bộ xem trong tin nhắn riêng/);
    expect(groupTexts().some((t) => t.includes(PHONE))).toBe(false);
    // The group's flood guard answers members who are not staff only while the group is quiet (3 updates a
    // minute, the /station link among them), so the group stayed under its limit.
    expect(groupTexts().filter((t) => /nhắn riêng cho bot/.test(t)).length).toBeLessThanOrEqual(2);
    expect(rateLimitedInGroup()).toBe(false);
  }, 120_000);

  it('a group at its limit holds only its own messages: other chats are answered at once, the group’s wait', async () => {
    // Staff are not flood-guarded: 30 answers into the group meet its 20 a minute.
    for (let i = 0; i < 30; i++) await officer.sendInGroup(GROUP, '/tip AN-ZZZZZZ');
    await h.tg.waitFor(rateLimitedInGroup, 15_000);

    const help = await timed(async () => {
      await citizen.send('/help');
      return citizen.next(10_000);
    });
    expect(help.ms).toBeLessThan(2000);
    // The group's answers are waiting for its retry_after, none given up.
    const failed = await h.db.outboundMessage.count({ where: { status: 'failed' } });
    expect(failed).toBe(0);
    const waiting = await h.db.outboundMessage.findMany({ where: { status: 'pending' } });
    expect(waiting.some((row) => /Too Many Requests/.test(row.lastError ?? ''))).toBe(true);
  }, 60_000);
});
