import type { PhotoRef } from '../../core/messages.ts';
import type { Scope } from '../../core/scope.ts';
import type { OutboundMessage, Tip } from '../../generated/prisma/client.ts';
import { inScope, type ScopeDeps } from '../../pipeline/run-scope.ts';
import { tipOfficers } from './audience.ts';
import { photoMessages, sendToEach, tipNotice } from './cards.ts';
import { tipChoice } from './choices.ts';
import { photoLinker, threadPhotos } from './photo-links.ts';

/*
 * The reporter's side of the anonymous thread is a channel to officers, so it
 * is bounded: so many messages per tip and hour, none once officers judged the
 * tip to be spam, and a burst reaches them as one notice, not one per message.
 */

const HOUR = 3_600_000;

/** Why a follow-up is not taken: the tip was rejected as spam, or the hour's share is used (minutes to wait). */
export type FollowUpRefusal = { reason: 'spam' } | { reason: 'too-many'; minutes: number };

export async function followUpRefusal(scope: Scope, tip: Tip): Promise<FollowUpRefusal | null> {
  if (tip.status === 'rejected') {
    const spam = await scope.tx.auditLog.count({ where: { entity: 'Tip', entityId: tip.id, action: 'tip.flag_spam' } });
    if (spam) return { reason: 'spam' };
  }
  const max = scope.policy.FOLLOWUPS_PER_HOUR;
  const recent = await scope.tx.tipMessage.findMany({
    where: { tipId: tip.id, author: 'citizen', createdAt: { gt: new Date(Date.now() - HOUR) } },
    orderBy: { id: 'desc' },
    select: { createdAt: true },
    take: max,
  });
  if (recent.length < max) return null;
  const oldest = recent[recent.length - 1]!.createdAt.getTime();
  return { reason: 'too-many', minutes: Math.max(1, Math.ceil((oldest + HOUR - Date.now()) / 60_000)) };
}

/**
 * Whether a new follow-up waits for the next notice: one was passed on less than
 * FOLLOWUP_BATCH_SECONDS ago and no officer has written since (an answer to an
 * officer is passed on at once).
 */
export async function holdsFollowUp(scope: Scope, tip: Tip): Promise<boolean> {
  const window = scope.policy.FOLLOWUP_BATCH_SECONDS;
  if (!window) return false;
  const last = await scope.tx.tipMessage.findFirst({
    where: {
      tipId: tip.id,
      author: 'citizen',
      forwardedAt: { gt: new Date(Date.now() - window * 1000) },
    },
    orderBy: { id: 'desc' },
    select: { id: true },
  });
  if (!last) return false;
  const answered = await scope.tx.tipMessage.count({
    where: { tipId: tip.id, author: 'officer', id: { gt: last.id } },
  });
  return answered === 0;
}

/**
 * Passes every held follow-up of the tip on to its officers in one notice.
 * Returns how many officer chats it went to (0: nobody can see the tip yet; the
 * messages stay in its thread), or false when nothing was held.
 */
export async function forwardFollowUps(scope: Scope, tip: Tip): Promise<number | false> {
  // Claimed and read in one statement: a worker's timed flush and the reporter's "Xong" cannot both send them.
  const held = (
    await scope.tx.tipMessage.updateManyAndReturn({
      where: { tipId: tip.id, author: 'citizen', forwardedAt: null },
      data: { forwardedAt: new Date() },
    })
  ).sort((a, b) => (a.id < b.id ? -1 : 1));
  if (!held.length) return false;
  const texts = held.flatMap((m) => (m.textEnc ? [scope.pii.decrypt(m.textEnc)] : []));
  // Each photo with its place in its own message of the thread, to link where the officer's messenger cannot show it.
  const stored = held.flatMap((m) =>
    (m.photosEnc ? scope.pii.decryptJson<PhotoRef[]>(m.photosEnc) : []).map((photo, i) => ({
      photo,
      place: threadPhotos(m.id, i),
    })),
  );
  const photos = stored.map((s) => s.photo);
  const link = photoLinker(scope);
  const linkOf = link && ((i: number) => link(stored[i]!.place));
  const code = { code: tip.code };
  const readers = await tipOfficers(scope.tx, scope.pii, tip, scope.i18n.defaultLocale);
  await sendToEach(scope, readers, async (t, reader) => [
    await tipNotice(
      scope,
      t,
      reader,
      tip.code,
      [
        held.length > 1 ? t('tip-from-reporter-many', { ...code, count: held.length }) : t('tip-from-reporter', code),
        ...texts,
      ].join('\n\n'),
      [
        { id: tipChoice.pack('reply', code), label: t('tip-action-reply') },
        { id: tipChoice.pack('open', code), label: t('tip-action-open') },
      ],
    ),
    ...photoMessages(t, reader.to.platform, tip.code, photos, linkOf),
  ]);
  return readers.length;
}

/**
 * The workers' timed flush: follow-ups held longer than FOLLOWUP_BATCH_SECONDS
 * reach the officers even when the reporter never presses "Xong" or writes again.
 * Returns the messages written, for the caller to send.
 */
export async function forwardDueFollowUps(deps: ScopeDeps): Promise<OutboundMessage[]> {
  const window = deps.policy.FOLLOWUP_BATCH_SECONDS * 1000;
  const due = await deps.db.tipMessage.findMany({
    where: { author: 'citizen', forwardedAt: null, createdAt: { lte: new Date(Date.now() - window) } },
    distinct: ['tipId'],
    select: { tip: true },
    take: 100,
  });
  const written: OutboundMessage[] = [];
  for (const { tip } of due) written.push(...(await inScope(deps, (scope) => forwardFollowUps(scope, tip))).written);
  return written;
}
