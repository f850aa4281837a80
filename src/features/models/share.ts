import QRCode from 'qrcode';
import type { OutMessage } from '../../core/messages.ts';
import type { LocalModel } from '../../generated/prisma/client.ts';
import type { Translate } from '../../i18n/index.ts';

/** The Telegram deep link that opens the bot on a model's join page. */
export const joinLink = (botUsername: string, joinCode: string) => `https://t.me/${botUsername}?start=m_${joinCode}`;

/** A QR code of `text` as a PNG, large enough to print on a festival poster. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 600 });
}

/**
 * How to invite residents to a model: the code (typed on Zalo), the Telegram
 * link and, where the bot's username is known and the chat takes uploads
 * (`Capabilities.files`), its QR code as an image.
 */
export async function shareMessage(
  t: Translate,
  model: LocalModel,
  botUsername: string | undefined,
  canUpload: boolean,
): Promise<OutMessage> {
  const link = botUsername ? joinLink(botUsername, model.joinCode) : undefined;
  const text = [
    t('mdl-share', { name: model.name, code: model.joinCode }),
    link ? t('mdl-share-link', { link }) : t('mdl-share-no-link'),
  ].join('\n');
  if (!link || !canUpload) return { text };
  const png = await qrPng(link);
  return { text, file: { kind: 'photo', filename: `${model.joinCode}.png`, base64: png.toString('base64') } };
}
