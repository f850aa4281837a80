import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { offerMenu } from '../../src/core/conversation-store.ts';
import { conversationKeyOf } from '../../src/core/keys.ts';
import { Pii } from '../../src/security/pii.ts';
import { ENCRYPTION_KEY, type Harness } from '../support/harness.ts';
import { harnessInHungMy } from '../support/hung-my.ts';
import { onboard } from '../support/onboard.ts';
import { quickTip } from '../support/report.ts';
import { makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

let h: Harness;
let hungMy: string;
harnessInHungMy((started) => ({ h, hungMy } = started));

const tipOf = (code: string) => h.db.tip.findUniqueOrThrow({ where: { code } });

/** A new registered resident of Xã Hưng Mỹ (each files one tip: the rate limit is per person). */
async function resident(): Promise<ZaloUser> {
  const citizen = new ZaloUser(h);
  await onboard(citizen);
  return citizen;
}

describe('Zalo tip cards carry their numbered actions', () => {
  it('a Zalo officer answers "2" to a new card and takes the tip; a Telegram officer still gets buttons', async () => {
    const zaloOfficer = new ZaloUser(h, 'Cán bộ Zalo số thẻ');
    await makeStaff(h, zaloOfficer, hungMy, 'officer', 'Trung uý Đặng Văn Số');
    const zaloColleague = new ZaloUser(h, 'Cán bộ Zalo đồng nghiệp');
    await makeStaff(h, zaloColleague, hungMy);
    const telegramOfficer = new TelegramUser(h, 'Phan', 'Văn Nút');
    await makeStaff(h, telegramOfficer, hungMy);
    const citizen = new ZaloUser(h);
    await onboard(citizen);
    const code = await quickTip(citizen, 'Hai thanh niên lạ đi xe không biển số dò hỏi nhà vắng chủ ở ấp 2.');

    const card = await zaloOfficer.expect(new RegExp(`Tin báo mới ${code}`));
    expect(card.options.map((o) => `${o.data}. ${o.label}`)).toEqual([
      '1. 👁️ Tiếp nhận',
      '2. 🙋 Nhận xử lý',
      '3. 💬 Trả lời người báo',
      '4. ✅ Đã xử lý xong',
      '5. ⛔ Không tiếp nhận',
      '6. 🔁 Trùng tin',
    ]);
    expect(card.text).toContain(`Xử lý: trả lời bằng số thứ tự ở trên, hoặc gõ /tip ${code} để xem toàn bộ tin.`);
    expect(card.text).not.toMatch(/bấm nút|để xem các thao tác/);
    const telegramCard = await telegramOfficer.expect(new RegExp(`Tin báo mới ${code}`));
    expect(telegramCard.options.map((o) => o.label)).toContain('🙋 Nhận xử lý');
    expect(telegramCard.text).toContain(`Xử lý: bấm nút bên dưới hoặc gõ /tip ${code}`);
    await zaloColleague.expect(new RegExp(`Tin báo mới ${code}`));

    // Straight from the card, no /tip first.
    await zaloOfficer.send('2');
    const taken = await zaloOfficer.expect(new RegExp(`Tin ${code}: đã chuyển sang "Đang xử lý"`));
    expect(taken.text).toMatch(/Đang xử lý – Trung uý Đặng Văn Số/);
    const tip = await tipOf(code);
    expect(tip.status).toBe('in_progress');
    const grant = await h.db.staffGrant.findFirstOrThrow({ where: { label: 'Trung uý Đặng Văn Số' } });
    expect(tip.assigneeId).toBe(grant.userId);
    await citizen.expect(new RegExp(`Tin báo ${code} của bạn đang được cán bộ xử lý`));

    // The colleagues hear of it: on Zalo with its one numbered option, on Telegram with its button.
    const told = await zaloColleague.expect(new RegExp(`Trung uý Đặng Văn Số đã nhận xử lý tin báo ${code}`));
    expect(told.options.map((o) => `${o.data}. ${o.label}`)).toEqual(['1. 📄 Xem tin']);
    const tgTold = await telegramOfficer.expect(new RegExp(`Trung uý Đặng Văn Số đã nhận xử lý tin báo ${code}`));
    expect(tgTold.options.map((o) => o.label)).toEqual(['📄 Xem tin']);
    await zaloColleague.send('1');
    const opened = await zaloColleague.expect(/Diễn biến:/);
    expect(opened.text).toMatch(new RegExp(`📄 Tin báo ${code}[\\s\\S]*Đang xử lý – Trung uý Đặng Văn Số`));
    expect(opened.options.map((o) => o.label)).toContain('✅ Đã xử lý xong');
  });

  it('a Zalo officer in the middle of a dialogue gets the /tip hint; their next answer still goes to the dialogue', async () => {
    const officer = new ZaloUser(h, 'Cán bộ Zalo đang bận');
    await makeStaff(h, officer, hungMy);
    const citizen = new ZaloUser(h);
    await onboard(citizen);

    // The officer is reporting something themselves when the card arrives.
    await officer.send('/report');
    const categories = await officer.expect(/Bạn muốn báo về việc gì\?/);
    const code = await quickTip(citizen, 'Có người lạ chụp ảnh cổng các nhà trong xóm vào ban đêm.');
    const card = await officer.expect(new RegExp(`Tin báo mới ${code}`));
    expect(card.options).toEqual([]);
    expect(card.text).toContain(`Xử lý: gõ /tip ${code} để xem các thao tác, rồi trả lời bằng số thứ tự.`);

    await officer.choose(categories, /Lừa đảo/);
    await officer.expect(/Loại: Lừa đảo, lừa đảo qua mạng\. Hãy mô tả sự việc/);
    expect((await tipOf(code)).status).toBe('new');

    // A dialogue paused by a command (the offer to continue on screen) is not overwritten either.
    await officer.send('/help');
    const offer = await officer.expect(/Bạn đang nhập dở một việc trước đó/);
    const second = await quickTip(await resident(), 'Thêm một xe lạ đỗ trước cổng trường tiểu học từ sáng sớm.');
    const secondCard = await officer.expect(new RegExp(`Tin báo mới ${second}`));
    expect(secondCard.options).toEqual([]);
    await officer.choose(offer, /Tiếp tục phần đang nhập dở/);
    const resumed = await officer.expect(/Hãy mô tả sự việc/);
    expect((await tipOf(second)).status).toBe('new');

    // Once out of the dialogue, the next card is answered by number.
    await officer.choose(resumed, /Huỷ/);
    await officer.expect(/Đã huỷ, tin báo chưa được gửi/);
    const third = await quickTip(await resident(), 'Một nhóm người lạ tụ tập uống rượu gây ồn ào ở bến đò ấp 1.');
    const thirdCard = await officer.expect(new RegExp(`Tin báo mới ${third}`));
    expect(thirdCard.options.map((o) => o.label)).toContain('🙋 Nhận xử lý');
    await officer.send('1');
    await officer.expect(new RegExp(`Tin ${third}: đã chuyển sang "Đã tiếp nhận"`));
    expect((await tipOf(third)).status).toBe('acknowledged');
  });

  it('a dialogue that starts while a card offers its menu is kept: the offer is refused, the row untouched', async () => {
    const pii = new Pii(ENCRYPTION_KEY);
    const chatId = randomBytes(10).toString('hex');
    const key = conversationKeyOf(pii, 'zalo', chatId, chatId);
    let began!: () => void;
    let finish!: () => void;
    const begun = new Promise<void>((r) => (began = r));
    const finished = new Promise<void>((r) => (finish = r));
    // The officer's own update, still open when the card's transaction writes.
    const dialogue = h.db.$transaction(async (tx) => {
      await tx.conversation.create({ data: { key, flow: 'report', step: 'category', data: {} } });
      began();
      await finished;
    });
    await begun;
    const offer = h.db.$transaction((tx) =>
      offerMenu({ tx, pii }, { platform: 'zalo', chatId }, [{ id: 'tip:take:AN-TEST22', label: '🙋 Nhận xử lý' }]),
    );
    finish();
    await dialogue;
    expect(await offer).toBe(false);
    const row = await h.db.conversation.findUniqueOrThrow({ where: { key } });
    expect([row.flow, row.step, row.menu]).toEqual(['report', 'category', null]);
  });
});
