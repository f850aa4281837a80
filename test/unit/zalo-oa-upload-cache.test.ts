import { describe, expect, it } from 'vitest';
import { UploadCache } from '../../src/platforms/zalo-oa/upload-cache.ts';

describe('the OA upload cache', () => {
  it('gives an upload again for a day, then uploads anew; a failed upload keeps nothing', async () => {
    let now = 0;
    const cache = new UploadCache(86_400_000, 10, () => now);
    let uploads = 0;
    const upload = async () => `id-${++uploads}`;
    expect(await cache.through('photo:a', upload)).toBe('id-1');
    now += 86_399_999;
    expect(await cache.through('photo:a', upload)).toBe('id-1');
    now += 1;
    expect(await cache.through('photo:a', upload)).toBe('id-2');
    await expect(cache.through('photo:b', () => Promise.reject(new Error('-201')))).rejects.toThrow('-201');
    expect(cache.get('photo:b')).toBeUndefined();
  });

  it('keeps at most its bound, dropping the oldest first', () => {
    const cache = new UploadCache(1000, 2, () => 0);
    cache.set('a', '1');
    cache.set('b', '2');
    cache.set('c', '3');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, '2', '3']);
  });
});
