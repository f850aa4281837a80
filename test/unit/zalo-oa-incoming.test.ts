import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oaIncoming } from '../../src/platforms/zalo-oa/messenger.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/zalo-oa/${name}`, import.meta.url));
const incoming = (raw: Buffer | string) => {
  const parsed = oaIncoming(Buffer.from(raw));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.incoming;
};

describe('Zalo OA events as the one incoming shape', () => {
  it('a text is a private message from the sender, keyed by msg_id', () => {
    expect(incoming(fixture('webhook-user_send_text.json'))).toMatchObject({
      platform: 'zalo_oa',
      kind: 'message',
      updateKey: '96d3cdf3af150460909',
      chatType: 'private',
      chatId: '246845883529197922',
      userId: '246845883529197922',
      text: 'message',
      seq: 154390853474,
    });
  });

  it('a follow reads as /start, keyed by event, person and time; an unfollow as blocked', () => {
    const follow = incoming(fixture('webhook-follow.json'));
    expect(follow).toMatchObject({ kind: 'message', text: '/start', chatId: '24684588352919792' });
    expect(follow?.updateKey).toBe('follow:24684588352919792:154397978274');
    const unfollow = fixture('webhook-follow.json').toString().replace('"follow"', '"unfollow"');
    expect(incoming(unfollow)).toMatchObject({ kind: 'blocked', userId: '24684588352919792' });
  });

  it('an id past 2^53 sent as a bare number keeps its digits', () => {
    const raw = fixture('webhook-user_send_text.json')
      .toString()
      .replace('"246845883529197922"', '7391847562938475629384756');
    expect(incoming(raw)).toMatchObject({ userId: '7391847562938475629384756', chatId: '7391847562938475629384756' });
  });

  it('photos by url; a sticker alone is unsupported; echoes of the OA’s own sends are ignored', () => {
    expect(incoming(fixture('webhook-user_send_image-illustrative.json'))?.photos).toEqual([{ url: 'https://...' }]);
    const sticker = JSON.stringify({
      event_name: 'user_send_sticker',
      sender: { id: '1' },
      recipient: { id: '2' },
      message: { msg_id: 'm1', attachments: [{ type: 'sticker', payload: { url: 'https://s' } }] },
      timestamp: '1',
    });
    expect(incoming(sticker)).toMatchObject({ kind: 'message', unsupported: true });
    const echo = fixture('webhook-user_send_text.json').toString().replace('user_send_text', 'oa_send_text');
    expect(incoming(echo)).toBeNull();
  });

  it('a marked payload (a pressed button) is a press of that option, as Telegram presses arrive; typed text is not', () => {
    const text = (t: string) =>
      fixture('webhook-user_send_text.json')
        .toString()
        .replace('"text": "message"', `"text": ${JSON.stringify(t)}`);
    expect(incoming(text('#chon:fest:rsvp:12'))).toMatchObject({ kind: 'choice', choice: 'fest:rsvp:12' });
    expect(incoming(text('#chon:fest:rsvp:12'))).not.toHaveProperty('text');
    expect(incoming(text('fest:rsvp:12'))).toMatchObject({ kind: 'message', text: 'fest:rsvp:12' });
    expect(incoming(text('#chon:'))).toMatchObject({ kind: 'message', text: '#chon:' });
  });

  it('a submitted contact form gives its phone number; one without a phone is unsupported', () => {
    const submitted = incoming(fixture('webhook-user_submit_info.json'));
    expect(submitted).toMatchObject({ kind: 'message', contact: { phone: '84912345678' } });
    expect(submitted).not.toHaveProperty('unsupported');
    const noPhone = fixture('webhook-user_submit_info.json').toString().replace('"phone": "84912345678",', '');
    expect(incoming(noPhone)).toMatchObject({ kind: 'message', unsupported: true });
    expect(incoming(noPhone)).not.toHaveProperty('contact');
  });
});
