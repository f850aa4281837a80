import { z } from 'zod';
import type { Pii } from '../security/pii.ts';
import type { ChatContext } from './context.ts';
import { anyone, type Access } from './guards.ts';

/** What a step's input handler may do next; bound to the update being handled. */
export interface FlowControl<D, S extends string> {
  /** Saves the draft at `step` and asks that step's question. */
  go(step: S, draft: D, problem?: string): Promise<void>;
  /** Asks the current step again, with what was wrong with the answer. */
  again(draft: D, problem?: string): Promise<void>;
  /** Leaves the dialogue (the draft is forgotten). */
  end(): void;
}

export interface Step<C extends ChatContext, D, S extends string> {
  /** Asks the step's question; `problem`, when given, says what was wrong with the last answer. */
  ask(ctx: C, draft: D, problem?: string): Promise<void> | void;
  /** Free input (text, photo, location) at this step; a step without it takes only its choices. */
  input?(ctx: C, draft: D, flow: FlowControl<D, S>): Promise<void> | void;
  /** Draft fields the step cannot ask without: a draft that lost one starts again at the first step. */
  needs?: ReadonlyArray<keyof D>;
}

export interface FlowDefinition<C extends ChatContext, D, S extends string> {
  /** The dialogue's name as stored in the conversation. */
  name: string;
  /** Who may be in it; anyone else is refused and the dialogue ends. Default: anyone. */
  access?: Access<C>;
  /** The draft as stored; every read is checked against it. Fields fill in as the steps go. */
  draft: z.ZodType<D, any>;
  /** Bumped when the draft's shape changes incompatibly: an older stored draft is then recovered, not trusted. */
  version?: number;
  /** Personal content (a tip's text, a phone number): the draft is encrypted in the dialogue state. */
  sealed?: boolean;
  /** The steps in order; the first is where a dialogue starts and a lost draft restarts. */
  steps: Record<S, Step<C, D, S>>;
  /** The message id of what free input at a step without `input` is told. Default: "please use the options". */
  useOptions?: string;
}

type Read<D, S extends string> =
  | { status: 'inactive' }
  | { status: 'ok'; step: S; draft: D }
  | { status: 'corrupt'; step: S | undefined; salvage: unknown };

const storedSchema = z.object({ v: z.number(), draft: z.unknown() });

/**
 * One dialogue as a definition: its steps (each asks, takes input, offers
 * choices) and its draft. It runs inside the update's transaction: every
 * answer reads the stored draft, checks it, and writes the next state; nothing
 * is replayed (unlike grammY's conversations plugin), so one update is one commit.
 */
export class Flow<C extends ChatContext, D, S extends string> {
  readonly name: string;
  readonly first: S;
  readonly #access: Access<C>;
  readonly #version: number;

  constructor(readonly def: FlowDefinition<C, D, S>) {
    this.name = def.name;
    this.first = Object.keys(def.steps)[0] as S;
    this.#access = def.access ?? (anyone as Access<C>);
    this.#version = def.version ?? 1;
  }

  isStep(step: unknown): step is S {
    return typeof step === 'string' && Object.hasOwn(this.def.steps, step);
  }

  /** Whether the chat is in this dialogue (at one of `steps`, when given). */
  active(ctx: ChatContext, steps?: readonly S[]): boolean {
    return ctx.state.flow === this.name && (!steps || steps.includes(ctx.state.step as S));
  }

  /** Starts the dialogue (at its first step unless told otherwise) with a fresh draft. */
  async start(ctx: C, draft: Partial<D> = {}, step: S = this.first): Promise<void> {
    await this.go(ctx, step, this.def.draft.parse(draft));
  }

  async go(ctx: C, step: S, draft: D, problem?: string): Promise<void> {
    this.#write(ctx, step, draft);
    await this.def.steps[step].ask(ctx, draft, problem);
  }

  end(ctx: ChatContext): void {
    if (this.active(ctx)) ctx.endFlow();
  }

