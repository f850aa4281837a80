import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { harnessInHungMy } from '../support/hung-my.ts';
import { onboard } from '../support/onboard.ts';
import { makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser, type BotMessage } from '../support/users.ts';

let h: Harness;
let hungMy: string;
harnessInHungMy((started) => ({ h, hungMy } = started));

const codeIn = (msg: BotMessage) => /AN-[2-9A-Z]{6}/.exec(msg.text)![0];

describe('a tip from report to resolution, in Vietnamese', () => {
  it('Telegram: anonymous tip with text, shared location and two photos; officer acknowledges, replies, resolves', async () => {
    const officer = new TelegramUser(h, 'Lê', 'Văn Cán Bộ');
    await makeStaff(h, officer, hungMy);
    const citizen = new TelegramUser(h, 'Phạm', 'Thị Dân');
    await onboard(citizen);

    await citizen.send('/report');
    await citizen.pressLabel(await citizen.expect(/Bạn muốn báo về việc gì\?/), /Trộm cắp/);
    await citizen.expect(/Loại: Trộm cắp, cướp giật\. Hãy mô tả sự việc/);
    await citizen.send('Tối qua có hai thanh niên lạ mặt bẻ khoá xe máy trước chợ Hưng Mỹ.');
    await citizen.expect(/Sự việc xảy ra ở đâu\?/);
    await citizen.sendLocation(9.0321, 105.0456);
    await citizen.expect(/Bạn có ảnh về sự việc không\? Gửi tối đa 5 ảnh/);
    await citizen.sendPhoto('photo-a');
    await citizen.expect(/Đã nhận 1\/5 ảnh/);
    await citizen.sendPhoto('photo-b');
    await citizen.pressLabel(await citizen.expect(/Đã nhận 2\/5 ảnh/), /Xong/);
    await citizen.pressLabel(await citizen.expect(/gửi ẩn danh hay để lại số điện thoại/), /Gửi ẩn danh/);
    const summary = await citizen.expect(/Kiểm tra lại tin báo/);
    expect(summary.text).toMatch(/Ảnh: 2/);
    expect(summary.text).toMatch(/Người báo: ẩn danh/);
    await citizen.pressLabel(summary, /Gửi tin báo/);
    const filed = await citizen.expect(/Đã ghi nhận tin báo của bạn\. Mã tin: AN-/);
    const code = codeIn(filed);

    const card = await officer.expect(new RegExp(`Tin báo mới ${code}`));
    expect(card.text).toMatch(/Loại: Trộm cắp, cướp giật/);
    expect(card.text).toMatch(/Địa bàn: Xã Hưng Mỹ, Cà Mau/);
    expect(card.text).toMatch(/bẻ khoá xe máy/);
    expect(card.text).toMatch(/Vị trí: 9\.03210, 105\.04560/);
    expect(card.text).toMatch(/Ảnh: 2/);
    expect(card.text).toMatch(/Người báo: ẩn danh/);
    expect(card.options.map((o) => o.label)).toEqual([
      '👁️ Tiếp nhận',
      '🙋 Nhận xử lý',
      '💬 Trả lời người báo',
      '✅ Đã xử lý xong',
      '⛔ Không tiếp nhận',
      '🔁 Trùng tin',
    ]);
    const photos = [await officer.next(), await officer.next()];
    expect(photos.map((p) => p.raw.params.photo)).toEqual(['photo-a', 'photo-b']);
    expect(photos[0]!.text).toBe(`Ảnh 1/2 – tin ${code}`);

    // Each action changes the card in place: its status, history and the actions now open; no card is re-sent.
    await officer.pressLabel(card, /Tiếp nhận/);
    const acked = await officer.expectEdit(card, new RegExp(`Tin ${code}: đã chuyển sang "Đã tiếp nhận"`));
    expect(acked.text).toMatch(/Trạng thái: Đã tiếp nhận/);
    expect(acked.text).toContain(`📄 Tin báo ${code}`);
    expect(acked.text).not.toContain('Tin báo mới');
    expect(acked.options.map((o) => o.label)).not.toContain('👁️ Tiếp nhận');
    await citizen.expect(new RegExp(`Tin báo ${code} của bạn đã được Công an xã tiếp nhận`));

    await officer.pressLabel(acked, /Trả lời người báo/);
    await officer.expect(new RegExp(`Gõ nội dung trả lời người báo tin ${code}`));
    await officer.send('Cảm ơn bạn. Bạn có nhớ biển số hoặc màu xe của hai người đó không?');
    await officer.expect(new RegExp(`Đã gửi trả lời cho người báo tin ${code}`));
    expect((await officer.expectEdit(card, /Trao đổi:\nCán bộ: Cảm ơn bạn/)).text).toMatch(/Trạng thái: Đã tiếp nhận/);
    const reply = await citizen.expect(new RegExp(`Cán bộ trả lời về tin báo ${code}`));
    expect(reply.text).toMatch(/Bạn có nhớ biển số/);
    expect(reply.text).toMatch(/bạn chỉ cần nhắn ngay tại đây/);

    await citizen.send('Xe Wave màu đỏ, biển số 69B1-123.45');
    await citizen.expect(new RegExp(`Đã chuyển tới cán bộ phụ trách tin ${code}`));
    const answer = await officer.expect(new RegExp(`Người báo tin ${code} nhắn`));
    expect(answer.text).toMatch(/Xe Wave màu đỏ, biển số 69B1-123\.45/);

    await officer.pressLabel(answer, /Xem tin/);
    // No longer new: the card says so.
    const view = await officer.expect(new RegExp(`📄 Tin báo ${code}`));
    expect(view.text).toMatch(/Trao đổi:\nCán bộ: Cảm ơn bạn.*\nNgười báo: Xe Wave màu đỏ/s);
    await officer.pressLabel(view, /Đã xử lý xong/);
    const ask = await officer.expectEdit(view, new RegExp(`Đóng tin báo ${code}`));
    await officer.pressLabel(ask, /Xác nhận/);
    await officer.expectEdit(view, new RegExp(`Tin ${code}: đã chuyển sang "Đã xử lý xong"`));
    await citizen.expect(new RegExp(`Tin báo ${code} của bạn đã được xử lý xong\\. Cảm ơn bạn`));
    // The card and its two photos went out once; the opened tip once with its photos again; nothing else new.
    const sent = officer.all().map((m) => m.text);
    expect(sent.filter((t) => t.startsWith(`🆕 Tin báo mới ${code}`))).toHaveLength(1);
    expect(sent.filter((t) => t.startsWith(`📄 Tin báo ${code}`))).toHaveLength(1);
    expect(sent.filter((t) => t.startsWith('Ảnh 1/2'))).toHaveLength(2);

    const tip = await h.service.db.tip.findUniqueOrThrow({
      where: { code },
      include: { events: true, messages: true },
    });
    expect(tip.status).toBe('resolved');
    expect(tip.photoCount).toBe(2);
    expect(tip.events.map((e) => e.status)).toEqual(['new', 'acknowledged', 'resolved']);
    expect(tip.messages.map((m) => m.author)).toEqual(['officer', 'citizen']);
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toMatch(/antq_tips\{status="resolved",urgent="false"\} [1-9]/);
  });

  it('Zalo: anonymous tip with text, typed place and two photos; officer works it by /tip and numbers', async () => {
    const officer = new ZaloUser(h, 'Cán bộ Zalo');
    await makeStaff(h, officer, hungMy);
    const citizen = new ZaloUser(h);
    await onboard(citizen);

    await citizen.send('Báo tin');
    await citizen.choose(await citizen.expect(/Bạn muốn báo về việc gì\?/), /Lừa đảo/);
    await citizen.expect(/Loại: Lừa đảo, lừa đảo qua mạng\. Hãy mô tả sự việc/);
    await citizen.send('Có người gọi điện giả danh công an yêu cầu chuyển tiền để "xác minh tài khoản".');
    await citizen.expect(/Sự việc xảy ra ở đâu\?/);
    await citizen.send('Ấp 3, gần trường tiểu học Hưng Mỹ');
    await citizen.expect(/Bạn có ảnh về sự việc không\?/);
    await citizen.sendImage('https://photo.zalo.example/a.jpg');
    await citizen.expect(/Đã nhận 1\/5 ảnh/);
    await citizen.sendImage('https://photo.zalo.example/b.jpg');
    await citizen.choose(await citizen.expect(/Đã nhận 2\/5 ảnh/), /Xong/);
    await citizen.choose(await citizen.expect(/gửi ẩn danh hay để lại số điện thoại/), /Gửi ẩn danh/);
    await citizen.choose(await citizen.expect(/Kiểm tra lại tin báo/), /Gửi tin báo/);
    const code = codeIn(await citizen.expect(/Đã ghi nhận tin báo của bạn\. Mã tin: AN-/));

    const card = await officer.expect(new RegExp(`Tin báo mới ${code}`));
    expect(card.text).toMatch(/Địa điểm: Ấp 3, gần trường tiểu học Hưng Mỹ/);
    expect(card.text).toMatch(new RegExp(`gõ /tip ${code}`));
    const photos = [await officer.next(), await officer.next()];
    expect(photos.map((p) => p.raw.params.photo)).toEqual([
      'https://photo.zalo.example/a.jpg',
      'https://photo.zalo.example/b.jpg',
    ]);

    await officer.send(`/tip ${code}`);
    await officer.choose(await officer.expect(new RegExp(`Tin báo mới ${code}`)), /Tiếp nhận/);
    const acked = await officer.expect(new RegExp(`đã chuyển sang "Đã tiếp nhận"`));
    await citizen.expect(new RegExp(`Tin báo ${code} của bạn đã được Công an xã tiếp nhận`));
    await officer.choose(acked, /Trả lời người báo/);
    await officer.expect(/Gõ nội dung trả lời/);
    await officer.send('Bạn không chuyển tiền nhé. Số điện thoại đã gọi cho bạn là số nào?');
    await officer.expect(/Đã gửi trả lời/);
    await citizen.expect(/Cán bộ trả lời về tin báo .*\n\nBạn không chuyển tiền nhé/s);
    await citizen.send('Số 0899 000 111, gọi lúc 9 giờ sáng nay.');
    await citizen.expect(/Đã chuyển tới cán bộ phụ trách/);
    expect((await officer.expect(new RegExp(`Người báo tin ${code} nhắn`))).text).toMatch(/0899 000 111/);

    await officer.send(`/tip ${code}`);
    await officer.choose(await officer.expect(/Trao đổi:/), /Đã xử lý xong/);
    await officer.choose(await officer.expect(new RegExp(`Đóng tin báo ${code}`)), /Xác nhận/);
    await officer.expect(/đã chuyển sang "Đã xử lý xong"/);
    await citizen.expect(new RegExp(`Tin báo ${code} của bạn đã được xử lý xong`));
  });
});
