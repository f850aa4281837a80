import { chatKeyOf } from '../../core/keys.ts';
import type { OutMessage } from '../../core/messages.ts';
import type { Tx } from '../../core/tx.ts';
import type { Db } from '../../db/client.ts';
import type { Pii } from '../../security/pii.ts';
import type { FetchedFile } from '../types.ts';

/** Where a committed web chat message is announced (its chat's key), to the page streams of every process. */
export const WEB_CHAT_CHANNEL = 'web_chat';

/**
 * A device's id on the web platform (its chat id and person id): a keyed hash of the token its browser keeps,
 * so the token itself is stored nowhere and cannot be read back from the identity.
 */
export const deviceIdOf = (pii: Pii, token: string): string => pii.hash('web-device', token);

export const webChatKey = (pii: Pii, deviceId: string): string => chatKeyOf(pii, 'web', deviceId);

/** What the person sent, as their own page shows it again. */
export interface SentByPerson {
  text?: string;
  /** A pressed button's label. */
  pressed?: string;
  photo?: string;
}

/** One message of the chat as stored: the bot's (an OutMessage) or the person's. */
export type StoredWebMessage =
  | { id: bigint; fromBot: true; message: OutMessage; at: Date }
  | { id: bigint; fromBot: false; message: SentByPerson; at: Date };

/** A message of the bot, kept for the device and announced once committed. */
export async function storeBotMessage(db: Db, pii: Pii, deviceId: string, message: OutMessage): Promise<void> {
  const chatKey = webChatKey(pii, deviceId);
  await db.$executeRaw`
    WITH m AS (
      INSERT INTO "WebMessage" ("chatKey", "fromBot", "payloadEnc") VALUES (${chatKey}, true, ${pii.encryptJson(message)})
      RETURNING "id")
    SELECT pg_notify(${WEB_CHAT_CHANNEL}, ${chatKey}) FROM m`;
}

/** What the person sent, once per client id (a retried send finds it there). */
export async function storePersonMessage(
  db: Db,
  pii: Pii,
  deviceId: string,
  clientId: string,
  sent: SentByPerson,
): Promise<void> {
  const chatKey = webChatKey(pii, deviceId);
  await db.$executeRaw`
    WITH m AS (
      INSERT INTO "WebMessage" ("chatKey", "fromBot", "clientId", "payloadEnc")
      VALUES (${chatKey}, false, ${clientId}, ${pii.encryptJson(sent)})
      ON CONFLICT ("chatKey", "clientId") DO NOTHING
      RETURNING "id")
    SELECT pg_notify(${WEB_CHAT_CHANNEL}, ${chatKey}) FROM m`;
}

/** The chat's messages after `afterId`, oldest first, at most `limit` (the latest ones when there are more). */
export async function messagesAfter(
  db: Db,
  pii: Pii,
  chatKey: string,
  afterId: bigint,
  limit: number,
): Promise<StoredWebMessage[]> {
  const rows = await db.webMessage.findMany({
    where: { chatKey, id: { gt: afterId } },
    orderBy: { id: 'desc' },
    take: limit,
  });
  return rows
    .reverse()
    .map(
      (r) =>
        ({ id: r.id, fromBot: r.fromBot, message: pii.decryptJson(r.payloadEnc), at: r.createdAt }) as StoredWebMessage,
    );
}

/** A photo's id from the device and the page's id of the upload: a retried upload is stored once. */
export const webPhotoIdOf = (pii: Pii, deviceId: string, clientId: string): string =>
  pii.hash('web-photo', deviceId, clientId);

export async function storeWebPhoto(
  db: Db,
  pii: Pii,
  deviceId: string,
  id: string,
  type: string,
  bytes: Buffer,
): Promise<void> {
  await db.webPhoto.upsert({
    where: { id },
    create: { id, chatKey: webChatKey(pii, deviceId), type, bytesEnc: pii.encrypt(bytes.toString('base64')) },
    update: {},
  });
}

/** A photo uploaded in the web chat, decrypted; `chatKey` given: only if it was that chat's. */
export async function webPhotoFile(db: Db, pii: Pii, id: string, chatKey?: string): Promise<FetchedFile | undefined> {
  const row = await db.webPhoto.findUnique({ where: { id } });
  if (!row || (chatKey !== undefined && row.chatKey !== chatKey)) return undefined;
  const bytes = Buffer.from(pii.decrypt(row.bytesEnc), 'base64');
  return { body: new Blob([bytes]).stream(), type: row.type };
}

/** The web chat history of a person's devices (`/deleteme`): what they and the bot said there is gone. */
export async function eraseWebHistory(tx: Tx, pii: Pii, userId: string): Promise<void> {
  const devices = await tx.identity.findMany({ where: { userId, platform: 'web' }, select: { chatIdEnc: true } });
  const chatKeys = devices.map((d) => webChatKey(pii, pii.decrypt(d.chatIdEnc)));
  if (chatKeys.length) await tx.webMessage.deleteMany({ where: { chatKey: { in: chatKeys } } });
}
