import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { harnessInHungMy } from '../support/hung-my.ts';
import { onboard } from '../support/onboard.ts';
import { chooseLabel, invite, makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser, type BotMessage } from '../support/users.ts';

let h: Harness;
let hungMy: string;
harnessInHungMy((started) => ({ h, hungMy } = started));

const codeIn = (msg: BotMessage) => /AN-[2-9A-Z]{6}/.exec(msg.text)![0];
type User = TelegramUser | ZaloUser;
/** A press on Telegram, the entry's number on Zalo. */
const pick = (u: User, msg: BotMessage, label: RegExp) =>
  u instanceof ZaloUser ? u.choose(msg, label) : u.pressLabel(msg, label);

describe('a command in the middle of a dialogue keeps what was typed', () => {
  it.each([
    ['Telegram', () => new TelegramUser(h, 'Trần', 'Thị Hỏi'), () => new TelegramUser(h, 'Lê', 'Văn Trực')],
    ['Zalo', () => new ZaloUser(h, 'Người hỏi Zalo'), () => new ZaloUser(h, 'Cán bộ trực Zalo')],
  ] as const)(
    '%s: /help after the description, then continue: the tip has everything',
    async (_, citizenOf, officerOf) => {
      const officer: User = officerOf();
      await makeStaff(h, officer, hungMy);
      const citizen: User = citizenOf();
      await onboard(citizen);

      await citizen.send('/report');
      await pick(citizen, await citizen.expect(/Bạn muốn báo về việc gì\?/), /Trộm cắp/);
      await citizen.expect(/Hãy mô tả sự việc/);
      await citizen.send('Có người lạ dắt trộm xe đạp ở cổng chợ.');
      await citizen.expect(/Sự việc xảy ra ở đâu\?/);

      await citizen.send('/help');
      await citizen.expect(/\/report/);
      const offer = await citizen.expect(/Bạn đang nhập dở một việc trước đó/);
      await pick(citizen, offer, /Tiếp tục/);
      await citizen.expect(/Sự việc xảy ra ở đâu\?/);
      await citizen.send('Cổng chợ Hưng Mỹ');
      await pick(citizen, await citizen.expect(/Bạn có ảnh về sự việc không\?/), /Không có ảnh|Bỏ qua|Xong/);
      await pick(citizen, await citizen.expect(/gửi ẩn danh hay để lại số điện thoại/), /Gửi ẩn danh/);
      await pick(citizen, await citizen.expect(/Kiểm tra lại tin báo/), /Gửi tin báo/);
      const code = codeIn(await citizen.expect(/Đã ghi nhận tin báo của bạn\. Mã tin: AN-/));

      const card = await officer.expect(new RegExp(`Tin báo mới ${code}`));
      expect(card.text).toMatch(/Loại: Trộm cắp, cướp giật/);
      expect(card.text).toMatch(/dắt trộm xe đạp ở cổng chợ/);
      expect(card.text).toMatch(/Địa điểm: Cổng chợ Hưng Mỹ/);
    },
  );

  it('/deleteme → "Không, giữ lại" offers the dialogue back; "Bỏ" drops it', async () => {
    const citizen = new TelegramUser(h, 'Võ', 'Văn Giữ');
    await onboard(citizen);
    await citizen.send('/report');
    await citizen.pressLabel(await citizen.expect(/Bạn muốn báo về việc gì\?/), /Trộm cắp/);
    await citizen.expect(/Hãy mô tả sự việc/);

    await citizen.send('/deleteme');
    const confirm = await citizen.expect(/xoá|xóa/i);
    await citizen.pressLabel(confirm, /Không/);
    const offer = await citizen.expect(/Bạn đang nhập dở một việc trước đó/);
    await citizen.pressLabel(offer, /Tiếp tục/);
    await citizen.expect(/Hãy mô tả sự việc/);

    await citizen.send('/status');
    await citizen.pressLabel(await citizen.expect(/Bạn đang nhập dở một việc trước đó/), /Bỏ/);
    await citizen.expect(/Đã bỏ phần đang nhập dở/);
    await citizen.send('Một câu không thuộc dialogue nào');
    await citizen.expect(/Bot chưa hiểu ý bạn/);
  });

  it('a photo with a caption: at the description step it is the description, at the photos step it is kept too', async () => {
    const officer = new TelegramUser(h, 'Lê', 'Văn Ảnh');
    await makeStaff(h, officer, hungMy);
    const citizen = new TelegramUser(h, 'Đỗ', 'Thị Chụp');
    await onboard(citizen);
    await citizen.send('/report');
    await citizen.pressLabel(await citizen.expect(/Bạn muốn báo về việc gì\?/), /Trộm cắp/);
    await citizen.expect(/Hãy mô tả sự việc/);
    await citizen.sendPhoto('cap-a', { caption: 'Xe máy bị bẻ khoá trước nhà văn hoá ấp 2.' });
    await citizen.expect(/Sự việc xảy ra ở đâu\?/);
    await citizen.pressLabel(await citizen.expect(/chọn Bỏ qua/), /Bỏ qua/);
    await citizen.expect(/Bạn có ảnh về sự việc không\?/);
    await citizen.sendPhoto('cap-b', { caption: 'Đây là dấu vết ở ổ khoá.' });
    await citizen.pressLabel(await citizen.expect(/Đã nhận 2\/5 ảnh/), /Xong/);
    await citizen.pressLabel(await citizen.expect(/gửi ẩn danh hay để lại số điện thoại/), /Gửi ẩn danh/);
    await citizen.pressLabel(await citizen.expect(/Kiểm tra lại tin báo/), /Gửi tin báo/);
    const code = codeIn(await citizen.expect(/Đã ghi nhận tin báo của bạn\. Mã tin: AN-/));
    const card = await officer.expect(new RegExp(`Tin báo mới ${code}`));
    expect(card.text).toMatch(/bẻ khoá trước nhà văn hoá ấp 2\.\n\nĐây là dấu vết ở ổ khoá\./);
    expect(card.text).toMatch(/Ảnh: 2/);
  });

  it.each([
    ['Telegram', () => new TelegramUser(h, 'Ngô', 'Văn Mới')],
    ['Zalo', () => new ZaloUser(h, 'Cán bộ mới Zalo')],
  ] as const)(
    '%s: /staff CODE as the very first message onboards, then redeems without asking again',
    async (_, make) => {
      const u: User = make();
      await u.send(`/staff ${await invite(h, 'officer', hungMy)}`);
      await pick(u, await u.expect(/Chọn ngôn ngữ/), /Tiếng Việt/);
      await pick(u, await u.expect(/Trước khi bắt đầu/), /Tôi đồng ý/);
      await u.expect(/Bạn sống ở xã\/phường nào\?/);
      await u.send('hung my ca mau');
      await pick(u, await u.expect(/kết quả/), /Xã Hưng Mỹ, Cà Mau/);
      await u.expect(/Hoàn tất!/);
      await chooseLabel(u, 'Cán bộ mới');
      await u.expectSilence();
    },
  );
});
