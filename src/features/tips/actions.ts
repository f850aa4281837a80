import { z } from 'zod';
import type { OutMessage, PhotoRef } from '../../core/messages.ts';
import { privateChatsOf, type Person, type Reader } from '../../core/people.ts';
import { actorId, refuse, type Actor, type Outcome, type Scope } from '../../core/scope.ts';
import { waitsForNextMessage } from '../../core/window.ts';
import type { Tip, TipStatus } from '../../generated/prisma/client.ts';
import { audit } from '../staff/audit.ts';
import { labelOf } from '../staff/labels.ts';
import { areaOfficers, tipOfficers, tipReporter } from './audience.ts';
import { photoMessages, sendToEach, tipNotice, translator } from './cards.ts';
import { mytipChoice, tipChoice } from './choices.ts';
import { MAX_DESCRIPTION, MAX_PHOTO_BYTES } from './draft.ts';
import { openFollowUp } from './mine.ts';
import { CLOSED_STATUSES, MOVES, reopenedStatus, type TipMove } from './moves.ts';
import { addTipMessage, moveTip, reachOf, tipInMyAreas, type Mover } from './store.ts';

/*
 * What officers (and the operator) do to a tip, once for every caller: the chat,
 * the CLI, the HTTP API. Each use case checks the actor's role and area, writes
 * the tip's rows, the audit entry and the messages to the reporter in the
 * caller's transaction, and writes nothing when it refuses.
 */

/** An unknown code, a tip outside the actor's areas and a role without tips: one reason, so nothing leaks. */
type NotFound = 'not-found';

/** A word to the reporter with a status change (how it was resolved, which tip it duplicates). */
export const tipNoteSchema = z.string().trim().min(1).max(MAX_DESCRIPTION).brand<'TipNote'>();
export type TipNote = z.infer<typeof tipNoteSchema>;

/** A move done or refused: the tip as it is now. 'not-now': its status does not allow the move. */
type Moved = Outcome<{ tip: Tip }, NotFound> | { ok: false; reason: 'not-now'; tip: Tip };

/**
 * Done: the tip as it is now; `awaitingReporter`: the reporter's messenger does not let the bot write to them
 * now (their window has passed), so they are told when they next write.
 */
export type StatusOutcome =
  Outcome<{ tip: Tip; awaitingReporter: boolean }, NotFound> | { ok: false; reason: 'not-now'; tip: Tip };

export type ReplyOutcome = Outcome<
  { tip: Tip; reporterTold: boolean; awaitingReporter: boolean },
  NotFound | 'empty' | 'too-long'
>;

const moverOf = (actor: Actor): Mover => (actor.kind === 'person' ? { officerId: actor.person.user.id } : 'operator');

const auditTip = (scope: Scope, actor: Actor, action: string, tip: Tip, details?: Record<string, string>) =>
  audit(scope.tx, { actorId: actorId(actor), action, entity: 'Tip', entityId: tip.id, details });

const reporterOf = (scope: Scope, tip: Tip) => tipReporter(scope.tx, scope.pii, tip, scope.i18n.defaultLocale);

/**
 * The acting officer's notice, should a message to the reporter be held at send time: said in their first
 * private chat (none for the operator, who sees the outcome at the shell).
 */
async function heldNoticeFor(scope: Scope, actor: Actor, tip: Tip): Promise<OutMessage['heldNotice']> {
  if (actor.kind !== 'person') return undefined;
  const [chat] = await privateChatsOf(scope.tx, scope.pii, [actor.person.user.id], scope.i18n.defaultLocale);
  return chat && { to: chat.to, text: translator(scope, chat.locale)('tip-reporter-held', { code: tip.code }) };
}

const reporterWaits = (scope: Scope, reporter: Reader) =>
  waitsForNextMessage(scope.tx, scope.pii, scope.policy, reporter.to);

/**
 * Messages to the reporter; returns true when they wait for the reporter's next message (known now, or given as
 * `waits`). Else, if their messenger refuses them at send time, they are held then and the acting officer is
 * told (the first message carries the notice: one is enough, the others are held behind it).
 */
