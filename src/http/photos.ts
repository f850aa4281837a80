import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import { PHOTO_PATH, photoAt, readPhotoLink } from '../features/tips/photo-links.ts';
import type { FetchedFile } from '../platforms/types.ts';
import type { Pii } from '../security/pii.ts';

/** Fetches a photo kept by the messenger it was sent to (Telegram), by its file id. */
export type FetchFile = (fileId: string) => Promise<FetchedFile | undefined>;

/**
 * `GET /photos/<token>`: one photo of a tip, for the officer a signed link was given to (see photo-links.ts).
 * A link that is not ours, was changed or has expired is refused; the bytes come through here, never the
 * messenger's own file address.
 */
export function registerPhotoLinks(app: FastifyInstance, db: Db, pii: Pii, fetchFile: FetchFile | undefined): void {
  app.get<{ Params: { token: string } }>(`${PHOTO_PATH}:token`, async (req, reply) => {
    // Nobody keeps, indexes or passes on what these links show.
    reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
    reply.header('x-robots-tag', 'noindex');
    const place = readPhotoLink(pii, req.params.token);
    if (!place) return reply.code(403).send({ error: 'this link is not valid or has expired' });
    const photo = await photoAt(db, pii, place);
    const file = photo && 'fileId' in photo && fetchFile ? await fetchFile(photo.fileId) : undefined;
    if (!file) return reply.code(404).send({ error: 'not found' });
    // Telegram keeps photos as JPEG and may call them application/octet-stream.
    const type = file.type?.startsWith('image/') ? file.type : 'image/jpeg';
    return reply
      .header('content-type', type)
      .header('x-content-type-options', 'nosniff')
      .send(Readable.fromWeb(file.body as NodeReadableStream));
  });
}
