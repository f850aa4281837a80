import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOaEvent } from '../../src/platforms/zalo-oa/parse.ts';

const raw = (name: string) => readFileSync(new URL(`../fixtures/zalo-oa/${name}`, import.meta.url));
const sample = (name: string) => JSON.parse(raw(name).toString('utf8'));
/** A user → OA message event around the given message fields. */
const sent = (event_name: string, message: object) =>
  JSON.stringify({ ...sample('webhook-user_send_text.json'), event_name, message });

describe('Zalo OA events (samples)', () => {
  it('reads a text message, keyed by its msg_id', () => {
    expect(parseOaEvent(raw('webhook-user_send_text.json'))).toEqual({
      kind: 'event',
      key: '96d3cdf3af150460909',
      action: 'message',
      event: 'user_send_text',
      userId: '246845883529197922',
      timestamp: '154390853474',
      date: 154390853474,
      text: 'message',
    });
  });

  it('reads an image by its url', () => {
    expect(parseOaEvent(raw('webhook-user_send_image-illustrative.json'))).toMatchObject({
      kind: 'event',
      key: 'msg_abc123xyz',
      action: 'message',
      userId: 'user_id_123456',
      photos: [{ url: 'https://...' }],
    });
  });

  it('reads the name, phone and address a person submitted, keyed by event, person and time', () => {
    expect(parseOaEvent(raw('webhook-user_submit_info.json'))).toMatchObject({
      kind: 'event',
      key: 'user_submit_info:246845883529697922:1540368141908',
      action: 'message',
      userId: '246845883529697922',
      contact: {
        name: 'Name Example',
        phone: '84912345678',
        address: 'Đường số 13, KCX Tân Thuận Đông, Phường Tân Thuận, Thành phố Hồ Chí Minh',
      },
    });
  });

  it('reads a follow as the start of onboarding and an unfollow as blocked, each keyed by its time', () => {
    const follow = sample('webhook-follow.json');
    expect(parseOaEvent(JSON.stringify(follow))).toMatchObject({
      kind: 'event',
      key: 'follow:24684588352919792:154397978274',
      action: 'start',
      userId: '24684588352919792',
    });
    expect(
      parseOaEvent(JSON.stringify({ ...follow, event_name: 'unfollow', timestamp: '154397999999' })),
    ).toMatchObject({
      kind: 'event',
      key: 'unfollow:24684588352919792:154397999999',
      action: 'blocked',
      userId: '24684588352919792',
    });
  });
});

