import type { Envelope } from '../../core/context.ts';
import { destinationOf } from '../../core/people.ts';
import type { Tx } from '../../core/tx.ts';
import type { Broadcast } from '../../generated/prisma/client.ts';
import { isLocale, type I18n, type Locale } from '../../i18n/index.ts';
import type { Pii } from '../../security/pii.ts';
import type { AuthorNoteKind } from '../../broadcasting/reconciler.ts';
import { deliveryFigures, type DeliveryFigures } from '../../broadcasting/store.ts';
import { formatTime } from '../../core/format.ts';
import { PLATFORM_NAMES } from '../../core/messages.ts';

/** "3 phút 5 giây" / "3 min 5 s". */
export function durationText(i18n: I18n, locale: Locale, ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return i18n.t(locale, 'bc-duration', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

/** Counts and state of a broadcast, as staff read them (chat, CLI), with the platforms paused now. */
export function statusText(i18n: I18n, locale: Locale, b: Broadcast, { counts, holds }: DeliveryFigures): string {
  const total = Object.values(counts).reduce((a, n) => a + n, 0);
  const lines = [
    i18n.t(locale, 'bc-status-title', { id: String(b.id), status: i18n.t(locale, `bc-state-${b.status}`) }),
    i18n.t(locale, 'bc-counts', { ...counts, total }),
    ...holds.map((hold) =>
      i18n.t(locale, 'bc-held', {
        platform: PLATFORM_NAMES[hold.platform],
        queued: hold.queued,
        time: formatTime(locale, hold.until),
      }),
    ),
  ];
  if (b.startedAt) {
    const end = b.finishedAt ?? new Date();
    lines.push(
      i18n.t(locale, 'bc-elapsed', { duration: durationText(i18n, locale, end.getTime() - b.startedAt.getTime()) }),
    );
  }
  return lines.join('\n');
}

/** The first line of an author's note. */
function noteTitle(i18n: I18n, locale: Locale, b: Broadcast, figures: DeliveryFigures, kind: AuthorNoteKind): string {
  if (typeof kind === 'object') {
    const hold = figures.holds.find((h) => h.platform === kind.held);
    // "The other channels go on" only while some of this broadcast still waits on one of them.
    const others = figures.counts.queued > (hold?.queued ?? 0);
    return i18n.t(locale, 'bc-held-title', {
      id: String(b.id),
      platform: PLATFORM_NAMES[kind.held],
      time: hold ? formatTime(locale, hold.until) : '',
      others: others ? 'yes' : 'no',
    });
  }
  return i18n.t(locale, kind === 'report' ? 'bc-report-title' : 'bc-progress-title', {
    id: String(b.id),
    done: Object.values(figures.counts).reduce((a, n) => a + n, 0) - figures.counts.queued,
    total: b.recipientCount,
  });
}

/**
 * The message the author gets when the broadcast ends (done or cancelled), on progress, or when a platform
 * pauses its sends; null without an author chat.
 */
export async function authorNote(
  tx: Tx,
  pii: Pii,
  i18n: I18n,
  b: Broadcast,
  kind: AuthorNoteKind,
): Promise<Envelope | null> {
  if (!b.authorIdentityId) return null;
  const identity = await tx.identity.findUnique({ where: { id: b.authorIdentityId }, include: { user: true } });
  if (!identity) return null;
  const locale = isLocale(identity.user.locale) ? identity.user.locale : i18n.defaultLocale;
  const figures = await deliveryFigures(tx, b.id);
  const head = noteTitle(i18n, locale, b, figures, kind);
  return { to: destinationOf(pii, identity), message: { text: `${head}\n${statusText(i18n, locale, b, figures)}` } };
}
