import type { Policy } from '../config.ts';
import type { Envelope } from '../core/context.ts';
import type { Scope, Wake } from '../core/scope.ts';
import type { Tx } from '../core/tx.ts';
import type { Db } from '../db/client.ts';
import type { OutboundMessage } from '../generated/prisma/client.ts';
import type { I18n } from '../i18n/index.ts';
import type { Pii } from '../security/pii.ts';
import { writeOutbox } from './outbox.ts';

export interface ScopeDeps {
  db: Db;
  /** The data key, or how to get it: an operator's command that stores nothing personal runs without it. */
  pii: Pii | (() => Pii);
  i18n: I18n;
  policy: Policy;
}

export interface ScopeResult<T> {
  result: T;
  /** The messages the use case left for others, committed with its changes. */
  written: OutboundMessage[];
  wakes: ReadonlySet<Wake>;
}

/**
 * Runs a use case outside any chat (the CLI, an HTTP route, a test) in one
 * transaction: its rows, its audit entry and the messages it sends commit
 * together. The workers' sweeper sends the messages within seconds.
 */
export async function inScope<T>(deps: ScopeDeps, run: (scope: Scope) => Promise<T>): Promise<ScopeResult<T>> {
  return deps.db.$transaction((tx) => inTransaction(tx, deps, run), { timeout: 15_000, maxWait: 5_000 });
}

/** The same in a transaction the caller already holds (the OA's token refresh, under its lock). */
export async function inTransaction<T>(
  tx: Tx,
  deps: ScopeDeps,
  run: (scope: Scope) => Promise<T>,
): Promise<ScopeResult<T>> {
  const { i18n, policy } = deps;
  let pii = typeof deps.pii === 'function' ? undefined : deps.pii;
  const key = () => (pii ??= (deps.pii as () => Pii)());
  const outgoing: Envelope[] = [];
  const wakes = new Set<Wake>();
  const scope: Scope = {
    tx,
    get pii() {
      return key();
    },
    i18n,
    policy,
    send: (to, message) => void outgoing.push({ to, message }),
    wake: (what) => void wakes.add(what),
  };
  const result = await run(scope);
  return { result, written: outgoing.length ? await writeOutbox(tx, key(), outgoing) : [], wakes };
}
