import type { Envelope } from '../../core/context.ts';
import { destinationOf } from '../../core/people.ts';
import type { Tx } from '../../core/tx.ts';
import type { Broadcast } from '../../generated/prisma/client.ts';
import { isLocale, type I18n, type Locale } from '../../i18n/index.ts';
import type { Pii } from '../../security/pii.ts';
import { deliveryCounts, type DeliveryCounts } from '../../broadcasting/store.ts';

/** "3 phút 5 giây" / "3 min 5 s". */
export function durationText(i18n: I18n, locale: Locale, ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return i18n.t(locale, 'bc-duration', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

/** Counts and state of a broadcast, as staff read them (chat, CLI). */
export function statusText(i18n: I18n, locale: Locale, b: Broadcast, counts: DeliveryCounts): string {
  const total = Object.values(counts).reduce((a, n) => a + n, 0);
  const lines = [
    i18n.t(locale, 'bc-status-title', { id: String(b.id), status: i18n.t(locale, `bc-state-${b.status}`) }),
    i18n.t(locale, 'bc-counts', { ...counts, total }),
  ];
  if (b.startedAt) {
    const end = b.finishedAt ?? new Date();
    lines.push(
      i18n.t(locale, 'bc-elapsed', { duration: durationText(i18n, locale, end.getTime() - b.startedAt.getTime()) }),
    );
  }
  return lines.join('\n');
}

/** The message the author gets when the broadcast ends (done or cancelled), or on progress; null without an author chat. */
export async function authorNote(
  tx: Tx,
  pii: Pii,
  i18n: I18n,
  b: Broadcast,
  kind: 'report' | 'progress',
): Promise<Envelope | null> {
  if (!b.authorIdentityId) return null;
  const identity = await tx.identity.findUnique({ where: { id: b.authorIdentityId }, include: { user: true } });
  if (!identity) return null;
  const locale = isLocale(identity.user.locale) ? identity.user.locale : i18n.defaultLocale;
  const counts = await deliveryCounts(tx, b.id);
  const head = i18n.t(locale, kind === 'report' ? 'bc-report-title' : 'bc-progress-title', {
    id: String(b.id),
    done: counts.sent + counts.blocked + counts.failed + counts.skipped,
    total: b.recipientCount,
  });
  return { to: destinationOf(pii, identity), message: { text: `${head}\n${statusText(i18n, locale, b, counts)}` } };
}
