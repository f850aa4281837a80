import { timingSafeEqual } from 'node:crypto';
import type { PhotoRef } from '../../core/messages.ts';
import type { Scope } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import type { Pii } from '../../security/pii.ts';

/**
 * Links to photos an officer's messenger cannot show (Telegram file ids on Zalo). The link itself is the
 * capability: it names one photo, expires, and is signed with a key derived from the data key; it is given
 * only to the officers and station chats a tip's photos go to. The photo is streamed through our own
 * server, so the messenger's file URL, which carries the bot's token, never leaves it.
 */
export const PHOTO_LINK_HOURS = 24;

/** Where a photo is kept: the tip itself (`t<id>`) or one message of its thread (`m<id>`), and its place there. */
export interface PhotoPlace {
  source: string;
  index: number;
}

export const tipPhotos = (tipId: string, index: number): PhotoPlace => ({ source: `t${tipId}`, index });
export const threadPhotos = (messageId: bigint, index: number): PhotoPlace => ({ source: `m${messageId}`, index });

/** The path the server answers photo links on; the token follows it. */
export const PHOTO_PATH = '/photos/';

const signature = (pii: Pii, source: string, index: number, expires: number) =>
  pii.hash('photo-link/v1', source, String(index), String(expires));

/** A link to one photo, valid PHOTO_LINK_HOURS from `now`. */
export function photoLink(pii: Pii, publicUrl: string, place: PhotoPlace, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + PHOTO_LINK_HOURS * 3600;
  const token = [place.source, place.index, expires, signature(pii, place.source, place.index, expires)].join('.');
  return `${publicUrl.replace(/\/+$/, '')}${PHOTO_PATH}${token}`;
}

/** The photo a link names, if the link is ours, unchanged and not expired. */
export function readPhotoLink(pii: Pii, token: string, now = Date.now()): PhotoPlace | undefined {
  const match = /^([tm][0-9a-f-]{1,64})\.(\d{1,3})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, source, index, expires, given] = match as unknown as [string, string, string, string, string];
  const expected = Buffer.from(signature(pii, source, Number(index), Number(expires)));
  if (!timingSafeEqual(expected, Buffer.from(given))) return undefined;
  if (Number(expires) * 1000 <= now) return undefined;
  return { source, index: Number(index) };
}

/** The stored photo at a place, or undefined (the tip or message is gone, or holds no such photo). */
export async function photoAt(tx: Tx, pii: Pii, place: PhotoPlace): Promise<PhotoRef | undefined> {
  const id = place.source.slice(1);
  const sealed = place.source.startsWith('t')
    ? (await tx.tip.findUnique({ where: { id }, select: { photosEnc: true } }))?.photosEnc
    : /^\d+$/.test(id)
      ? (await tx.tipMessage.findUnique({ where: { id: BigInt(id) }, select: { photosEnc: true } }))?.photosEnc
      : undefined;
  return sealed ? pii.decryptJson<PhotoRef[]>(sealed)[place.index] : undefined;
}

/** How photos are linked for officers: each photo's place, to link those their messenger cannot show. */
export type PhotoLinker = (place: PhotoPlace) => string;

/** Photo links for this scope's messages, or none where no public address is configured. */
export function photoLinker(scope: Pick<Scope, 'pii' | 'policy'>): PhotoLinker | undefined {
  const publicUrl = scope.policy.PUBLIC_URL;
  if (!publicUrl) return undefined;
  const now = Date.now();
  return (place) => photoLink(scope.pii, publicUrl, place, now);
}