describe('Zalo OA events (other kinds)', () => {
  it('reads a location, with coordinates given as strings or numbers', () => {
    const location = (coordinates: object) =>
      parseOaEvent(
        sent('user_send_location', { msg_id: 'm1', attachments: [{ type: 'location', payload: { coordinates } }] }),
      );
    expect(location({ latitude: '10.7769', longitude: '106.7009' })).toMatchObject({
      location: { latitude: 10.7769, longitude: 106.7009 },
    });
    expect(location({ latitude: 21.0285, longitude: 105.8542 })).toMatchObject({
      location: { latitude: 21.0285, longitude: 105.8542 },
    });
    for (const coordinates of [
      { latitude: '91', longitude: '0' },
      { latitude: 0, longitude: 'đâu' },
    ]) {
      expect(location(coordinates)).toEqual({ kind: 'ignored', reason: 'malformed' });
    }
  });

  it('reads a sticker, a file and a captioned image', () => {
    expect(
      parseOaEvent(
        sent('user_send_sticker', {
          msg_id: 'm2',
          attachments: [{ type: 'sticker', payload: { url: 'https://s/1' } }],
        }),
      ),
    ).toMatchObject({ key: 'm2', sticker: { url: 'https://s/1' } });
    const file = { type: 'file', payload: { url: 'https://f/1', name: 'đơn.pdf', size: '2048' } };
    expect(parseOaEvent(sent('user_send_file', { msg_id: 'm3', attachments: [file] }))).toMatchObject({
      file: { url: 'https://f/1', name: 'đơn.pdf' },
    });
    const image = { type: 'image', payload: { url: 'https://i/1' } };
    expect(
      parseOaEvent(sent('user_send_image', { msg_id: 'm4', text: 'xe lạ', attachments: [image, image] })),
    ).toMatchObject({ text: 'xe lạ', photos: [{ url: 'https://i/1' }, { url: 'https://i/1' }] });
  });

  it('marks what it cannot read (audio, video, link) as unsupported', () => {
    for (const type of ['audio', 'video', 'link']) {
      const parsed = parseOaEvent(
        sent(`user_send_${type}`, { msg_id: 'm5', attachments: [{ type, payload: { url: 'u' } }] }),
      );
      expect(parsed).toMatchObject({ kind: 'event', action: 'message', unsupported: true });
      expect(parsed).not.toHaveProperty('photos');
    }
  });

  it('reads an anonymous text like any other', () => {
    expect(parseOaEvent(sent('anonymous_send_text', { msg_id: 'm6', text: 'tin báo' }))).toMatchObject({
      kind: 'event',
      action: 'message',
      text: 'tin báo',
    });
  });

  it("ignores the OA's own echoes and receipts, events it does not act on, and bodies it cannot read", () => {
    for (const event_name of ['oa_send_text', 'oa_send_image', 'user_received_message', 'user_seen_message']) {
      expect(parseOaEvent(sent(event_name, { msg_id: 'm7', text: 'x' }))).toEqual({
        kind: 'ignored',
        reason: 'own event',
      });
    }
    // Whatever their shape: only the name is read.
    expect(parseOaEvent('{"event_name":"oa_send_list","recipient":{}}')).toEqual({
      kind: 'ignored',
      reason: 'own event',
    });
    expect(parseOaEvent(sent('add_user_to_tag', {}))).toEqual({ kind: 'ignored', reason: 'not handled' });
    expect(parseOaEvent('{"event_name":"user_join_group"}')).toEqual({ kind: 'ignored', reason: 'not handled' });
    for (const body of [
      'not json',
      '{"event_name":"user_send_text"}',
      '{"event_name":"follow","timestamp":"1"}',
      '{"event_name":"follow","follower":{"id":"1"},"timestamp":"hôm qua"}',
    ]) {
      expect(parseOaEvent(body)).toEqual({ kind: 'ignored', reason: 'malformed' });
    }
  });
});

describe('Zalo OA ids', () => {
  const id25 = '1234567890123456789012345';

  it('keeps a 25-digit id exact, sent as a string or as a bare number', () => {
    const quoted = `{"event_name":"user_send_text","sender":{"id":"${id25}"},"message":{"msg_id":"${id25}7","text":"a"},"timestamp":"1700000000000"}`;
    const bare = quoted.replaceAll(`"${id25}"`, id25).replace(`"${id25}7"`, `${id25}7`);
    expect(bare).not.toContain(`"${id25}`);
    for (const body of [quoted, Buffer.from(bare)]) {
      expect(parseOaEvent(body)).toMatchObject({ userId: id25, key: `${id25}7` });
    }
  });

  it('writes small bare-number ids and timestamps as their digits', () => {
    const body = '{"event_name":"follow","follower":{"id":42},"timestamp":1700000000000}';
    expect(parseOaEvent(body)).toMatchObject({
      key: 'follow:42:1700000000000',
      userId: '42',
      timestamp: '1700000000000',
    });
  });

  it('leaves digits inside text alone', () => {
    const text = `số ${id25} và \\"id\\": ${id25}`;
    const body = `{"event_name":"user_send_text","sender":{"id":"1"},"message":{"msg_id":"m","text":"${text}"},"timestamp":"1"}`;
    expect(parseOaEvent(body)).toMatchObject({ text: JSON.parse(`"${text}"`) });
  });

  it('keys a retried follow alike and a later follow apart (events without msg_id)', () => {
    const follow = sample('webhook-follow.json');
    const key = (body: object) => (parseOaEvent(JSON.stringify(body)) as { key: string }).key;
    expect(key(follow)).toBe(key({ ...follow, source: 'retry' }));
    expect(key(follow)).not.toBe(key({ ...follow, timestamp: '154397978275' }));
  });
});