async function toReporter(
  scope: Scope,
  actor: Actor,
  reporter: Reader,
  tip: Tip,
  messages: OutMessage[],
  waits?: boolean,
): Promise<boolean> {
  waits ??= await reporterWaits(scope, reporter);
  const heldNotice = waits ? undefined : await heldNoticeFor(scope, actor, tip);
  messages.forEach((message, i) =>
    scope.send(reporter.to, i === 0 && heldNotice ? { ...message, heldNotice } : message),
  );
  return waits;
}

/**
 * Tells the reporter, in their language, that their tip moved or was reopened (and the officer's note, if any).
 * Returns true when it waits for the reporter's next message.
 */
async function tellReporter(
  scope: Scope,
  actor: Actor,
  reporter: Reader | undefined,
  tip: Tip,
  what: TipStatus | 'reopened',
  note?: string,
): Promise<boolean> {
  if (!reporter) return false;
  return toReporter(scope, actor, reporter, tip, [statusNews(scope, reporter, tip, what, note)]);
}

/** The reporter's message, in their language, that their tip moved or was reopened (with the officer's note). */
function statusNews(scope: Scope, reporter: Reader, tip: Tip, what: TipStatus | 'reopened', note?: string) {
  const t = translator(scope, reporter.locale);
  const lines = [t(`tip-now-${what}`, { code: tip.code }), note && t('tip-now-note', { note })];
  return { text: lines.filter(Boolean).join('\n\n') };
}

/** Moves the area's other officers hear of: someone took the tip, or closed it. */
const TOLD_TO_COLLEAGUES: readonly TipStatus[] = ['in_progress', 'resolved', 'rejected', 'duplicate'];

/**
 * Tells the tip's other officers (the private chats its cards reach; a station
 * group reads the card itself) that a colleague took or closed it, naming the
 * colleague by their display label. The one who acted is not told of their own act.
 */
async function notifyColleagues(scope: Scope, actor: Actor, tip: Tip): Promise<void> {
  if (!TOLD_TO_COLLEAGUES.includes(tip.status)) return;
  const { tx, pii, i18n } = scope;
  const readers = await areaOfficers(tx, pii, tip.areaCode, i18n.defaultLocale);
  const actorChats =
    actor.kind === 'person' ? await privateChatsOf(tx, pii, [actor.person.user.id], i18n.defaultLocale) : [];
  const own = new Set(actorChats.map((r) => `${r.to.platform}:${r.to.chatId}`));
  const colleagues = readers.filter((r) => r.place === 'private' && !own.has(`${r.to.platform}:${r.to.chatId}`));
  if (!colleagues.length) return;
  const label = actor.kind === 'person' ? await labelOf(tx, actor.person.user.id, tip.areaCode) : null;
  const code = { code: tip.code };
  await sendToEach(scope, colleagues, async (t, reader) => {
    const by = label ?? t(actor.kind === 'operator' ? 'tip-by-operator' : 'tip-by-officer');
    const news =
      tip.status === 'in_progress'
        ? t('tip-colleague-took', { by, ...code })
        : t('tip-colleague-closed', { by, ...code, status: t(`status-${tip.status}`) });
    return [
      await tipNotice(scope, t, reader, tip.code, news, [
        { id: tipChoice.pack('open', code), label: t('tip-action-open') },
      ]),
    ];
  });
}

/**
 * Moves the tip if its status still allows (two officers at once: one wins), audits the move
 * and tells the colleagues when it was taken or closed.
 */
async function move(scope: Scope, actor: Actor, code: string, to: TipMove): Promise<Moved> {
  const tip = await tipInMyAreas(scope.tx, reachOf(actor), code);
  if (!tip) return refuse('not-found');
  const moved = await moveTip(scope.tx, tip, MOVES[to].from, to, moverOf(actor), MOVES[to].assign);
  if (!moved) return { ok: false, reason: 'not-now', tip };
  await auditTip(scope, actor, 'tip.status', tip, { from: tip.status, to });
  await notifyColleagues(scope, actor, moved);
  return { ok: true, tip: moved };
}

/**
 * Acknowledges, takes (and becomes the assignee), resolves, rejects or marks a
 * tip as a duplicate; the reporter is told. A note is told with it and kept in
 * the tip's thread.
 */
