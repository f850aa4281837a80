import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Policy } from '../../config.ts';
import type { Wake } from '../../core/scope.ts';
import type { Db } from '../../db/client.ts';
import type { I18n } from '../../i18n/index.ts';
import { inScope } from '../../pipeline/run-scope.ts';
import type { Pii } from '../../security/pii.ts';

/** What a console route needs to run a chat use case: the scope's parts and the outbox's nudge. */
export interface UseCaseDeps {
  db: Db;
  pii: Pii;
  i18n: I18n;
  policy: Policy;
  /** Asks for a chat's outbox to be sent now (the sweeper is the backstop). */
  enqueue: (chatKey: string) => Promise<unknown>;
  /** Starts the background work the use case called for (a broadcast started, resumed or cancelled). */
  wake?: (what: Wake) => Promise<unknown>;
}

/**
 * Runs a use case in one transaction, as chat does, then asks for the messages it wrote to be sent now (and the
 * work it called for to start): the
 * console never writes a message or a change of its own.
 */
export function useCaseRunner(deps: UseCaseDeps) {
  const scopeDeps = { db: deps.db, pii: deps.pii, i18n: deps.i18n, policy: deps.policy };
  return async <T>(use: Parameters<typeof inScope<T>>[1]): Promise<T> => {
    const { result, written, wakes } = await inScope(scopeDeps, use);
    for (const key of new Set(written.map((m) => m.chatKey))) await deps.enqueue(key).catch(() => undefined);
    // The workers' own timers are the backstop for either.
    for (const what of wakes) await deps.wake?.(what).catch(() => undefined);
    return result;
  };
}

/** A 400 naming each field the page sent wrong. */
export const badRequest = (reply: FastifyReply, error: z.ZodError) =>
  reply.code(400).send({ error: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
