import type { FluentVariable } from '@fluent/bundle';
import type { Policy } from '../config.ts';
import type { StaffRole } from '../generated/prisma/enums.ts';
import type { Locale, I18n } from '../i18n/index.ts';
import type { Pii } from '../security/pii.ts';
import type { ConversationState } from './conversation-store.ts';
import { keepMenu, type KeptOption } from './menu.ts';
import type { Capabilities, Destination, Incoming, MenuOption, OutMessage, PressAnswer } from './messages.ts';
import type { Person } from './people.ts';
import type { Scope, Wake } from './scope.ts';
import type { Tx } from './tx.ts';

export type { Wake } from './scope.ts';

export interface Envelope {
  to: Destination;
  message: OutMessage;
}

/** What a handler may ask the platform about a chat (the messenger, where it can tell). */
export interface ChatDirectory {
  memberCount?(chatId: string): Promise<number>;
}

/** What a handler may ask of the router without knowing it. */
export interface Navigation {
  mainMenu(ctx: ChatContext): MenuOption[];
  startPayload(ctx: ChatContext, payload: string): Promise<void>;
}

export interface ReplyOptions {
  menu?: MenuOption[];
  requestLocation?: boolean;
  /** Also send the form that gives the person's phone number, where chats have one (the text says how to type it). */
  requestContact?: boolean;
  /** From this reply on, the chat's command menu is that of these staff roles (where chats have their own menu). */
  commandsFor?: readonly StaffRole[];
  /** A message of the bot in this chat to change in place (see `editable`), instead of sending a new one. */
  replaces?: number;
}

/** Everything a feature handler needs for one update; writes go through `tx`. */
export class ChatContext implements Scope {
  readonly outgoing: Envelope[] = [];
  readonly wakes = new Set<Wake>();
  #menuShown: KeptOption[] | undefined;
  #replied = false;
  #press: PressAnswer | undefined;

  constructor(
    readonly msg: Incoming,
    readonly tx: Tx,
    readonly pii: Pii,
    readonly i18n: I18n,
    public person: Person | null,
    public state: ConversationState,
    public locale: Locale,
    readonly nav: Navigation,
    readonly policy: Policy,
    /** The inbox row being handled: its id, its chat's key and when it arrived. */
    readonly received: { id: bigint; chatKey: string; at: Date },
    /** What this chat can show and take (buttons, uploads, location requests...). */
    readonly can: Capabilities,
    readonly directory: ChatDirectory = {},
  ) {}

  /** How many members this chat has; undefined where the platform cannot tell (or did not answer). */
  async memberCount(): Promise<number | undefined> {
    return this.directory.memberCount?.(this.msg.chatId).catch(() => undefined);
  }

  /** This chat, for messages that go here outside the reply order (e.g. a file after a text). */
  get here(): Destination {
    return { platform: this.msg.platform, chatId: this.msg.chatId };
  }

  t(id: string, args?: Record<string, FluentVariable>): string {
    return this.i18n.t(this.locale, id, args);
  }

  /** The message whose button brought this update, where the platform can change it in place. */
  get editable(): number | undefined {
    return this.can.edit ? this.msg.callbackMessageId : undefined;
  }

  /** How the button press that brought this update is to be answered, once handled (none: a plain answer). */
  get pressAnswer(): PressAnswer | undefined {
    return this.#press;
  }

  /**
   * Answers the button press to the presser alone, leaving the pressed message as it is. Returns false where
   * that is not possible (no press, or a platform without presses): the caller then replies in the chat.
   */
  answerPress(answer: { text: string; alert?: boolean }): boolean {
    if (!this.can.pressAnswers || !this.msg.callbackId) return false;
    this.#press = { ...this.#press, ...answer, keepButtons: true };
    return true;
  }

  /** The pressed message keeps its buttons: they act on something lasting (a tip card), not a one-time menu. */
  keepPressedButtons(): void {
    this.#press = { ...this.#press, keepButtons: true };
  }

  /** Replies in this chat. A menu becomes the one typed answers are read against. */
  reply(text: string, options: ReplyOptions = {}): void {
    this.#replied = true;
    if (options.menu) this.#menuShown = keepMenu(this.pii, options.menu);
    const replaces = this.can.edit ? options.replaces : undefined;
    // The pressed message gets its new buttons from the edit; retired first, an edit that changes nothing
    // ("message is not modified") would leave it with none.
    if (replaces !== undefined && replaces === this.msg.callbackMessageId) this.keepPressedButtons();
    this.outgoing.push({
      to: this.here,
      message: {
        text,
        // Accepted words stay here: they are how answers are read, not what is shown.
        ...(options.menu && {
          menu: options.menu.map(({ id, label, n }) => ({ id, label, ...(n !== undefined && { n }) })),
          menuHint: this.t('menu-hint'),
        }),
        ...(options.requestLocation &&
          this.can.shareLocation && { requestLocation: { label: this.t('area-share-location') } }),
        ...(options.requestContact &&
          this.can.contactForm && {
            requestContact: { title: this.t('contact-form-title'), subtitle: this.t('contact-form-subtitle') },
          }),
        ...(options.commandsFor &&
          this.can.commandMenu && { commandMenu: { roles: [...options.commandsFor], locale: this.locale } }),
        ...(replaces !== undefined && { replaces }),
      },
    });
  }

  /** A message to another chat (an officer, a station group, a reporter), written with this update's changes. */
  send(to: Destination, message: OutMessage): void {
    this.outgoing.push({ to, message });
  }

  /** Shows the main menu, under `text` (default: the menu's own title). */
  showMainMenu(text = this.t('main-menu'), options: Omit<ReplyOptions, 'menu'> = {}): void {
    this.reply(text, { ...options, menu: this.nav.mainMenu(this) });
  }

  /** Asks for background work once this update's changes are committed (e.g. a broadcast just started). */
  wake(what: Wake): void {
    this.wakes.add(what);
  }

  setFlow(flow: string, step: string, data: Record<string, unknown> = this.state.data): void {
    this.state = { ...this.state, flow, step, data };
  }

  /** Leaves the open dialogue; one paused earlier stays aside (it is offered back, or replaced by a new dialogue). */
  endFlow(): void {
    this.state = { data: {}, menu: this.state.menu, locale: this.state.locale, paused: this.state.paused };
  }

  /** The state to persist: a reply without a menu retires the previous one. */
  finalState(): ConversationState {
    return this.#replied ? { ...this.state, menu: this.#menuShown } : this.state;
  }
}
