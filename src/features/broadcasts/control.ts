import type { Tx } from '../../core/tx.ts';
import type { Broadcast, BroadcastStatus, Prisma } from '../../generated/prisma/client.ts';

export type ControlAction = 'start' | 'pause' | 'resume' | 'cancel';

/** Which states each action moves a broadcast out of. */
const FROM: Record<ControlAction, BroadcastStatus[]> = {
  start: ['draft'],
  pause: ['sending', 'scheduled'],
  resume: ['paused'],
  cancel: ['draft', 'scheduled', 'sending', 'paused'],
};

export type ControlResult = { ok: true; broadcast: Broadcast } | { ok: false; error: 'not-found' | 'state' };

/**
 * Moves a broadcast on, guarded by its current state so two officers (or an
 * officer and the CLI) cannot both act on one state. Delivery jobs read the
 * new state within a second; the caller wakes the reconciler after commit.
 */
export async function controlBroadcast(
  tx: Tx,
  id: number,
  action: ControlAction,
  opts: { at?: Date } = {},
): Promise<ControlResult> {
  const current = await tx.broadcast.findUnique({ where: { id } });
  if (!current) return { ok: false, error: 'not-found' };
  const now = new Date();
  let data: Prisma.BroadcastUpdateManyMutationInput;
  switch (action) {
    case 'start':
      data =
        opts.at && opts.at > now
          ? { status: 'scheduled', scheduledAt: opts.at }
          : { status: 'sending', scheduledAt: null, startedAt: now };
      break;
    case 'pause':
      data = { status: 'paused' };
      break;
    case 'resume':
      // A broadcast paused before its time waits for it again.
      data =
        current.scheduledAt && !current.startedAt && current.scheduledAt > now
          ? { status: 'scheduled' }
          : { status: 'sending', startedAt: current.startedAt ?? now };
      break;
    case 'cancel':
      data = { status: 'cancelled', finishedAt: now };
      break;
  }
  const moved = await tx.broadcast.updateMany({ where: { id, status: { in: FROM[action] } }, data });
  if (!moved.count) return { ok: false, error: 'state' };
  if (action === 'cancel') {
    await tx.delivery.updateMany({
      where: { broadcastId: id, status: 'queued' },
      data: { status: 'skipped', error: 'cancelled', updatedAt: now },
    });
  }
  return { ok: true, broadcast: await tx.broadcast.findUniqueOrThrow({ where: { id } }) };
}
