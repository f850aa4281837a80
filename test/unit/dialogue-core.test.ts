import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineChoices, field } from '../../src/core/choice.ts';
import { ChatContext } from '../../src/core/context.ts';
import type { ConversationState } from '../../src/core/conversation-store.ts';
import { defineFlow } from '../../src/core/flow.ts';
import type { Incoming } from '../../src/core/messages.ts';
import type { Tx } from '../../src/core/tx.ts';
import { I18n } from '../../src/i18n/index.ts';
import { capabilitiesOf } from '../../src/platforms/capabilities.ts';
import { Pii } from '../../src/security/pii.ts';
import { TEST_POLICY } from '../support/use-cases.ts';

const i18n = new I18n('vi');
const pii = new Pii(randomBytes(32).toString('hex'));

/** A context for one typed message, as the pipeline builds it (no database is touched by the flow engine). */
function contextFor(text: string | undefined, state: ConversationState, choice?: string): ChatContext {
  const msg: Incoming = {
    platform: 'zalo',
    updateKey: 'u1',
    seq: 1,
    kind: choice ? 'choice' : 'message',
    chatId: 'c1',
    chatType: 'private',
    userId: 'p1',
    text,
    choice,
    date: Date.now(),
  };
  const nav = { mainMenu: () => [], startPayload: async () => undefined };
  return new ChatContext(
    msg,
    {} as Tx,
    pii,
    i18n,
    null,
    state,
    'vi',
    nav,
    TEST_POLICY,
    { id: 1n, chatKey: 'k', at: new Date() },
    capabilitiesOf('zalo'),
  );
}

describe('typed choice ids', () => {
  const choices = defineChoices('demo', {
    open: { id: field.id },
    note: { text: field.text, urgent: field.flag },
    home: {},
  });

  it('packs and unpacks every verb, values holding ":" and "%" included', () => {
    const id = choices.pack('note', { text: 'ấp 3: cổng 50%:%3A', urgent: true });
    expect(id.startsWith('demo:note:')).toBe(true);
    expect(choices.unpack(id.slice('demo:'.length))).toEqual({
      verb: 'note',
      value: { text: 'ấp 3: cổng 50%:%3A', urgent: true },
    });
    expect(choices.unpack(choices.pack('open', { id: 42 }).slice(5))).toEqual({ verb: 'open', value: { id: 42 } });
    expect(choices.pack('home')).toBe('demo:home');
    expect(choices.unpack('home')).toEqual({ verb: 'home', value: {} });
  });

  it('fails at pack time when the id would exceed Telegram’s 64 bytes', () => {
    expect(() => choices.pack('note', { text: 'đ'.repeat(30), urgent: false })).toThrow(/64 bytes/);
  });

  it('fails at pack time for a value its schema refuses', () => {
    expect(() => choices.pack('open', { id: -1 })).toThrow();
    expect(() => choices.pack('open', { id: '1:2' })).toThrow();
  });

  it('refuses unknown verbs, missing or extra fields, and ids out of range', () => {
    for (const arg of ['nope', 'open', 'open:1:2', 'open:0', 'open:2147483648', 'open:abc', 'note:x:2', 'home:x'])
      expect(choices.unpack(arg)).toBeUndefined();
  });
});

