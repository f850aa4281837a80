import type { Tx } from '../../core/tx.ts';
import type { Db } from '../../db/client.ts';
import type { Festival, FestivalReminder } from '../../generated/prisma/client.ts';
import type { I18n } from '../../i18n/index.ts';
import { areaLabel } from '../areas/search.ts';
import { controlBroadcast } from '../broadcasts/control.ts';
import { createBroadcast } from '../../broadcasting/store.ts';
import { reminderTexts, rsvpButtons } from './texts.ts';

/** A delayed job's id: the reminder and the time it was due when scheduled (a moved festival's old jobs no longer match). */
export const reminderJobId = (r: Pick<FestivalReminder, 'id' | 'dueAt'>) => `rem-${r.id}-${r.dueAt.getTime()}`;

/**
 * Writes the reminder ledger of a festival for the configured lead times:
 * each is due `offset` before the start; one whose time has passed is missed.
 * A moved festival is reminded anew, so a reminder already sent for the old
 * time is pending again when its new time is still ahead.
 */
export async function planReminders(tx: Tx, festival: Festival, offsets: number[], now = new Date()) {
  for (const offsetSeconds of offsets) {
    const dueAt = new Date(festival.startsAt.getTime() - offsetSeconds * 1000);
    const status = dueAt > now ? 'pending' : 'missed';
    await tx.festivalReminder.upsert({
      where: { festivalId_offsetSeconds: { festivalId: festival.id, offsetSeconds } },
      create: { festivalId: festival.id, offsetSeconds, dueAt, status },
      update: { dueAt, status, ...(status === 'pending' && { broadcastId: null }) },
    });
  }
}

/** A cancelled festival's reminders never go out. */
export async function dropReminders(tx: Tx, festivalId: number): Promise<void> {
  await tx.festivalReminder.updateMany({ where: { festivalId, status: 'pending' }, data: { status: 'dropped' } });
}

export type FireOutcome = { sent: number } | 'stale' | 'missed';

/**
 * A reminder's job fired: if the ledger still expects it at this time, it
 * becomes a broadcast (to the festival's "going" list or its whole area, as
 * the festival says), started at once; the row and the broadcast commit
 * together, so a job run twice sends once.
 */
export async function fireReminder(db: Db, i18n: I18n, jobId: string, now = new Date()): Promise<FireOutcome> {
  const [, rawId, rawDue] = /^rem-(\d+)-(\d+)$/.exec(jobId) ?? [];
  if (!rawId) return 'stale';
  return db.$transaction(async (tx) => {
    const reminder = await tx.festivalReminder.findUnique({
      where: { id: Number(rawId) },
      include: { festival: true },
    });
    if (!reminder || reminder.status !== 'pending' || reminder.dueAt.getTime() !== Number(rawDue)) return 'stale';
    const festival = reminder.festival;
    const late = festival.status !== 'scheduled' || festival.startsAt <= now;
    // Claimed first: a second worker with the same job waits on this row, then finds it taken.
    const claimed = await tx.festivalReminder.updateMany({
      where: { id: reminder.id, status: 'pending', dueAt: reminder.dueAt },
      data: { status: late ? 'missed' : 'sent' },
    });
    if (!claimed.count) return 'stale';
    if (late) return 'missed';
    const toArea = festival.remindTo === 'area';
    const broadcast = await createBroadcast(tx, {
      audience: toArea ? { kind: 'area', areaCode: festival.areaCode } : { kind: 'festival', festivalId: festival.id },
      festivalId: festival.id,
      topic: 'festival',
      texts: reminderTexts(i18n, festival, await areaLabel(tx, festival.areaCode), reminder.offsetSeconds),
      buttons: rsvpButtons(i18n, festival.id),
    });
    await tx.festivalReminder.update({ where: { id: reminder.id }, data: { broadcastId: broadcast.id } });
    await controlBroadcast(tx, broadcast.id, 'start');
    return { sent: broadcast.id };
  });
}

/** Reminders the queue should hold: pending ones, with their job ids. */
export async function pendingReminders(db: Db): Promise<Array<{ jobId: string; dueAt: Date }>> {
  const rows = await db.festivalReminder.findMany({ where: { status: 'pending' }, orderBy: { dueAt: 'asc' } });
  return rows.map((r) => ({ jobId: reminderJobId(r), dueAt: r.dueAt }));
}
