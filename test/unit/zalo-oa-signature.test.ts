import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyOaSignature } from '../../src/platforms/zalo-oa/signature.ts';

const raw = (name: string) => readFileSync(new URL(`../fixtures/zalo-oa/${name}`, import.meta.url));
const secrets = { appId: '360846524940903967', oaSecretKey: 'oa-secret-key', appSecret: 'app-secret' };
/** What Zalo sends, written out independently of the module: sha256 over the concatenated strings and bytes. */
const mac = (id: string, body: Buffer, timestamp: string, secret: string) =>
  createHash('sha256')
    .update(Buffer.concat([Buffer.from(id), body, Buffer.from(timestamp), Buffer.from(secret)]))
    .digest('hex');

const text = raw('webhook-user_send_text.json');
const signed = `mac=${mac(secrets.appId, text, '154390853474', secrets.oaSecretKey)}`;

describe('Zalo OA webhook signature', () => {
  it('passes a body signed as most sources describe, with or without "mac=", in either case', () => {
    expect(verifyOaSignature(text, signed, secrets)).toBe('app_id+oa_secret_key');
    expect(verifyOaSignature(text, signed.slice('mac='.length), secrets)).toBe('app_id+oa_secret_key');
    expect(verifyOaSignature(text, signed.toUpperCase().replace('MAC=', 'mac='), secrets)).toBe('app_id+oa_secret_key');
  });

  it('fails the same JSON re-serialised: the check is over the bytes received', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(text.toString('utf8'))));
    expect(reserialised.equals(text)).toBe(false);
    expect(verifyOaSignature(reserialised, signed, secrets)).toBe(false);
  });

  it('fails when any one byte is changed', () => {
    for (const at of [0, text.indexOf('message'), text.length - 1]) {
      const changed = Buffer.from(text);
      changed[at] = changed[at]! ^ 1;
      expect(verifyOaSignature(changed, signed, secrets)).toBe(false);
    }
  });

  it('passes each unverified variant and reports which one matched', () => {
    const oaId = '388613280878808645'; // recipient.id of the sample
    const variants = [
      ['app_id+oa_secret_key', secrets.appId, secrets.oaSecretKey],
      ['app_id+app_secret', secrets.appId, secrets.appSecret],
      ['oa_id+oa_secret_key', oaId, secrets.oaSecretKey],
      ['oa_id+app_secret', oaId, secrets.appSecret],
    ] as const;
    for (const [variant, id, secret] of variants) {
      expect(verifyOaSignature(text, `mac=${mac(id, text, '154390853474', secret)}`, secrets)).toBe(variant);
    }
  });

  it("takes a follow event's oa_id field as the OA's id", () => {
    const follow = raw('webhook-follow.json');
    const header = `mac=${mac('388613280879808645', follow, '154397978274', secrets.oaSecretKey)}`;
    expect(verifyOaSignature(follow, header, secrets)).toBe('oa_id+oa_secret_key');
  });

  it('does not accept the app secret when none is configured', () => {
    const header = `mac=${mac(secrets.appId, text, '154390853474', secrets.appSecret)}`;
    expect(verifyOaSignature(text, header, { ...secrets, appSecret: undefined })).toBe(false);
  });

  it('hashes a timestamp sent as a bare number by its digits, even past 2^53', () => {
    const body = Buffer.from('{"event_name":"user_send_text","sender":{"id":"1"},"timestamp":1234567890123456789012}');
    const header = `mac=${mac(secrets.appId, body, '1234567890123456789012', secrets.oaSecretKey)}`;
    expect(verifyOaSignature(body, header, secrets)).toBe('app_id+oa_secret_key');
  });

  it('fails a missing or malformed header, a wrong secret, and a body without a timestamp', () => {
    const hex = signed.slice('mac='.length);
    for (const header of [
      undefined,
      '',
      'mac=',
      `sha256=${hex}`,
      `mac=${hex.slice(1)}`,
      `mac=${hex}0`,
      `mac=${'g'.repeat(64)}`,
    ]) {
      expect(verifyOaSignature(text, header, secrets)).toBe(false);
    }
    expect(verifyOaSignature(text, `mac=${mac(secrets.appId, text, '154390853474', 'guess')}`, secrets)).toBe(false);
    for (const body of [
      Buffer.from('{"event_name":"follow"}'),
      Buffer.from('not json'),
      Buffer.from('"' + 'x'.repeat(9)),
    ]) {
      const header = `mac=${mac(secrets.appId, body, '', secrets.oaSecretKey)}`;
      expect(verifyOaSignature(body, header, secrets)).toBe(false);
    }
  });
});
