import { z } from 'zod';
import type { ChatContext } from './context.ts';

/** Telegram's limit for a button's `callback_data`. */
export const CHOICE_MAX_BYTES = 64;

/** A field value as it rides in a choice id. */
type Raw = string | number | boolean;
type Fields = Record<string, z.ZodType>;
type Shape<V extends Fields> = { [K in keyof V]: z.output<V[K]> };
type Input<V extends Fields> = { [K in keyof V]: Raw };

// ':' separates fields, so it (and the escape character itself) is escaped inside values.
const escapeField = (s: string) => s.replace(/%/g, '%25').replace(/:/g, '%3A');
const unescapeField = (s: string) => s.replace(/%3A/gi, ':').replace(/%25/g, '%');
const raw = (v: Raw) => (typeof v === 'boolean' ? (v ? '1' : '0') : String(v));

/** Field schemas for values read back from a choice id (always text there). */
export const field = {
  /** A PostgreSQL integer row id (positive, at most 2^31 − 1). */
  id: z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .pipe(z.number().int().positive().max(2_147_483_647)),
  /** A yes/no packed as 1/0. */
  flag: z.enum(['1', '0']).transform((v) => v === '1'),
  text: z.string().min(1),
};

export class ChoiceError extends Error {}

export type Choice<V extends Record<string, Fields>> = {
  [K in keyof V]: { verb: K; value: Shape<V[K]> };
}[keyof V];

export type ChoiceHandlers<V extends Record<string, Fields>, C extends ChatContext> = {
  [K in keyof V]: (ctx: C, value: Shape<V[K]>) => Promise<void> | void;
};

/**
 * The button and menu ids of one action: `<action>:<verb>[:<field>...]`, each
 * verb with its fields checked by zod on the way in and on the way out.
 * Packing fails loudly when an id would not fit Telegram's 64 bytes.
 */
export class Choices<V extends Record<string, Fields>> {
  readonly #schemas: { [K in keyof V]: z.ZodObject<V[K]> };

  constructor(
    readonly action: string,
    readonly verbs: V,
  ) {
    this.#schemas = Object.fromEntries(Object.entries(verbs).map(([k, v]) => [k, z.object(v)])) as never;
  }

  pack<K extends keyof V & string>(verb: K, ...value: keyof V[K] extends never ? [] : [Input<V[K]>]): string {
    const fields = Object.keys(this.verbs[verb] as Fields);
    const given = (value[0] ?? {}) as Record<string, Raw>;
    const parts = fields.map((f) => raw(given[f] ?? ''));
    const parsed = this.#schemas[verb].safeParse(Object.fromEntries(fields.map((f, i) => [f, parts[i]])));
    if (!parsed.success) throw new ChoiceError(`choice ${this.action}:${verb}: ${parsed.error.issues[0]?.message}`);
    const id = [this.action, verb, ...parts.map(escapeField)].join(':');
    if (Buffer.byteLength(id) > CHOICE_MAX_BYTES)
      throw new ChoiceError(`choice id over ${CHOICE_MAX_BYTES} bytes: ${this.action}:${verb}`);
    return id;
  }

  /** Reads what follows `<action>:`; undefined for an unknown verb or fields that do not fit. */
  unpack(arg: string): Choice<V> | undefined {
    const [verb = '', ...parts] = arg.split(':');
    if (!Object.hasOwn(this.verbs, verb)) return undefined;
    const fields = Object.keys(this.verbs[verb]!);
    if (parts.length !== fields.length) return undefined;
    const parsed = this.#schemas[verb]!.safeParse(
      Object.fromEntries(fields.map((f, i) => [f, unescapeField(parts[i]!)])),
    );
    return parsed.success ? ({ verb, value: parsed.data } as Choice<V>) : undefined;
  }

  /** One route for every verb; an unknown or malformed id is an expired choice. */
  route<C extends ChatContext = ChatContext>(handlers: ChoiceHandlers<V, C>) {
    return async (ctx: C, arg: string): Promise<void> => {
      const choice = this.unpack(arg);
      if (!choice) return ctx.reply(ctx.t('choice-expired'));
      await handlers[choice.verb](ctx, choice.value as never);
    };
  }
}

export const defineChoices = <const V extends Record<string, Fields>>(action: string, verbs: V) =>
  new Choices(action, verbs);
