import type { StaffRole } from '../generated/prisma/enums.ts';
import { defineChoices } from './choice.ts';
import type { ChatContext, Navigation } from './context.ts';
import type { Feature, Handler, Route } from './feature.ts';
import type { AnyFlow } from './flow.ts';
import { parseChoice, resolveMenuAnswer } from './menu.ts';
import type { MenuOption } from './messages.ts';
import { setBlocked } from './people.ts';

export interface ParsedCommand {
  name: string;
  args: string;
}

/** "/Start@antq_bot  m_AB12" -> { name: "start", args: "m_AB12" } */
export function parseCommand(text: string | undefined): ParsedCommand | undefined {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text?.trim() ?? '');
  return match ? { name: match[1]!.toLowerCase(), args: (match[2] ?? '').trim() } : undefined;
}

/** The offer to go back to a dialogue a command interrupted. */
export const resumeChoice = defineChoices('resume', { continue: {}, drop: {} });

/** A command with its arguments as a start payload (`staff_ABCD-EFGH-JKMN`): features may take it after onboarding. */
export const commandPayload = (command: ParsedCommand): string =>
  command.args ? `${command.name}_${command.args}`.slice(0, 64) : '';

export interface RouterHooks {
  /** Starts onboarding for someone not yet registered. */
  onboard: Handler;
}

/** Dispatches a normalized update to the feature that owns it, the same way on every messenger. */
export class Router implements Navigation {
  readonly #commands = new Map<string, Route>();
  readonly #actions = new Map<string, Route>();
  readonly #flows = new Map<string, AnyFlow>();

  constructor(
    readonly features: Feature[],
    readonly hooks: RouterHooks,
  ) {
    for (const f of features) {
      for (const [name, route] of Object.entries(f.commands ?? {})) this.#register(this.#commands, name, route, f);
      for (const [name, route] of Object.entries(f.actions ?? {})) this.#register(this.#actions, name, route, f);
      for (const flow of f.flows ?? []) this.#register(this.#flows, flow.name, flow, f);
    }
  }

