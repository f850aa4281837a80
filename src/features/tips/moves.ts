import type { TipStatus } from '../../generated/prisma/client.ts';
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