export async function changeStatus(
  scope: Scope,
  actor: Actor,
  code: string,
  status: TipMove,
  note?: TipNote,
): Promise<StatusOutcome> {
  const outcome = await move(scope, actor, code, status);
  if (!outcome.ok) return outcome;
  return { ...outcome, awaitingReporter: await tellWithNote(scope, actor, outcome.tip, note) };
}

/**
 * The reporter hears of the tip's new status; a note goes with it and stays in the tip's thread. True when
 * it waits for the reporter's next message.
 */
async function tellWithNote(scope: Scope, actor: Actor, tip: Tip, note?: TipNote): Promise<boolean> {
  if (note)
    await addTipMessage(scope.tx, scope.pii, tip, {
      author: 'officer',
      officerId: actorId(actor),
      text: note,
      photos: [],
    });
  return tellReporter(scope, actor, await reporterOf(scope, tip), tip, tip.status, note);
}

/** Rejects the tip as spam: its reporter's next tips and messages are throttled harder. */
export async function flagSpam(scope: Scope, actor: Actor, code: string, note?: TipNote): Promise<StatusOutcome> {
  const outcome = await move(scope, actor, code, 'rejected');
  if (!outcome.ok) return outcome;
  const { tip } = outcome;
  if (tip.reporterId) {
    await scope.tx.user.update({ where: { id: tip.reporterId }, data: { spamFlaggedAt: new Date() } });
    await auditTip(scope, actor, 'tip.flag_spam', tip);
  }
  return { ...outcome, awaitingReporter: await tellWithNote(scope, actor, tip, note) };
}

/**
 * Puts a closed tip back to work (see reopenedStatus), audited; null when it is
 * not closed (any more). A reporter's reopening keeps no id of theirs, in the
 * history or the audit log: neither may tie them to the tip.
 */
async function reopen(scope: Scope, tip: Tip, by: Mover): Promise<Tip | null> {
  const to = reopenedStatus(tip);
  const reopened = await moveTip(scope.tx, tip, CLOSED_STATUSES, to, by);
  if (reopened)
    await audit(scope.tx, {
      actorId: typeof by === 'object' ? by.officerId : null,
      action: 'tip.reopen',
      entity: 'Tip',
      entityId: tip.id,
      details: { from: tip.status, to, by: by === 'reporter' ? 'reporter' : 'officer' },
    });
  return reopened;
}

/**
 * An officer reopens a closed tip (resolved, rejected, duplicate), e.g. one
 * closed by mistake: it is back in the inbox and the reporter is told.
 */
export async function reopenTip(scope: Scope, actor: Actor, code: string): Promise<StatusOutcome> {
  const tip = await tipInMyAreas(scope.tx, reachOf(actor), code);
  if (!tip) return refuse('not-found');
  const reopened = await reopen(scope, tip, moverOf(actor));
  if (!reopened) return { ok: false, reason: 'not-now', tip };
  if (tip.status === 'rejected') await liftSpamVerdict(scope, actor, tip);
  const awaitingReporter = await tellReporter(scope, actor, await reporterOf(scope, reopened), reopened, 'reopened');
  return { ok: true, tip: reopened, awaitingReporter };
}

/**
 * Reopening a tip rejected as spam takes its verdict back: its reporter is no
 * longer throttled for it, unless another of their tips still stands rejected as spam.
 */
async function liftSpamVerdict(scope: Scope, actor: Actor, tip: Tip): Promise<void> {
  const spamOf = (ids: string[]) =>
    scope.tx.auditLog.count({ where: { entity: 'Tip', action: 'tip.flag_spam', entityId: { in: ids } } });
  if (!tip.reporterId || !(await spamOf([tip.id]))) return;
  const rejected = await scope.tx.tip.findMany({
    where: { reporterId: tip.reporterId, status: 'rejected' },
    select: { id: true },
  });
  if (rejected.length && (await spamOf(rejected.map((r) => r.id)))) return;
  await scope.tx.user.update({ where: { id: tip.reporterId }, data: { spamFlaggedAt: null } });
  await auditTip(scope, actor, 'tip.unflag_spam', tip);
}

