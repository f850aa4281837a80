import type { Policy } from '../config.ts';
import type { I18n } from '../i18n/index.ts';
import type { Pii } from '../security/pii.ts';
import type { Destination, OutMessage } from './messages.ts';
import type { Person } from './people.ts';
import type { Tx } from './tx.ts';

/** Background work a change calls for, started once the change is committed. */
export type Wake = 'broadcasts' | 'reminders';

/**
 * What a use case works with: the caller's transaction, and the messages and
 * wake-ups it leaves to be written with it. A chat update, a CLI command and an
 * HTTP request each provide one, so an action is written once for all of them.
 */
export interface Scope {
  readonly tx: Tx;
  readonly pii: Pii;
  readonly i18n: I18n;
  readonly policy: Policy;
  /** A message to a chat, written to the outbox in the same transaction. */
  send(to: Destination, message: OutMessage): void;
  wake(what: Wake): void;
}

/** Who acts: a registered person (checked for role and area by each use case) or the operator at the shell. */
export type Actor = { kind: 'person'; person: Person } | { kind: 'operator' };

export const OPERATOR: Actor = { kind: 'operator' };
export const personActor = (person: Person): Actor => ({ kind: 'person', person });

/** The acting user's id for audit entries and "created by" columns (null: the operator). */
export const actorId = (actor: Actor): string | null => (actor.kind === 'person' ? actor.person.user.id : null);

/** A use case's answer: done with a result, or refused with a reason the caller presents. */
export type Outcome<T extends object, R extends string> = ({ ok: true } & T) | { ok: false; reason: R };

export const refuse = <R extends string>(reason: R) => ({ ok: false as const, reason });
