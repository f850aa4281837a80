import type { Tip, TipStatus } from '../../generated/prisma/client.ts';
import { OPEN_STATUSES } from './categories.ts';

/** A status an officer moves a tip to ('new' is only where a tip starts). */
export type TipMove = Exclude<TipStatus, 'new'>;

interface Move {
  /** The statuses the tip may be in for the move. */
  from: readonly TipStatus[];
  /** Taking a tip makes the officer its assignee: the reporter's answers go to them. */
  assign?: boolean;
}

export const MOVES: Record<TipMove, Move> = {
  acknowledged: { from: ['new'] },
  in_progress: { from: ['new', 'acknowledged'], assign: true },
  resolved: { from: OPEN_STATUSES },
  rejected: { from: OPEN_STATUSES },
  duplicate: { from: OPEN_STATUSES },
};

export const canMove = (status: TipStatus, to: TipMove): boolean => MOVES[to].from.includes(status);

/** Closed tips: out of the inbox, and what reopening starts from. */
export const CLOSED_STATUSES = ['resolved', 'rejected', 'duplicate'] as const satisfies readonly TipMove[];

export const isClosed = (status: TipStatus): boolean => (CLOSED_STATUSES as readonly TipStatus[]).includes(status);

/**
 * Where a reopened tip goes back to: a tip someone had taken is theirs again
 * (in progress, the reporter's answers still reach them); otherwise it is
 * acknowledged, for any officer of the area to take.
 */
export const reopenedStatus = (tip: Pick<Tip, 'assigneeId'>): TipMove =>
  tip.assigneeId ? 'in_progress' : 'acknowledged';
