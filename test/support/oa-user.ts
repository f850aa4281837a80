import { expect } from 'vitest';
import type { OaButton, OaSent } from '../fakes/zalo-oa.ts';
import type { Harness } from './harness.ts';
import { until } from './until.ts';

/** One OA message as the person sees it: its text, and its buttons or the entries of a numbered list. */
export interface OaSeen {
  text: string;
  options: Array<{ label: string; button?: OaButton; number?: string }>;
  sent: OaSent;
}

let next = 0;

/** A follower of the OA, in the fake OA: what it sends is posted to the webhook, what the bot sends is read in order. */
export class OaUser {
  /** 25 digits: far past 2^53, so any float on the way would change it. */
  readonly id = `${1_000_000_000_000_000_000_000_000n + BigInt(Date.now()) * 1000n + BigInt(next++)}`;
  #seen = 0;

  constructor(readonly h: Harness) {}

  async post(event: object): Promise<void> {
    expect(await this.h.oa.post(`${this.h.url}/webhooks/zalo-oa`, event)).toBe(200);
  }

  follow() {
    return this.post(this.h.oa.events.follow(this.id));
  }

  send(text: string) {
    return this.post(this.h.oa.events.text(this.id, text));
  }

  sendImage(url: string, caption?: string) {
    return this.post(this.h.oa.events.image(this.id, url, caption));
  }

  /** Fills in and sends the OA's contact form (request_user_info). */
  submitInfo(info: Record<string, unknown>) {
    return this.post(this.h.oa.events.submitInfo(this.id, info));
  }

  /** Taps the button whose title matches, or (a numbered list) types the entry's number. */
  choose(msg: OaSeen, label: RegExp) {
    const option = msg.options.find((o) => label.test(o.label));
    if (!option) throw new Error(`no option ${label} in: ${msg.options.map((o) => o.label).join(' | ')}`);
    return option.button ? this.post(this.h.oa.events.press(this.id, option.button)) : this.send(option.number!);
  }

  /** The next message the bot sent after the ones already read. */
  async next(timeoutMs = 8000): Promise<OaSeen> {
    const sent = await until(async () => this.h.oa.sendsTo(this.id)[this.#seen], timeoutMs);
    this.#seen++;
    const text = String(sent.message.text ?? '');
    const numbered = [...text.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => ({ label: m[2]!, number: m[1]! }));
    const options = sent.buttons.length ? sent.buttons.map((b) => ({ label: b.title, button: b })) : numbered;
    return { text, options, sent };
  }

  /** Reads on until a message's text matches; fails if none does in time. */
  async expect(pattern: RegExp, timeoutMs = 8000): Promise<OaSeen> {
    const seen: string[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const msg = await this.next(Math.max(1, deadline - Date.now())).catch(() => undefined);
      if (!msg) throw new Error(`no OA message matched ${pattern}; got:\n${seen.join('\n---\n') || '(nothing)'}`);
      if (pattern.test(msg.text)) return msg;
      seen.push(msg.text || JSON.stringify(msg.sent.message.attachment));
    }
  }

  /** Reads on until a message carries an attachment of this type (`file`) or template (`media`, ...). */
  async expectAttachment(kind: string, timeoutMs = 8000): Promise<OaSeen> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const msg = await this.next(Math.max(1, deadline - Date.now()));
      const attachment = msg.sent.message.attachment;
      if (attachment?.type === kind || attachment?.payload?.template_type === kind) return msg;
    }
  }
}
