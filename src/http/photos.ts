import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { PhotoRef } from '../core/messages.ts';
import type { Db } from '../db/client.ts';
import { PHOTO_PATH, photoAt, readPhotoLink } from '../features/tips/photo-links.ts';
import type { FetchedFile } from '../platforms/types.ts';
import type { Pii } from '../security/pii.ts';
import { webPhotoFile } from '../platforms/web/store.ts';

/** Fetches a photo kept by the messenger it was sent to (Telegram), by its file id. */
export type FetchFile = (fileId: string) => Promise<FetchedFile | undefined>;

/**
 * A photo's bytes as the messenger keeps them: by file id (Telegram, through its bot), by the address Zalo gave, or
 * in this service's database (a web chat upload).
 */
export async function photoFile(
  photo: PhotoRef,
  fetchFile: FetchFile | undefined,
  kept: { db: Db; pii: Pii },
): Promise<FetchedFile | undefined> {
  if ('fileId' in photo) return fetchFile?.(photo.fileId);
  if ('webPhoto' in photo) return webPhotoFile(kept.db, kept.pii, photo.webPhoto);
  if (!/^https?:\/\//.test(photo.url)) return undefined;
  const res = await fetch(photo.url, { signal: AbortSignal.timeout(15_000) }).catch(() => undefined);
  if (!res?.ok || !res.body) return undefined;
  return { body: res.body, type: res.headers.get('content-type') ?? undefined };
}

/**
 * Streams a photo through this server: the messenger's own file address (Telegram's carries the bot's token) never
 * reaches the reader. Nobody keeps, indexes or passes on what it shows.
 */
export function sendPhotoFile(reply: FastifyReply, file: FetchedFile | undefined) {
  reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
  reply.header('x-robots-tag', 'noindex');
  if (!file) return reply.code(404).send({ error: 'not found' });
  // Telegram keeps photos as JPEG and may call them application/octet-stream; anything else is not shown as a page.
  const type = file.type?.startsWith('image/') ? file.type : 'image/jpeg';
  return reply
    .header('content-type', type)
    .header('x-content-type-options', 'nosniff')
    .send(Readable.fromWeb(file.body as NodeReadableStream));
}

/**
 * `GET /photos/<token>`: one photo of a tip, for the officer a signed link was given to (see photo-links.ts).
 * A link that is not ours, was changed or has expired is refused.
 */
export function registerPhotoLinks(app: FastifyInstance, db: Db, pii: Pii, fetchFile: FetchFile | undefined): void {
  app.get<{ Params: { token: string } }>(`${PHOTO_PATH}:token`, async (req, reply) => {
    const place = readPhotoLink(pii, req.params.token);
    if (!place) {
      reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
      return reply.code(403).send({ error: 'this link is not valid or has expired' });
    }
    const photo = await photoAt(db, pii, place);
    // Links are given for the photos an officer's messenger cannot show: those kept by file id or by this service.
    const linked = photo && !('url' in photo);
    return sendPhotoFile(reply, linked ? await photoFile(photo, fetchFile, { db, pii }) : undefined);
  });
}