  #register<T>(map: Map<string, T>, name: string, value: T, f: Feature) {
    if (map.has(name)) throw new Error(`feature ${f.name}: "${name}" is registered twice`);
    map.set(name, value);
  }

  /** The commands a person holding these staff roles finds in the command menu (none: a citizen's). */
  commandMenu(roles: readonly StaffRole[]): string[] {
    return [...this.#commands]
      .filter(([, route]) => !route.menuFor || route.menuFor.some((r) => roles.includes(r)))
      .map(([name]) => name);
  }

  mainMenu(ctx: ChatContext): MenuOption[] {
    return this.features.flatMap((f) => f.mainMenu?.(ctx) ?? []);
  }

  async startPayload(ctx: ChatContext, payload: string): Promise<void> {
    for (const f of this.features) if (await f.startPayload?.(ctx, payload)) return;
  }

  async handle(ctx: ChatContext): Promise<void> {
    const m = ctx.msg;
    if (m.kind === 'blocked' || m.kind === 'unblocked') {
      await setBlocked(ctx.tx, ctx.pii, m.platform, m.userId, m.kind === 'blocked');
      return;
    }
    for (const f of this.features) if (f.guard && !(await f.guard(ctx))) return;
    const command = parseCommand(m.text);
    if (m.chatType === 'group') return this.#handleGroup(ctx, command);
    if (command) {
      const route = this.#commands.get(command.name);
      if (!route) return this.#fallback(ctx, 'unknown-command');
      // A command someone's very first message: onboarding carries it through and runs it at the end (`/staff CODE`).
      if (!route.guest && !ctx.person) return this.hooks.onboard(ctx, commandPayload(command));
      this.#pause(ctx, route);
      await this.#run(ctx, route, command.args);
      return this.#afterInterruption(ctx, 'command');
    }
    const choice = m.choice ?? (m.text !== undefined ? resolveMenuAnswer(m.text, ctx.state.menu, ctx.pii) : undefined);
    if (choice !== undefined) {
      const { action, arg } = parseChoice(choice);
      if (action === resumeChoice.action) return this.#resume(ctx, arg);
      const route = this.#actions.get(action);
      if (!route) return this.#fallback(ctx, 'choice-expired');
      await this.#run(ctx, route, arg);
      return this.#afterInterruption(ctx, 'choice');
    }
    const flow = ctx.state.flow ? this.#flows.get(ctx.state.flow) : undefined;
    if (flow) return this.#run(ctx, { run: (c) => flow.input(c), guest: true }, '');
    if (!ctx.person) return this.hooks.onboard(ctx, '');
    if (m.text) for (const f of this.features) if (await f.freeText?.(ctx, m.text)) return;
    return this.#fallback(ctx, m.unsupported ? 'unsupported-message' : 'not-understood');
  }

  /** Groups get only group routes, and only from registered people; personal dialogues belong in a private chat. */
  async #handleGroup(ctx: ChatContext, command: ParsedCommand | undefined) {
    const m = ctx.msg;
    if (command) {
      const route = this.#commands.get(command.name);
      if (route?.group && ctx.person) return route.run(ctx, command.args);
      ctx.reply(ctx.t('group-private-only'));
      return;
    }
    if (m.choice !== undefined) {
      const { action, arg } = parseChoice(m.choice);
      const route = this.#actions.get(action);
      if (route?.group && (ctx.person || route.guest)) return route.run(ctx, arg);
      // Group buttons are for the area's staff: anyone else is told privately, and the buttons stay for them.
      if (route?.group) ctx.answerPress({ text: ctx.t('staff-only'), alert: true });
      return;
    }
    // A flow in a group was started by a group route (e.g. an officer typing a reply).
    const flow = ctx.state.flow && ctx.person ? this.#flows.get(ctx.state.flow) : undefined;
    if (flow) await flow.input(ctx);
  }

  /**
   * A command leaves the open dialogue, but a registered person's draft is kept
   * aside (an onboarding guest just starts again) to be offered back.
   */
  #pause(ctx: ChatContext, route: Route) {
    const { flow, step, data } = ctx.state;
    const paused = ctx.person && flow && step ? { flow, step, data } : ctx.state.paused;
    ctx.endFlow();
    if (paused)
      ctx.state = {
        ...ctx.state,
        paused: { flow: paused.flow, step: paused.step, data: paused.data, waiting: !!route.asks },
      };
  }

  /**
   * After a command, or after the answer to a command that asked a question
   * (`asks`): a new dialogue replaces the paused one, else it is offered back, once.
   */
  #afterInterruption(ctx: ChatContext, by: 'command' | 'choice') {
    const paused = ctx.state.paused;
    if (!paused) return;
    if (ctx.state.flow || !ctx.person) {
      ctx.state = { ...ctx.state, paused: undefined };
      return;
    }
    const due = by === 'command' ? paused.waiting === false : paused.waiting === true;
    if (!due) return;
    ctx.state = { ...ctx.state, paused: { ...paused, waiting: undefined } };
    ctx.reply(ctx.t('resume-offer'), {
      menu: [
        { id: resumeChoice.pack('continue'), label: ctx.t('resume-continue') },
        { id: resumeChoice.pack('drop'), label: ctx.t('resume-drop') },
      ],
    });
  }

  async #resume(ctx: ChatContext, arg: string) {
    const paused = ctx.state.paused;
    const verb = resumeChoice.unpack(arg)?.verb;
    const flow = paused && this.#flows.get(paused.flow);
    if (!verb || !paused || !flow) return this.#fallback(ctx, 'choice-expired');
    ctx.state = { ...ctx.state, paused: undefined };
    if (verb === 'drop') return ctx.showMainMenu(ctx.t('resume-dropped'));
    ctx.setFlow(paused.flow, paused.step, paused.data);
    await flow.resume(ctx);
  }

  async #run(ctx: ChatContext, route: Route, arg: string) {
    if (!route.guest && !ctx.person) return this.hooks.onboard(ctx, '');
    await route.run(ctx, arg);
  }

  #fallback(ctx: ChatContext, messageId: string) {
    if (!ctx.person) return this.hooks.onboard(ctx, '');
    ctx.showMainMenu(ctx.t(messageId));
  }
}
