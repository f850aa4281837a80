import { TelegramUser, ZaloUser } from './users.ts';

/** /start → Tiếng Việt → consent, up to the area question. */
export async function reachAreaStep(u: TelegramUser | ZaloUser): Promise<void> {
  await u.send('/start');
  const language = await u.expect(/Chọn ngôn ngữ/);
  await choose(u, language, /Tiếng Việt/);
  const consent = await u.expect(/Trước khi bắt đầu/);
  await choose(u, consent, /Tôi đồng ý/);
  await u.expect(/Bạn sống ở xã\/phường nào\?/);
}

/** A registered resident of Xã Hưng Mỹ, Cà Mau, at the main menu. */
export async function onboard(u: TelegramUser | ZaloUser): Promise<void> {
  await reachAreaStep(u);
  await u.send('hung my ca mau');
  await choose(u, await u.expect(/kết quả/), /Xã Hưng Mỹ, Cà Mau/);
  await u.expect(/Hoàn tất!/);
}

/** A button on Telegram, the entry's number on Zalo. */
function choose(u: TelegramUser | ZaloUser, msg: Awaited<ReturnType<TelegramUser['next']>>, label: RegExp) {
  return u instanceof TelegramUser ? u.pressLabel(msg, label) : u.choose(msg, label);
}
