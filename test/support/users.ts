import { randomBytes, randomInt } from 'node:crypto';
import { expect } from 'vitest';
import type { RecordedCall } from '../fakes/telegram.ts';
import type { Harness } from './harness.ts';

/** What a simulated person needs: the fake messengers and a way to post webhooks. */
export type Chat = Pick<Harness, 'tg' | 'zalo' | 'post'>;

export interface BotMessage {
  text: string;
  /** Buttons (Telegram) or numbered list entries (Zalo), in order. */
  options: Array<{ label: string; data?: string }>;
  raw: RecordedCall;
}

let nextUpdateId = randomInt(1, 1_000_000_000);

/** The platform's id of a message the bot sent (or edited), as its answer gave it. */
/** The message's id: as sent, or (an edit) the message it changed. */
const messageIdOf = (msg: BotMessage) =>
  (msg.raw.result as { message_id?: number } | undefined)?.message_id ??
  (msg.raw.params.message_id === undefined ? undefined : Number(msg.raw.params.message_id));

/** Reads what the bot sent one chat, message by message, as the person would. */
abstract class SimulatedUser {
  #seen = 0;
  constructor(readonly h: Chat) {}

  abstract get chatId(): string;
  protected abstract calls(): RecordedCall[];
  protected abstract toMessage(call: RecordedCall): BotMessage;

  all(): BotMessage[] {
    return this.calls().map((c) => this.toMessage(c));
  }

