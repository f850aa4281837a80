import { describe, expect, it } from 'vitest';
import { VIETNAM_OFFSET_MS } from '../../src/core/format.ts';
import { fakePhotoBytes } from '../fakes/telegram.ts';
import type { Harness } from '../support/harness.ts';
import { harnessInHungMy } from '../support/hung-my.ts';
import { OaUser, type OaSeen } from '../support/oa-user.ts';
import { createModelInChat, decodeQr } from '../support/models.ts';
import { makeStaff } from '../support/staff.ts';
import { TelegramUser } from '../support/users.ts';

const FORM_IMAGE = 'https://congan.example.vn/mau-lien-he.png';
let h: Harness;
let hungMy: string;
harnessInHungMy((started) => ({ h, hungMy } = started), {
  BROADCAST_RECONCILE_SECONDS: '0.5',
  ZALO_OA_FORM_IMAGE_URL: FORM_IMAGE,
});

const codeIn = (msg: { text: string }) => /AN-[2-9A-Z]{6}/.exec(msg.text)![0];
const uploadsTo = (kind: 'image' | 'file') => h.oa.callsTo(`/v2.0/oa/upload/${kind}`).filter((c) => !c.error);
/** What an upload answered: the attachment_id of an image, the token of a file. */
const issued = (kind: 'image' | 'file') =>
  uploadsTo(kind).map((c) => {
    const data = (c.result as { data: { attachment_id?: string; token?: string } }).data;
    return data.attachment_id ?? data.token;
  });
const labels = (msg: OaSeen) => msg.options.map((o) => o.label);

