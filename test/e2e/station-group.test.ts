import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatKeyOf } from '../../src/core/keys.ts';
import type { RecordedCall } from '../fakes/telegram.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { testPii } from '../support/people.ts';
import { quickTip } from '../support/report.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser, type BotMessage } from '../support/users.ts';

// A station group: everyone in it reads the cards, only the area's officers may act on them.
let h: Harness;
const GROUP = -1005550001111;
let officer: TelegramUser;
let otherOfficer: TelegramUser;
let citizen: TelegramUser;
let reporter: TelegramUser;

beforeAll(async () => {
  h = await startHarness();
  officer = new TelegramUser(h, 'Lê', 'Văn Trực Ban');
  otherOfficer = new TelegramUser(h, 'Trịnh', 'Văn Ba Đình');
  citizen = new TelegramUser(h, 'Người', 'Trong Nhóm');
  reporter = new TelegramUser(h);
  await Promise.all([
    makeStaff(h, officer, await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau')),
    makeStaff(h, otherOfficer, await areaCode(h, 'Phường Ba Đình', 'Hà Nội')),
    onboard(citizen),
    onboard(reporter),
  ]);
}, 60_000);
afterAll(() => h?.close());

/** A message the bot posted in the group, as its members read it. */
function groupMessage(call: RecordedCall): BotMessage {
  const markup =
    typeof call.params.reply_markup === 'string' ? JSON.parse(call.params.reply_markup) : call.params.reply_markup;
  const buttons: Array<{ text: string; callback_data: string }> = markup?.inline_keyboard?.flat() ?? [];
  return {
    text: String(call.params.text ?? ''),
    options: buttons.map((b) => ({ label: b.text, data: b.callback_data })),
    raw: call,
  };
}

const messageIdOf = (msg: BotMessage) => (msg.raw.result as { message_id: number }).message_id;

/** Everything the bot has written for the group so far (sent or not): rows commit with the update that made them. */
const groupOutbox = () =>
  h.db.outboundMessage.count({ where: { chatKey: chatKeyOf(testPii(), 'telegram', String(GROUP)) } });

/** Calls that changed a given message of the group after it was sent. */
const editsOf = (msg: BotMessage) =>
  h.tg.calls.filter(
    (c) =>
      c.method.startsWith('edit') &&
      String(c.params.chat_id) === String(GROUP) &&
      Number(c.params.message_id) === messageIdOf(msg),
  );

describe('a station group', () => {
  it('a non-officer pressing a button is answered privately; the card keeps its buttons; an officer changes it in place', async () => {
    // Linking: a member who is not staff presses "link" first: a private alert, and the officer can still press it.
    await officer.sendInGroup(GROUP, '/station');
    const ask = groupMessage(
      await h.tg.waitFor(() => h.tg.messagesTo(GROUP).find((c) => /thành viên/.test(String(c.params.text)))),
    );
    const before = await groupOutbox();
    for (const button of [/Liên kết/, /Huỷ/]) {
      const refused = await citizen.pressAnswer(await citizen.pressInGroup(GROUP, ask, button));
      expect(refused).toEqual({ alert: true, text: expect.stringMatching(/^Chức năng này chỉ dành cho cán bộ/) });
    }
    expect(await groupOutbox()).toBe(before);
    await officer.pressInGroup(GROUP, ask, /Liên kết/);
    await h.tg.waitFor(() => h.tg.textsTo(GROUP).find((t) => /Đã liên kết nhóm này với Xã Hưng Mỹ/.test(t)));
    expect(editsOf(ask).filter((c) => !c.error).length).toBe(1); // the officer's press retired the question

    const code = await quickTip(reporter, 'Hai người lạ đi xe không biển số dò hỏi nhà có người già ở một mình.');
    const card = groupMessage(
      await h.tg.waitFor(() => h.tg.messagesTo(GROUP).find((c) => String(c.params.text).includes(code))),
    );
    expect(card.options.map((o) => o.label)).toContain('👁️ Tiếp nhận');
    const privateCard = await officer.expect(new RegExp(`Tin báo mới ${code}`));
    const groupMessages = h.tg.messagesTo(GROUP).length;
    const written = await groupOutbox();

    // A citizen of the group, a member who never registered, an officer of another commune: each gets an alert.
    const stranger = new TelegramUser(h, 'Khách', 'Lạ');
    for (const u of [citizen, stranger, otherOfficer]) {
      expect(await u.pressAnswer(await u.pressInGroup(GROUP, card, /Tiếp nhận/))).toEqual({
        alert: true,
        text: 'Chỉ cán bộ công an của khu vực mới thao tác được tin báo này.',
      });
    }
    expect(await groupOutbox()).toBe(written);
    expect((await h.db.tip.findUniqueOrThrow({ where: { code } })).status).toBe('new');

    // The officer's press changes that very card: new status, the actions now open, and nothing new in the group.
    const press = await officer.pressInGroup(GROUP, card, /Tiếp nhận/);
    const acked = await officer.expectEdit(card, new RegExp(`Tin ${code}: đã chuyển sang "Đã tiếp nhận"`));
    expect(await officer.pressAnswer(press)).toEqual({ alert: false });
    expect(acked.text).toMatch(/Trạng thái: Đã tiếp nhận/);
    expect(acked.text).toMatch(/Người báo: ẩn danh/);
    expect(acked.options.map((o) => o.label)).toEqual(expect.arrayContaining(['🙋 Nhận xử lý', '✅ Đã xử lý xong']));
    expect(acked.options.map((o) => o.label)).not.toContain('👁️ Tiếp nhận');
    // The only change to the card is the officer's: the refused presses left it, buttons and all.
    expect(editsOf(card).map((c) => c.method)).toEqual(['editMessageText']);
    expect(h.tg.showing(GROUP, messageIdOf(card))).toMatchObject({
      text: acked.text,
      reply_markup: { inline_keyboard: expect.arrayContaining([[expect.objectContaining({ text: '🙋 Nhận xử lý' })]]) },
    });
    expect(h.tg.messagesTo(GROUP)).toHaveLength(groupMessages);
    await reporter.expect(new RegExp(`Tin báo ${code} của bạn đã được Công an xã tiếp nhận`));

    // In the officer's private chat too: a stale card ("Tiếp nhận" again) is brought up to date in place.
    await officer.pressLabel(privateCard, /Tiếp nhận/);
    const stale = await officer.expectEdit(privateCard, new RegExp(`Tin ${code} đang ở trạng thái "Đã tiếp nhận"`));
    expect(stale.options.map((o) => o.label)).not.toContain('👁️ Tiếp nhận');
    // Pressed once more, the card would not change: Telegram's "message is not modified" counts as done.
    await officer.pressLabel(privateCard, /Tiếp nhận/);
    await h.tg.waitFor(() =>
      h.tg
        .callsTo('editMessageText')
        .find(
          (c) =>
            Number(c.params.message_id) === messageIdOf(privateCard) && /not modified/.test(c.error?.description ?? ''),
        ),
    );
    await officer.pressLabel(stale, /Nhận xử lý/);
    await officer.expectEdit(privateCard, new RegExp(`Tin ${code}: đã chuyển sang "Đang xử lý"`));
    expect(officer.all().filter((m) => m.text.includes(code))).toHaveLength(1);
    // Nothing meant for the officer was given up as undeliverable (an unmodified edit is done, not failed).
    const officerChat = chatKeyOf(testPii(), 'telegram', officer.chatId);
    expect(await h.db.outboundMessage.count({ where: { chatKey: officerChat, status: 'failed' } })).toBe(0);
  });

  it('a card that can no longer be edited is sent anew; a reply typed after "reply" updates the card it came from', async () => {
    const code = await quickTip(reporter, 'Có người lạ bẻ khoá xe máy trước cổng chợ lúc nửa đêm.');
    const card = await officer.expect(new RegExp(`Tin báo mới ${code}`));
    // A press on a message Telegram no longer has (deleted, or never this bot's): a new card instead.
    await officer.press(card.options.find((o) => /Tiếp nhận/.test(o.label))!.data!, 999_999);
    const fresh = await officer.expect(new RegExp(`Tin ${code}: đã chuyển sang "Đã tiếp nhận"`));
    expect(
      h.tg.callsTo('editMessageText').some((c) => /message to edit not found/.test(c.error?.description ?? '')),
    ).toBe(true);

    await officer.pressLabel(fresh, /Trả lời người báo/);
    await officer.expect(new RegExp(`Gõ nội dung trả lời người báo tin ${code}`));
    // Asked for the reply, the card keeps its buttons: the officer may still act on it instead.
    const freshId = (fresh.raw.result as { message_id: number }).message_id;
    expect(h.tg.showing(officer.id, freshId)?.reply_markup).toMatchObject({ inline_keyboard: expect.any(Array) });
    await officer.send('Cảm ơn bạn, chúng tôi đã cử người đến chợ.');
    await officer.expect(new RegExp(`Đã gửi trả lời cho người báo tin ${code}`));
    const updated = await officer.expectEdit(fresh, /Trao đổi:\nCán bộ: Cảm ơn bạn, chúng tôi đã cử người/);
    expect(updated.options.map((o) => o.label)).toContain('💬 Trả lời người báo');
    await reporter.expect(new RegExp(`Cán bộ trả lời về tin báo ${code}`));
  });
});