/** The reporter's reopening: the tip as it is now and how many officer chats were told (0: none can see it yet). */
export type ReporterReopenOutcome =
  | { ok: true; tip: Tip; officersTold: number }
  | { ok: false; reason: 'not-found' | 'spam' }
  | { ok: false; reason: 'not-now'; tip: Tip };

/**
 * The reporter asks to reopen their closed tip: it is reopened at once and the
 * officers of its area get a notice to open it. A tip rejected as spam stays closed.
 */
export async function reopenByReporter(scope: Scope, reporter: Person, code: string): Promise<ReporterReopenOutcome> {
  const tip = await scope.tx.tip.findFirst({ where: { code, reporterId: reporter.user.id } });
  if (!tip) return refuse('not-found');
  const spam = await scope.tx.auditLog.count({ where: { entity: 'Tip', entityId: tip.id, action: 'tip.flag_spam' } });
  if (spam && tip.status === 'rejected') return refuse('spam');
  const reopened = await reopen(scope, tip, 'reporter');
  if (!reopened) return { ok: false, reason: 'not-now', tip };
  const readers = await tipOfficers(scope.tx, scope.pii, reopened, scope.i18n.defaultLocale);
  const args = { code: tip.code };
  await sendToEach(scope, readers, async (t, reader) => [
    await tipNotice(
      scope,
      t,
      reader,
      tip.code,
      t('tip-reopened-by-reporter', {
        ...args,
        was: t(`status-${tip.status}`),
        status: t(`status-${reopened.status}`),
      }),
      [
        { id: tipChoice.pack('open', args), label: t('tip-action-open') },
        { id: tipChoice.pack('reply', args), label: t('tip-action-reply') },
      ],
    ),
  ]);
  return { ok: true, tip: reopened, officersTold: readers.length };
}

/**
 * The officer's answer (text and/or photos) goes to the reporter through the
 * bot, neither seeing the other's account; the reporter's next message answers
 * it. Answering a new tip acknowledges it. Photos over the size limit are left out.
 */
export async function replyToTipster(
  scope: Scope,
  actor: Actor,
  code: string,
  reply: { text?: string; photos?: PhotoRef[] },
): Promise<ReplyOutcome> {
  const tip = await tipInMyAreas(scope.tx, reachOf(actor), code);
  if (!tip) return refuse('not-found');
  const text = reply.text?.trim() || undefined;
  const photos = (reply.photos ?? []).filter((p) => !('size' in p) || (p.size ?? 0) <= MAX_PHOTO_BYTES);
  if (!text && !photos.length) return refuse('empty');
  if (text && text.length > MAX_DESCRIPTION) return refuse('too-long');

  const officerId = actorId(actor);
  await addTipMessage(scope.tx, scope.pii, tip, { author: 'officer', officerId, text, photos });
  await auditTip(scope, actor, 'tip.reply', tip);
  const reporter = await reporterOf(scope, tip);
  const acknowledged = await moveTip(scope.tx, tip, MOVES.acknowledged.from, 'acknowledged', moverOf(actor));
  if (acknowledged) await auditTip(scope, actor, 'tip.status', tip, { from: tip.status, to: 'acknowledged' });
  const current = acknowledged ?? tip;
  if (!reporter) return { ok: true, tip: current, reporterTold: false, awaitingReporter: false };

  const t = translator(scope, reporter.locale);
  const waits = await reporterWaits(scope, reporter);
  // A reply that waits cannot be answered by the next message: the reporter has not read it when they write it.
  const answerHere = !waits && (await openFollowUp(scope, reporter, tip.code));
  const body = [
    t('tip-officer-reply', { code: tip.code }),
    text,
    t(answerHere ? 'tip-answer-here' : 'tip-answer-status', { code: tip.code }),
  ];
  const messages: OutMessage[] = [
    ...(acknowledged ? [statusNews(scope, reporter, acknowledged, 'acknowledged')] : []),
    {
      text: body.filter(Boolean).join('\n\n'),
      buttons: [{ id: mytipChoice.pack('add', { code: tip.code }), label: t('mytip-answer') }],
    },
    ...photoMessages(t, reporter.to.platform, tip.code, photos),
  ];
  await toReporter(scope, actor, reporter, tip, messages, waits);
  return { ok: true, tip: current, reporterTold: true, awaitingReporter: waits };
}
