import { describe, expect, it } from 'vitest';
import { photoMessages } from '../../src/features/tips/cards.ts';
import { photoLink, photoLinker, readPhotoLink, threadPhotos, tipPhotos } from '../../src/features/tips/photo-links.ts';
import { I18n } from '../../src/i18n/index.ts';
import { Pii } from '../../src/security/pii.ts';

const pii = new Pii('11'.repeat(32));
const t = new I18n('vi').translator('vi');
const TIP = '7f0c2a9e-5b1d-4c3e-9a8f-0123456789ab';
const photos = [{ fileId: 'tg-1' }, { url: 'https://photo.zalo.example/a.jpg' }, { fileId: 'tg-2' }];

describe('photo links', () => {
  it('a link names one photo until it expires, and reads back only unchanged and with the same key', () => {
    const now = Date.UTC(2026, 11, 1, 8);
    const link = photoLink(pii, 'https://antq.example.vn/', tipPhotos(TIP, 2), now);
    expect(link).toMatch(/^https:\/\/antq\.example\.vn\/photos\/t[0-9a-f-]+\.2\.\d+\.[\w-]{43}$/);
    const token = link.split('/photos/')[1]!;
    expect(readPhotoLink(pii, token, now)).toEqual(tipPhotos(TIP, 2));
    expect(readPhotoLink(pii, token, now + 24 * 3600_000 - 1000)).toEqual(tipPhotos(TIP, 2));
    expect(readPhotoLink(pii, token, now + 24 * 3600_000)).toBeUndefined();
    expect(readPhotoLink(new Pii('22'.repeat(32)), token, now)).toBeUndefined();
    expect(readPhotoLink(pii, token.replace('.2.', '.1.'), now)).toBeUndefined();
    const message = photoLink(pii, 'https://x.vn', threadPhotos(42n, 0), now).split('/photos/')[1]!;
    expect(readPhotoLink(pii, message, now)).toEqual(threadPhotos(42n, 0));
  });

  it('Zalo gets links to the Telegram photos where there is a public address, else an honest note', () => {
    const link = photoLinker({ pii, policy: { PUBLIC_URL: 'https://antq.example.vn' } as never })!;
    const withLinks = photoMessages(t, 'zalo', 'AN-7K3Q9P', photos, (i) => link(tipPhotos(TIP, i)));
    expect(withLinks.map((m) => m.photo)).toEqual([{ url: 'https://photo.zalo.example/a.jpg' }, undefined]);
    const note = withLinks[1]!.text;
    expect(note).toMatch(/^Tin AN-7K3Q9P có 2 ảnh gửi từ Telegram\. Mở ảnh bằng liên kết dưới đây/);
    // Each link names the photo's own place among the tip's photos (0 and 2, not 0 and 1).
    const places = [...note.matchAll(/\/photos\/(\S+)/g)].map((m) => readPhotoLink(pii, m[1]!));
    expect(places).toEqual([tipPhotos(TIP, 0), tipPhotos(TIP, 2)]);
    expect(note).toMatch(/^Ảnh 1: https:/m);

    expect(photoLinker({ pii, policy: {} as never })).toBeUndefined();
    const honest = photoMessages(t, 'zalo', 'AN-7K3Q9P', photos);
    expect(honest.at(-1)!.text).toBe('Tin AN-7K3Q9P có 2 ảnh chỉ xem được trên Telegram.');
    // Telegram shows them all itself.
    expect(photoMessages(t, 'telegram', 'AN-7K3Q9P', photos, () => 'x').map((m) => m.photo)).toEqual(photos);
  });
});
