import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import type { Db } from '../../src/db/client.ts';
import type { BotMessage, TelegramUser } from './users.ts';

/** jsqr is CommonJS: its function is both the module and its `default`. */
const jsQR = jsqr.default;

/** The text of a QR code in a PNG. */
export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

export interface CreatedModel {
  id: number;
  code: string;
  leaderInvite: string;
  share: BotMessage;
}

/** An officer creates an approval model in chat, as on the station's phone: every step by button. */
export async function createModelInChat(h: { db: Db }, officer: TelegramUser, name: string): Promise<CreatedModel> {
  await officer.send('/models');
  await officer.pressLabel(await officer.expect(/Tổng kết mô hình|chưa có mô hình/), /Tạo mô hình mới/);
  await officer.pressLabel(await officer.expect(/Mô hình thuộc xã\/phường nào\?/), /Xã Hưng Mỹ, Cà Mau/);
  await officer.expect(/Tên mô hình \(3–100 ký tự\)/);
  await officer.send(name);
  await officer.pressLabel(await officer.expect(/Loại mô hình\?/), /Camera an ninh/);
  await officer.expect(/Mô tả ngắn/);
  await officer.send('Camera giám sát các ngõ ra vào ấp 3, do bà con tự lắp và tự trông coi.');
  await officer.pressLabel(await officer.expect(/Người dân tham gia thế nào\?/), /Cần trưởng mô hình duyệt/);
  const share = await officer.expect(/mã tham gia: MH-/);
  const code = /MH-[A-Z0-9]{6}/.exec(share.text)![0];
  const invite = await officer.expect(/Mã mời trưởng mô hình/);
  const leaderInvite = /\/staff ([A-Z0-9-]{14})/.exec(invite.text)![1]!;
  const model = await h.db.localModel.findUniqueOrThrow({ where: { joinCode: code } });
  return { id: model.id, code, leaderInvite, share };
}
