import { TelegramUser, type BotMessage, type ZaloUser } from './users.ts';

/** A button press on Telegram, a typed choice on Zalo. */
export const pick = (u: TelegramUser | ZaloUser, m: BotMessage, label: RegExp) =>
  u instanceof TelegramUser ? u.pressLabel(m, label) : u.choose(m, label);

/** From /report to the code, with the given description; no place, anonymous, no photos unless given (Telegram's file ids). */
export async function quickTip(
  u: TelegramUser | ZaloUser,
  text: string,
  category = /Người, phương tiện khả nghi/,
  { photos = [] }: { photos?: string[] } = {},
) {
  await u.send('/report');
  await pick(u, await u.expect(/Bạn muốn báo về việc gì\?/), category);
  await u.expect(/Hãy mô tả sự việc/);
  await u.send(text);
  await pick(u, await u.expect(/chọn Bỏ qua/), /Bỏ qua/);
  const asked = await u.expect(/Bạn có ảnh/);
  if (photos.length && u instanceof TelegramUser) {
    let received = asked;
    for (const [i, id] of photos.entries()) {
      await u.sendPhoto(id);
      received = await u.expect(new RegExp(`Đã nhận ${i + 1}/5 ảnh`));
    }
    await pick(u, received, /Xong/);
  } else await pick(u, asked, /Bỏ qua/);
  await pick(u, await u.expect(/gửi ẩn danh hay/), /Gửi ẩn danh/);
  await pick(u, await u.expect(/Kiểm tra lại tin báo/), /Gửi tin báo/);
  return /AN-[2-9A-Z]{6}/.exec((await u.expect(/Mã tin: AN-/)).text)![0];
}

/** The reporter opens the thread of their tip from /status, ready to type a follow-up. */
export async function openThread(u: TelegramUser | ZaloUser, code: string) {
  await u.send(`/status ${code}`);
  await pick(u, await u.expect(new RegExp(`Tin báo ${code}\n`)), /Gửi thêm thông tin/);
  return u.expect(/Gõ nội dung bổ sung hoặc gửi ảnh/);
}