  /** The stored draft, checked; `corrupt` when it no longer fits the schema (an old version, a damaged row). */
  read(ctx: ChatContext): Read<D, S> {
    if (ctx.state.flow !== this.name) return { status: 'inactive' };
    const step = this.isStep(ctx.state.step) ? ctx.state.step : undefined;
    const stored = storedSchema.safeParse(ctx.state.data);
    if (!stored.success || stored.data.v !== this.#version) return { status: 'corrupt', step, salvage: undefined };
    let value: unknown;
    try {
      value = this.def.sealed
        ? ctx.pii.decryptJson(Buffer.from(String(stored.data.draft), 'base64'))
        : stored.data.draft;
    } catch {
      return { status: 'corrupt', step, salvage: undefined };
    }
    const draft = this.def.draft.safeParse(value);
    if (!draft.success || !step) return { status: 'corrupt', step, salvage: value };
    return { status: 'ok', step, draft: draft.data };
  }

  controls(ctx: C): FlowControl<D, S> {
    return {
      go: (step, draft, problem) => this.go(ctx, step, draft, problem),
      again: (draft, problem) => this.go(ctx, (ctx.state.step as S) ?? this.first, draft, problem),
      end: () => this.end(ctx),
    };
  }

  /** Free input while the dialogue is open: what the current step takes, or its question again. */
  async input(ctx: ChatContext): Promise<void> {
    const current = await this.#open(ctx);
    if (!current) return;
    const { ctx: c, step, draft } = current;
    const take = this.def.steps[step].input;
    if (!take) return this.go(c, step, draft, c.t(this.def.useOptions ?? 'flow-use-options'));
    await take(c, draft, this.controls(c));
  }

  /** Asks the current step again (a dialogue restored after an interruption), with its draft as stored. */
  async resume(ctx: ChatContext): Promise<void> {
    const current = await this.#open(ctx);
    if (current) await this.go(current.ctx, current.step, current.draft);
  }

  /**
   * A choice that counts only at the given steps of this dialogue; elsewhere
   * the current step is asked again (or, outside the dialogue, it has expired).
   */
  at<A>(steps: S | readonly S[], run: (ctx: C, draft: D, value: A, flow: FlowControl<D, S>) => Promise<void> | void) {
    const allowed = typeof steps === 'string' ? [steps] : steps;
    return async (ctx: ChatContext, value: A): Promise<void> => {
      if (!this.active(ctx)) return ctx.showMainMenu(ctx.t('choice-expired'));
      const current = await this.#open(ctx);
      if (!current) return;
      const { ctx: c, step, draft } = current;
      if (!allowed.includes(step)) return this.go(c, step, draft, c.t('choice-expired'));
      await run(c, draft, value, this.controls(c));
    };
  }

  /** The checked state, or undefined once a refusal or a recovery has been answered. */
  async #open(ctx: ChatContext): Promise<{ ctx: C; step: S; draft: D } | undefined> {
    if (!this.#access.allows(ctx)) {
      ctx.endFlow();
      this.#access.refuse(ctx);
      return undefined;
    }
    const read = this.read(ctx);
    if (read.status === 'inactive') {
      ctx.showMainMenu(ctx.t('choice-expired'));
      return undefined;
    }
    if (read.status === 'corrupt') {
      await this.#recover(ctx, read.step, read.salvage);
      return undefined;
    }
    return { ctx, step: read.step, draft: read.draft };
  }

  /**
   * A draft that does not fit: keep the fields that still do, say so, and ask
   * the same step again (or the first one, if the step needs what was lost).
   * A dialogue whose draft cannot even start empty (it is opened with what it
   * works on, e.g. a festival id) ends at the main menu instead.
   */
  async #recover(ctx: C, step: S | undefined, salvage: unknown): Promise<void> {
    const draft = this.#salvage(salvage);
    if (draft === undefined) {
      ctx.endFlow();
      return ctx.showMainMenu(ctx.t('flow-draft-lost'));
    }
    const needs = step ? (this.def.steps[step].needs ?? []) : [];
    const keep = step && needs.every((k) => (draft as Record<PropertyKey, unknown>)[k as PropertyKey] !== undefined);
    await this.go(ctx, keep ? step : this.first, draft, ctx.t('flow-draft-reset'));
  }

  #salvage(value: unknown): D | undefined {
    const schema = this.def.draft;
    const fresh = schema.safeParse({}).data as D | undefined;
    if (!(schema instanceof z.ZodObject) || typeof value !== 'object' || value === null) return fresh;
    const kept: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const one = field.safeParse((value as Record<string, unknown>)[key]);
      if (one.success && one.data !== undefined) kept[key] = one.data;
    }
    const parsed = schema.safeParse(kept);
    return parsed.success ? (parsed.data as D) : fresh;
  }

  /** The stored state that puts a chat at `step` with `draft`: how a use case opens another person's dialogue. */
  stateAt(pii: Pii, step: S, draft: D): { flow: string; step: S; data: Record<string, unknown> } {
    const stored = this.def.sealed ? Buffer.from(pii.encryptJson(draft)).toString('base64') : draft;
    return { flow: this.name, step, data: { v: this.#version, draft: stored } };
  }

  #write(ctx: ChatContext, step: S, draft: D): void {
    ctx.setFlow(this.name, step, this.stateAt(ctx.pii, step, draft).data);
  }
}

export const defineFlow = <C extends ChatContext, D, const S extends string>(def: FlowDefinition<C, D, S>) =>
  new Flow<C, D, S>(def);

/** A flow of any draft, as the router holds them. */
export type AnyFlow = Pick<Flow<ChatContext, unknown, string>, 'name' | 'input' | 'resume'>;
