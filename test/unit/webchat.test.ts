import { describe, expect, it } from 'vitest';
import { FloodLimit } from '../../src/http/webchat/flood.ts';
import { photoTypeOf } from '../../src/http/webchat/photo-type.ts';

describe('web chat flood limit', () => {
  it('lets a key make its requests of the minute, refuses the next, and counts anew a minute later', () => {
    const limit = new FloodLimit(3);
    expect([1, 2, 3, 4].map(() => limit.take('ip', 1000))).toEqual([true, true, true, false]);
    expect(limit.take('other', 1000)).toBe(true);
    expect(limit.take('ip', 61_000)).toBe(true);
  });
});

describe('web chat photo type', () => {
  it('is judged by the bytes, not by what the request called them', () => {
    expect(photoTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(photoTypeOf(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('image/png');
    expect(photoTypeOf(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(photoTypeOf(Buffer.from('<svg onload=alert(1)>'))).toBeUndefined();
    expect(photoTypeOf(Buffer.alloc(0))).toBeUndefined();
  });
});
