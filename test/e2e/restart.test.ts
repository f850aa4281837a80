import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startProcessHarness, type ProcessHarness } from '../support/process-harness.ts';
import { spawnService } from '../support/process.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

let h: ProcessHarness;

beforeAll(async () => {
  h = await startProcessHarness();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail' && h.proc) console.log(h.proc.output().slice(-5000));
});

afterAll(() => h?.close());

describe('a restart in the middle of onboarding', () => {
  it('continues each dialogue where it was, after kill -9', async () => {
    await h.start();
    const t = new TelegramUser(h);
    const z = new ZaloUser(h);
    await t.send('/start');
    await z.send('Xin chào');
    await t.pressLabel(await t.expect(/Chọn ngôn ngữ/), /Tiếng Việt/);
    await z.choose(await z.expect(/Chọn ngôn ngữ/), /Tiếng Việt/);
    const tConsent = await t.expect(/Trước khi bắt đầu/);
    await z.expect(/Trước khi bắt đầu/);

    await h.kill();
    await h.start();

    // The consent question is still the one being answered, on both messengers. A chat whose
    // drainer was killed mid-work waits for its lease (10 s) before the new process takes it.
    await t.pressLabel(tConsent, /Tôi đồng ý/);
    await z.send('1');
    await t.expect(/Bạn sống ở xã\/phường nào\?/, 20_000);
    await z.expect(/Bạn sống ở xã\/phường nào\?/, 20_000);
    await z.send('hung my');
    await z.choose(await z.expect(/kết quả/), /Cà Mau/);
    await z.expect(/Hoàn tất! Khu vực của bạn: Xã Hưng Mỹ, Cà Mau\./);
    // Two process starts and the 10 s lease: about 20 s on an idle machine, more on a busy one.
  }, 60_000);

  it('shuts down gracefully on SIGTERM', async () => {
    if (!h.proc || h.proc.child.exitCode !== null) await h.start();
    const proc = h.proc!;
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toContain('shutting down');
  });
});

describe('configuration errors stop the start', () => {
  it('names the offending variables without echoing secrets', async () => {
    const bad = spawnService({
      ...h.env,
      DATABASE_URL: 'mysql://x',
      DATA_ENCRYPTION_KEY: 'not-a-key-secret-value',
      PORT: 'eighty',
    });
    expect(await bad.exited).toBe(1);
    const out = bad.output();
    expect(out).toContain('DATABASE_URL: must be a postgresql:// URL');
    expect(out).toContain('DATA_ENCRYPTION_KEY: must be 32 bytes');
    expect(out).toContain('PORT:');
    expect(out).not.toContain('not-a-key-secret-value');
  });
});