  /** The next message the bot sent after the ones already read. */
  async next(timeoutMs = 8000): Promise<BotMessage> {
    const call = await this.fake().waitFor(() => this.calls()[this.#seen], timeoutMs);
    this.#seen++;
    return this.toMessage(call);
  }

  /** Reads on until a message matches; fails if none does in time. */
  async expect(pattern: RegExp, timeoutMs = 8000): Promise<BotMessage> {
    const seen: string[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const msg = await this.next(Math.max(1, deadline - Date.now())).catch(() => undefined);
      if (!msg) throw new Error(`no bot message matched ${pattern}; got:\n${seen.join('\n---\n') || '(nothing)'}`);
      if (pattern.test(msg.text)) return msg;
      seen.push(msg.text);
    }
  }

  /** Nothing more arrives within `ms`. */
  async expectSilence(ms = 600): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
    expect(
      this.calls()
        .slice(this.#seen)
        .map((c) => this.toMessage(c).text),
    ).toEqual([]);
  }

  protected abstract fake(): Harness['tg'] | Harness['zalo'];
}

export class TelegramUser extends SimulatedUser {
  readonly id = randomInt(1_000_000_000, 2_000_000_000);
  lastUpdateId = 0;
  /** Edits made before this person's last press: `expectEdit` looks at what came after it. */
  #editsBefore = 0;

  constructor(
    h: Chat,
    readonly firstName = 'Nguyễn',
    readonly lastName = `Văn ${randomBytes(3).toString('hex')}`,
    readonly username = `user_${randomBytes(4).toString('hex')}`,
  ) {
    super(h);
  }

  get chatId() {
    return String(this.id);
  }

  protected fake() {
    return this.h.tg;
  }

  protected calls() {
    return this.h.tg.messagesTo(this.id);
  }

  protected toMessage(call: RecordedCall): BotMessage {
    const markup =
      typeof call.params.reply_markup === 'string' ? JSON.parse(call.params.reply_markup) : call.params.reply_markup;
    const rows: Array<Array<{ text: string; callback_data?: string }>> =
      markup?.inline_keyboard ?? markup?.keyboard ?? [];
    return {
      text: String(call.params.text ?? call.params.caption ?? ''),
      options: rows.flat().map((b) => ({ label: b.text, data: b.callback_data })),
      raw: call,
    };
  }

  get from() {
    return {
      id: this.id,
      is_bot: false,
      first_name: this.firstName,
      last_name: this.lastName,
      username: this.username,
      language_code: 'vi',
    };
  }

  messageUpdate(fields: Record<string, unknown>) {
    this.lastUpdateId = nextUpdateId++;
    return {
      update_id: this.lastUpdateId,
      message: {
        message_id: randomInt(1, 1_000_000),
        from: this.from,
        chat: { id: this.id, type: 'private', first_name: this.firstName, username: this.username },
        date: Math.floor(Date.now() / 1000),
        ...fields,
      },
    };
  }

  async post(update: unknown): Promise<void> {
    const res = await this.h.post('telegram', update);
    expect(res.status).toBe(200);
  }

  send(text: string) {
    return this.post(this.messageUpdate({ text }));
  }

  /** A photo as Telegram sends it: sizes ascending, the last the original. */
  sendPhoto(fileId: string, opts: { caption?: string; size?: number } = {}) {
    const photo = [
      { file_id: `${fileId}-thumb`, file_unique_id: `${fileId}-t`, file_size: 1200, width: 90, height: 90 },
      { file_id: fileId, file_unique_id: `${fileId}-u`, file_size: opts.size ?? 240_000, width: 1280, height: 960 },
    ];
    return this.post(this.messageUpdate({ photo, ...(opts.caption && { caption: opts.caption }) }));
  }

  sendLocation(latitude: number, longitude: number) {
    return this.post(this.messageUpdate({ location: { latitude, longitude } }));
  }

  /** A message in a group chat the person is a member of (e.g. a station's group). */
  sendInGroup(groupId: number, text: string) {
    const update = this.messageUpdate({ text });
    update.message.chat = { id: groupId, type: 'supergroup', title: 'Công an xã' } as never;
    return this.post(update);
  }

  /** Presses a button of a message the bot posted in a group; returns the press's id (its answer names it). */
  async pressInGroup(groupId: number, msg: BotMessage, label: RegExp): Promise<string> {
    const option = msg.options.find((o) => label.test(o.label));
    if (!option?.data) throw new Error(`no button ${label} in: ${msg.options.map((o) => o.label).join(' | ')}`);
    this.#editsBefore = this.h.tg.callsTo('editMessageText').length;
    this.lastUpdateId = nextUpdateId++;
    const id = randomBytes(8).toString('hex');
    await this.post({
      update_id: this.lastUpdateId,
      callback_query: {
        id,
        from: this.from,
        chat_instance: '2',
        data: option.data,
        message: { message_id: messageIdOf(msg) ?? 1, date: 1, chat: { id: groupId, type: 'supergroup' } },
      },
    });
    return id;
  }

  /**
   * The bot's message `msg` (here or in a group) as it shows once the bot changed it in place to match
   * `pattern`: its text and buttons after that edit.
   */
  async expectEdit(msg: BotMessage, pattern: RegExp, timeoutMs = 8000): Promise<BotMessage> {
    const chatId = String(msg.raw.params.chat_id);
    const messageId = messageIdOf(msg);
    const edit = await this.h.tg.waitFor(
      () =>
        this.h.tg
          .callsTo('editMessageText')
          .slice(this.#editsBefore)
          .find(
            (c) =>
              !c.error &&
              String(c.params.chat_id) === chatId &&
              Number(c.params.message_id) === messageId &&
              pattern.test(String(c.params.text)),
          ),
      timeoutMs,
    );
    return this.toMessage(edit);
  }

  /** The update of pressing an inline button, not yet posted. */
  pressUpdate(data: string, messageId = 1) {
    this.lastUpdateId = nextUpdateId++;
    return {
      update_id: this.lastUpdateId,
      callback_query: {
        id: randomBytes(8).toString('hex'),
        from: this.from,
        chat_instance: '1',
        data,
        message: { message_id: messageId, date: 1, chat: { id: this.id, type: 'private' } },
      },
    };
  }

  /** Presses an inline button by its callback data; returns the press's id (its answer names it). */
  async press(data: string, messageId = 1): Promise<string> {
    const update = this.pressUpdate(data, messageId);
    this.#editsBefore = this.h.tg.callsTo('editMessageText').length;
    await this.post(update);
    return update.callback_query.id;
  }

  /** What the person was shown on their press alone (Telegram's answer to it): its text, and whether an alert. */
  async pressAnswer(pressId: string, timeoutMs = 8000): Promise<{ text?: string; alert: boolean }> {
    const call = await this.h.tg.waitFor(
      () => this.h.tg.callsTo('answerCallbackQuery').find((c) => c.params.callback_query_id === pressId),
      timeoutMs,
    );
    const alert = call.params.show_alert;
    return { text: call.params.text, alert: alert === true || alert === 'true' };
  }

  /** Presses the button of `msg` whose label matches. */
  pressLabel(msg: BotMessage, label: RegExp) {
    const option = msg.options.find((o) => label.test(o.label));
    if (!option?.data) throw new Error(`no button ${label} in: ${msg.options.map((o) => o.label).join(' | ')}`);
    return this.press(option.data, messageIdOf(msg));
  }
}

export class ZaloUser extends SimulatedUser {
  readonly id = randomBytes(10).toString('hex');
  #clock = Date.now();

  constructor(
    h: Chat,
    readonly displayName = `Trần Thị ${randomBytes(3).toString('hex')}`,
  ) {
    super(h);
  }

  get chatId() {
    return this.id;
  }

  protected fake() {
    return this.h.zalo;
  }

  protected calls() {
    return this.h.zalo.messagesTo(this.id);
  }

  protected toMessage(call: RecordedCall): BotMessage {
    const text = String(call.params.text ?? call.params.caption ?? '');
    const options = [...text.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => ({ label: m[2]!, data: m[1] }));
    return { text, options, raw: call };
  }

  /** The flat body Zalo sends in practice; `wrapped` gives the documented {ok, result} form. */
  event(eventName: string, fields: Record<string, unknown>, wrapped = false) {
    this.#clock = Math.max(this.#clock + 1, Date.now());
    const event = {
      event_name: eventName,
      message: {
        from: { id: this.id, display_name: this.displayName, is_bot: false },
        chat: { id: this.id, chat_type: 'PRIVATE' },
        message_id: randomBytes(10).toString('hex'),
        date: this.#clock,
        ...fields,
      },
    };
    return wrapped ? { ok: true, result: event } : event;
  }

  async post(body: unknown): Promise<void> {
    const res = await this.h.post('zalo', body);
    expect(res.status).toBe(200);
  }

  send(text: string, opts: { wrapped?: boolean } = {}) {
    return this.post(this.event('message.text.received', { text }, opts.wrapped));
  }

  sendImage(url: string, caption?: string) {
    return this.post(this.event('message.image.received', { photo_url: url, caption }));
  }

  /** Answers a numbered menu by the number of the entry whose label matches. */
  choose(msg: BotMessage, label: RegExp) {
    const option = msg.options.find((o) => label.test(o.label));
    if (!option) throw new Error(`no entry ${label} in: ${msg.options.map((o) => o.label).join(' | ')}`);
    return this.send(option.data!);
  }
}
