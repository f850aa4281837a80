import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zaloOaSignature, type OaSent } from '../fakes/zalo-oa.ts';
import { findIdentity, startHarness, type Harness } from '../support/harness.ts';
import { until } from '../support/until.ts';

let h: Harness;
let webhook: string;
beforeAll(async () => {
  h = await startHarness();
  webhook = `${h.url}/webhooks/zalo-oa`;
});
afterAll(() => h?.close());

/** A 25-digit OA user id of its own for each test: far past 2^53, so any float on the way would change it. */
let next = 0;
const oaUserId = () => `${1_000_000_000_000_000_000_000_000n + BigInt(Date.now()) * 100n + BigInt(next++)}`;

/** The first message to this person whose text matches, once it arrives at the fake OA. */
const sent = (userId: string, text: RegExp): Promise<OaSent> =>
  until(async () => h.oa.sendsTo(userId).find((s) => text.test(String(s.message.text ?? ''))));

describe('Zalo OA: a follower onboards through button messages', () => {
  it('welcomes a new follower in Vietnamese with buttons, and a press (its payload sent back) advances onboarding', async () => {
    const userId = oaUserId();
    expect(await h.oa.post(webhook, h.oa.events.follow(userId))).toBe(200);

    await sent(userId, /Xin chào! Đây là trợ lý/);
    const language = await sent(userId, /Chọn ngôn ngữ/);
    // `hide`: the payload is not posted in the chat as the person's own message.
    expect(language.buttons.map((b) => b.type)).toEqual(['oa.query.hide', 'oa.query.hide']);
    expect(language.buttons.map((b) => b.title)).toEqual(['Tiếng Việt', 'English']);

    // Zalo sends a pressed button's payload back as the person's text.
    const vietnamese = language.buttons.find((b) => b.title === 'Tiếng Việt')!;
    expect(await h.oa.post(webhook, h.oa.events.press(userId, vietnamese))).toBe(200);
    const consent = await sent(userId, /Trước khi bắt đầu/);
    expect(consent.buttons.map((b) => b.title)).toContain('✅ Tôi đồng ý');

    const accept = consent.buttons.find((b) => b.title === '✅ Tôi đồng ý')!;
    await h.oa.post(webhook, h.oa.events.press(userId, accept));
    await sent(userId, /Bạn sống ở xã\/phường nào\?/);
    const identity = await findIdentity(h, 'zalo_oa', userId);
    expect(identity?.user.locale).toBe('vi');

    // Unfollowing counts as blocking the bot.
    expect(await h.oa.post(webhook, h.oa.events.unfollow(userId))).toBe(200);
    await until(async () => (await findIdentity(h, 'zalo_oa', userId))?.blockedAt);
  });

  it('keeps a 25-digit user id exact, from the webhook to the reply recipient', async () => {
    const userId = oaUserId();
    expect(userId).toHaveLength(25);
    await h.oa.post(webhook, h.oa.events.follow(userId));
    await sent(userId, /Chọn ngôn ngữ/);
    const replies = h.oa.callsTo('/v3.0/oa/message/cs').filter((c) => c.params.recipient?.user_id === userId);
    expect(replies.length).toBeGreaterThan(0);
  });
});

describe('Zalo OA webhook', () => {
  const stored = (updateKey: string) => h.db.inboundUpdate.count({ where: { platform: 'zalo_oa', updateKey } });

  it('refuses a wrong or missing signature with 401 and stores nothing', async () => {
    const event = h.oa.events.text(oaUserId(), 'xin chào');
    expect(await h.oa.post(webhook, event, { signature: 'wrong' })).toBe(401);
    expect(await h.oa.post(webhook, event, { signature: 'none' })).toBe(401);
    expect(await stored(event.message.msg_id)).toBe(0);
  });

  it('checks the bytes as sent: the same JSON re-serialised under a valid signature is refused', async () => {
    const event = h.oa.events.text(oaUserId(), 'xin chào');
    const signed = JSON.stringify(event);
    const mac = zaloOaSignature(h.oa.appId, signed, event.timestamp, h.oa.oaSecretKey);
    const post = (body: string) =>
      fetch(webhook, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-ZEvent-Signature': `mac=${mac}` },
        body,
      }).then((r) => r.status);
    expect(await post(JSON.stringify(event, null, 2))).toBe(401);
    expect(await stored(event.message.msg_id)).toBe(0);
    expect(await post(signed)).toBe(200);
    expect(await stored(event.message.msg_id)).toBe(1);
  });

  it('handles an event posted three times once', async () => {
    const userId = oaUserId();
    const event = h.oa.events.follow(userId);
    for (let i = 0; i < 3; i++) expect(await h.oa.post(webhook, event)).toBe(200);
    await sent(userId, /Chọn ngôn ngữ/);
    // A follow has no msg_id: its key is the event, the person and the timestamp.
    expect(await stored(`follow:${userId}:${event.timestamp}`)).toBe(1);
    // Give a second handling the time to show, then count the welcomes.
    await new Promise((r) => setTimeout(r, 500));
    expect(h.oa.sendsTo(userId).filter((s) => /Chọn ngôn ngữ/.test(String(s.message.text))).length).toBe(1);
  });
});
