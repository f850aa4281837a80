import type { Tip, TipEvent } from '../../generated/prisma/client.ts';

/** Who made a step of a tip's history: an officer (by the label they chose, if any), the reporter or the operator. */
export type EventActor = { kind: 'officer'; label: string | null } | { kind: 'reporter' } | { kind: 'operator' };

/**
 * Reads who acted from an event, never exposing an account id: the reporter's
 * own filing (or their own step, such as reopening) has no officer; a step
 * without anyone is the operator's.
 */
export function eventActor(
  tip: Pick<Tip, 'reporterId'>,
  e: Pick<TipEvent, 'status' | 'byId' | 'byLabel' | 'byReporter'>,
): EventActor {
  if (e.byReporter) return { kind: 'reporter' };
  if (e.byLabel) return { kind: 'officer', label: e.byLabel };
  if (!e.byId) return e.status === 'new' ? { kind: 'reporter' } : { kind: 'operator' };
  return e.byId === tip.reporterId ? { kind: 'reporter' } : { kind: 'officer', label: null };
}