describe('flows as definitions', () => {
  const demoFlow = defineFlow({
    name: 'demo',
    draft: z.object({ name: z.string().optional(), age: z.number().int().optional() }),
    steps: {
      name: {
        ask: (ctx, _d, problem) => ctx.reply(problem ?? 'Tên?'),
        input: (ctx, draft, flow) =>
          ctx.msg.text && ctx.msg.text.length >= 2
            ? flow.go('age', { ...draft, name: ctx.msg.text })
            : flow.again(draft, 'Tên quá ngắn.'),
      },
      age: {
        needs: ['name'],
        ask: (ctx, d, problem) => ctx.reply(problem ?? `Tuổi của ${d.name}?`),
        input: (ctx, draft, flow) => {
          const age = Number(ctx.msg.text);
          if (!Number.isInteger(age)) return flow.again(draft, 'Tuổi là một số.');
          flow.end();
          ctx.reply(`Xong: ${draft.name}, ${age}`);
        },
      },
    },
  });
  const texts = (ctx: ChatContext) => ctx.outgoing.map((e) => e.message.text);
  const at = (step: string, draft: unknown): ConversationState => ({ flow: 'demo', step, data: { v: 1, draft } });

  it('walks its steps, storing a checked draft', async () => {
    const ctx = contextFor('Hoa', at('name', {}));
    await demoFlow.input(ctx);
    expect(texts(ctx)).toEqual(['Tuổi của Hoa?']);
    expect(ctx.state).toMatchObject({ flow: 'demo', step: 'age', data: { v: 1, draft: { name: 'Hoa' } } });
    const next = contextFor('30', ctx.state);
    await demoFlow.input(next);
    expect(texts(next)).toEqual(['Xong: Hoa, 30']);
    expect(next.state.flow).toBeUndefined();
  });

  it('re-asks the same step after bad input, keeping the draft', async () => {
    const ctx = contextFor('ba mươi', at('age', { name: 'Hoa' }));
    await demoFlow.input(ctx);
    expect(texts(ctx)).toEqual(['Tuổi là một số.']);
    expect(ctx.state).toMatchObject({ step: 'age', data: { draft: { name: 'Hoa' } } });
  });

  it('a draft that does not match its schema re-asks its step with a message, keeping what still fits', async () => {
    const ctx = contextFor('30', at('age', { name: 'Hoa', age: 'not a number' }));
    await expect(demoFlow.input(ctx)).resolves.toBeUndefined();
    expect(texts(ctx)).toEqual([i18n.t('vi', 'flow-draft-reset')]);
    expect(ctx.state).toMatchObject({ flow: 'demo', step: 'age', data: { v: 1, draft: { name: 'Hoa' } } });
  });

  it('a draft of an older version, or one that lost what its step needs, starts again at the first step', async () => {
    for (const state of [
      { flow: 'demo', step: 'age', data: { v: 0, draft: { name: 7 } } },
      { flow: 'demo', step: 'age', data: { draft: 'garbage' } },
      { flow: 'demo', step: 'nowhere', data: { v: 1, draft: {} } },
    ]) {
      const ctx = contextFor('30', state);
      await demoFlow.input(ctx);
      expect(texts(ctx)).toEqual([i18n.t('vi', 'flow-draft-reset')]);
      expect(ctx.state).toMatchObject({ flow: 'demo', step: 'name' });
    }
  });

  it('a choice counts only at its steps; elsewhere the current step is asked again', async () => {
    const skip = demoFlow.at('age', (ctx) => ctx.reply('skipped'));
    const ctx = contextFor(undefined, at('name', {}), 'demo:skip');
    await skip(ctx, undefined);
    expect(texts(ctx)).toEqual([i18n.t('vi', 'choice-expired')]);
    const ok = contextFor(undefined, at('age', { name: 'Hoa' }), 'demo:skip');
    await skip(ok, undefined);
    expect(texts(ok)).toEqual(['skipped']);
  });

  it('a sealed draft is stored encrypted and read back', async () => {
    const sealed = defineFlow({
      name: 'secret',
      sealed: true,
      draft: z.object({ phone: z.string().optional() }),
      steps: { phone: { ask: (ctx, d) => ctx.reply(`phone ${d.phone ?? '-'}`) } },
    });
    const ctx = contextFor(undefined, { data: {} });
    await sealed.go(ctx, 'phone', { phone: '0912345678' });
    expect(JSON.stringify(ctx.state.data)).not.toContain('0912345678');
    expect(sealed.read(contextFor(undefined, ctx.state))).toEqual({
      status: 'ok',
      step: 'phone',
      draft: { phone: '0912345678' },
    });
  });
});

describe('a dialogue opened on something (a required draft field)', () => {
  const onFestival = defineFlow({
    name: 'on-festival',
    draft: z.object({ festivalId: z.number().int(), names: z.array(z.string()).optional() }),
    steps: { names: { ask: (ctx) => ctx.reply('Tên?'), input: (ctx) => ctx.reply('ok') } },
  });

  it('whose draft lost that field ends at the main menu with an apology, without throwing', async () => {
    const ctx = contextFor('Nguyễn Văn A', { flow: 'on-festival', step: 'names', data: { v: 1, draft: { names: 3 } } });
    await expect(onFestival.input(ctx)).resolves.toBeUndefined();
    expect(ctx.outgoing.map((e) => e.message.text)).toEqual([i18n.t('vi', 'flow-draft-lost')]);
    expect(ctx.state.flow).toBeUndefined();
  });
});