/** "27/11/2026 07:30" in Vietnam time, as an officer types it. */
function vietnamTime(at: Date): string {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} 07:30`;
}

/** Follow → the welcome in Vietnamese → every onboarding step by tapping, the commune typed. */
async function onboardOnOa(citizen: OaUser): Promise<void> {
  await citizen.follow();
  await citizen.expect(/Xin chào! Đây là trợ lý/);
  const language = await citizen.expect(/Chọn ngôn ngữ/);
  expect(language.sent.buttons.map((b) => b.type)).toEqual(['oa.query.hide', 'oa.query.hide']);
  await citizen.choose(language, /Tiếng Việt/);
  await citizen.choose(await citizen.expect(/Trước khi bắt đầu/), /Tôi đồng ý/);
  await citizen.expect(/Bạn sống ở xã\/phường nào\?/);
  await citizen.send('hung my ca mau');
  const found = await citizen.expect(/kết quả/);
  expect(found.sent.buttons.length).toBeGreaterThan(0);
  await citizen.choose(found, /Xã Hưng Mỹ, Cà Mau/);
  await citizen.expect(/Hoàn tất!/);
}

/** An officer of Hưng Mỹ on Telegram, and a citizen onboarded on the OA who starts a tip of this category. */
async function tipStartedOnOa(officerName: string, category: RegExp) {
  const officer = new TelegramUser(h, 'Lê', officerName);
  await makeStaff(h, officer, hungMy);
  const citizen = new OaUser(h);
  await onboardOnOa(citizen);
  await citizen.send('Báo tin');
  await citizen.choose(await citizen.expect(/Bạn muốn báo về việc gì\?/), category);
  return { officer, citizen };
}

describe('acceptance 1: a citizen on the Zalo OA, officers and a leader on Telegram', () => {
  it('follow → tappable onboarding → anonymous tip with a photo → the officer works it → reply, photo and statuses reach the OA', async () => {
    const { officer, citizen } = await tipStartedOnOa('Văn Cán Bộ', /Trộm cắp/);
    await citizen.expect(/Loại: Trộm cắp, cướp giật\. Hãy mô tả sự việc/);
    await citizen.send('Tối qua có người lạ bẻ khoá xe máy trước chợ Hưng Mỹ.');
    await citizen.expect(/Sự việc xảy ra ở đâu\?/);
    await citizen.send('Trước chợ Hưng Mỹ');
    await citizen.expect(/Bạn có ảnh về sự việc không\?/);
    await citizen.sendImage('https://photo-stal.zadn.vn/xe-may.jpg');
    await citizen.choose(await citizen.expect(/Đã nhận 1\/5 ảnh/), /Xong/);
    await citizen.choose(await citizen.expect(/gửi ẩn danh hay để lại số điện thoại/), /Gửi ẩn danh/);
    const summary = await citizen.expect(/Kiểm tra lại tin báo/);
    expect(summary.text).toMatch(/Người báo: ẩn danh/);
    await citizen.choose(summary, /Gửi tin báo/);
    const code = codeIn(await citizen.expect(/Đã ghi nhận tin báo của bạn\. Mã tin: AN-/));

    // The officer on Telegram: the card with its buttons, then the photo (Zalo's by its URL).
    const card = await officer.expect(new RegExp(`Tin báo mới ${code}`));
    expect(card.text).toMatch(/Người báo: ẩn danh/);
    expect(card.text).toMatch(/Ảnh: 1/);
    const photo = await officer.next();
    expect(photo.raw.params.photo).toBe('https://photo-stal.zadn.vn/xe-may.jpg');

    await officer.pressLabel(card, /Tiếp nhận/);
    await citizen.expect(new RegExp(`Tin báo ${code} của bạn đã được Công an xã tiếp nhận`));

    // A reply with a photo taken on Telegram: its bytes are fetched from Telegram and uploaded to the OA.
    await officer.pressLabel(card, /Trả lời người báo/);
    await officer.expect(new RegExp(`Gõ nội dung trả lời người báo tin ${code}`));
    await officer.post(
      officer.messageUpdate({
        caption: 'Cảm ơn bạn. Có phải chiếc xe này không?',
        photo: [{ file_id: 'officer-photo', file_unique_id: 'op', file_size: 50_000, width: 800, height: 600 }],
      }),
    );
    await officer.expect(new RegExp(`Đã gửi trả lời cho người báo tin ${code}`));
    const reply = await citizen.expect(new RegExp(`Cán bộ trả lời về tin báo ${code}`));
    expect(reply.text).toMatch(/Có phải chiếc xe này không\?/);
    const media = await citizen.expectAttachment('media');
    const [upload] = uploadsTo('image');
    expect(upload!.files!.file!.content).toEqual(fakePhotoBytes('officer-photo'));
    expect(media.sent.message.attachment.payload.elements[0].attachment_id).toBe(issued('image')[0]);

    // The button under the reply (not a menu on screen) comes back as a press.
    await citizen.choose(reply, /Trả lời cán bộ/);
    const write = await citizen.expect(new RegExp(`Gõ nội dung bổ sung hoặc gửi ảnh cho tin ${code}`));
    await citizen.send('Đúng rồi, xe Wave màu đỏ.');
    await citizen.choose(write, /Xong/);
    const answer = await officer.expect(new RegExp(`Người báo tin ${code} nhắn`));
    expect(answer.text).toMatch(/Đúng rồi, xe Wave màu đỏ\./);

    await officer.pressLabel(card, /Đã xử lý xong/);
    await officer.pressLabel(await officer.expectEdit(card, new RegExp(`Đóng tin báo ${code}`)), /Xác nhận/);
    await citizen.expect(new RegExp(`Tin báo ${code} của bạn đã được xử lý xong\\. Cảm ơn bạn`));
    const tip = await h.db.tip.findUniqueOrThrow({ where: { code } });
    expect(tip.status).toBe('resolved');
  });

  it('a leader on the OA gets the QR poster as an uploaded image; a citizen joins by code and the leader approves, all on the OA', async () => {
    const officer = new TelegramUser(h, 'Lê', 'Văn Công An');
    await makeStaff(h, officer, hungMy);
    const model = await createModelInChat(h, officer, 'Camera an ninh ấp 5');

    const leader = new OaUser(h);
    await onboardOnOa(leader);
    const before = uploadsTo('image').length;
    await leader.send(`/staff ${model.leaderInvite}`);
    await leader.expect(/Chào mừng! Bạn đã được cấp quyền Trưởng mô hình "Camera an ninh ấp 5"/);
    await leader.expect(/mã tham gia: MH-/);
    const poster = await leader.expectAttachment('media');
    const upload = uploadsTo('image')[before]!;
    expect(upload.files!.file!.filename).toBe(`${model.code}.png`);
    expect(decodeQr(upload.files!.file!.content)).toBe(`https://t.me/antq_test_bot?start=m_${model.code}`);
    expect(poster.sent.message.attachment.payload.elements[0].attachment_id).toBe(issued('image')[before]);

    const citizen = new OaUser(h);
    await onboardOnOa(citizen);
    await citizen.send(model.code.toLowerCase());
    const page = await citizen.expect(/Camera an ninh ấp 5\nLoại: Camera an ninh/);
    await citizen.choose(page, /Tham gia/);
    await citizen.choose(await citizen.expect(/cho trưởng mô hình thấy tên/), /Không hiện tên/);
    await citizen.expect(/Đã gửi yêu cầu tham gia "Camera an ninh ấp 5"/);

    await leader.expect(/Có người muốn tham gia "Camera an ninh ấp 5": Người dân \(ẩn tên\)/);
    await leader.send('/models');
    await leader.choose(await leader.expect(/Mô hình bạn phụ trách/), /Camera an ninh ấp 5/);
    await leader.choose(await leader.expect(/Thành viên: 0/), /Yêu cầu chờ duyệt \(1\)/);
    await leader.choose(await leader.expect(/đang chờ duyệt/), /Duyệt: Người dân \(ẩn tên\)/);
    await citizen.expect(/Bạn đã được duyệt vào "Camera an ninh ấp 5"/);
    expect(await h.db.membership.count({ where: { modelId: model.id, status: 'active' } })).toBe(1);
  });

  it('a festival: RSVP by the announcement’s button on the OA, and its .ics arrives as an uploaded file', async () => {
    const officer = new TelegramUser(h, 'Lê', 'Văn Văn Hoá');
    await makeStaff(h, officer, hungMy);
    const resident = new OaUser(h);
    await onboardOnOa(resident);

    const title = `Ngày hội Toàn dân bảo vệ an ninh Tổ quốc ${resident.id.slice(-4)}`;
    await officer.send('/festival');
    await officer.pressLabel(await officer.expect(/Ngày hội/), /Tạo Ngày hội/);
    await officer.pressLabel(await officer.expect(/Ngày hội của địa bàn nào\?/), /Xã Hưng Mỹ, Cà Mau/);
    await officer.expect(/Tên Ngày hội/);
    await officer.send(title);
    await officer.expect(/Bắt đầu lúc nào\?/);
    await officer.send(vietnamTime(new Date(Date.now() + 8 * 86_400_000)));
    await officer.expect(/Kết thúc lúc nào\?/);
    await officer.send('23:59');
    await officer.expect(/Địa điểm/);
    await officer.send('Nhà văn hoá xã Hưng Mỹ');
    await officer.expect(/Chương trình/);
    await officer.send('Văn nghệ; trao thưởng');
    await officer.pressLabel(await officer.expect(/Gửi nhắc lịch tới ai\?/), /Người đã đăng ký tham gia/);
    await officer.pressLabel(await officer.expect(/Gửi thông báo này và tạo Ngày hội\?/), /Thông báo Ngày hội/);
    const festivalId = Number(/#(\d+)/.exec((await officer.expect(/Đã tạo Ngày hội #(\d+)/)).text)![1]);

    const announced = await resident.expect(/Trân trọng kính mời bà con tham dự Ngày hội/, 15_000);
    expect(labels(announced)).toEqual(['✅ Tôi sẽ tham gia', '❌ Không tham gia']);
    await resident.choose(announced, /Tôi sẽ tham gia/);
    await resident.expect(/Đã ghi nhận: bạn sẽ tham gia "Ngày hội Toàn dân/);
    expect(await h.db.rsvp.count({ where: { festivalId, going: true } })).toBe(1);

    await resident.send('/festivals');
    await resident.choose(await resident.expect(/Ngày hội sắp diễn ra/), new RegExp(title));
    const page = await resident.expect(/Bạn đã đăng ký tham gia/);
    const before = uploadsTo('file').length;
    await resident.choose(page, /Thêm vào lịch/);
    await resident.expect(/tệp lịch/);
    const file = await resident.expectAttachment('file');
    const upload = uploadsTo('file')[before]!;
    expect(upload.files!.file!.filename).toBe(`ngay-hoi-${festivalId}.ics`);
    expect(upload.files!.file!.content.toString('utf8')).toContain('BEGIN:VCALENDAR');
    expect(file.sent.message.attachment.payload.token).toBe(issued('file')[before]);
  });

  it('a tipster leaving a phone number gets the OA’s contact form and can send the number with it', async () => {
    const { officer, citizen } = await tipStartedOnOa('Văn Trực Ban', /Lừa đảo/);
    await citizen.expect(/Hãy mô tả sự việc/);
    await citizen.send('Có người gọi điện giả danh công an yêu cầu chuyển tiền.');
    await citizen.expect(/Sự việc xảy ra ở đâu\?/);
    await citizen.send('Ấp 3');
    await citizen.choose(await citizen.expect(/Bạn có ảnh về sự việc không\?/), /Bỏ qua|Không có ảnh/);
    await citizen.choose(await citizen.expect(/gửi ẩn danh hay để lại số điện thoại/), /Để lại số điện thoại/);
    await citizen.expect(/Gõ số điện thoại của bạn/);
    const form = await citizen.expectAttachment('request_user_info');
    expect(form.sent.message.attachment.payload.elements).toEqual([
      {
        title: '📞 Để lại số điện thoại',
        subtitle: expect.stringContaining('Chỉ số điện thoại được ghi vào tin báo'),
        image_url: FORM_IMAGE,
      },
    ]);
    // Zalo's form sends name, phone and address; only the number is taken.
    await citizen.submitInfo({ name: 'Nguyễn Văn Báo', phone: '84912345678', address: 'Ấp 3' });
    const summary = await citizen.expect(/Kiểm tra lại tin báo/);
    expect(summary.text).toContain('0912345678');
    expect(summary.text).not.toContain('Nguyễn Văn Báo');
    await citizen.choose(summary, /Gửi tin báo/);
    const code = codeIn(await citizen.expect(/Đã ghi nhận tin báo của bạn\. Mã tin: AN-/));
    const card = await officer.expect(new RegExp(`Tin báo mới ${code}`));
    expect(card.text).toContain('0912345678');
    expect(card.text).not.toContain('Nguyễn Văn Báo');
  });
});
