import { destinationOf, privateChatsOf, type Reader } from '../../core/people.ts';
import type { Tx } from '../../core/tx.ts';
import type { Tip } from '../../generated/prisma/client.ts';
import { isLocale, type Locale } from '../../i18n/index.ts';
import type { Pii } from '../../security/pii.ts';
import { lineage, TIP_ROLES } from '../staff/grants.ts';
import type { CardPlace } from './cards.ts';

/** An officer's private chat, or a station group (everyone in it reads what is posted there). */
export type TipReader = Reader & { place: CardPlace };

/**
 * Who hears about a new tip of a commune: its officers and linked station
 * groups, or, when the commune has neither, those of its province.
 */
export async function areaOfficers(tx: Tx, pii: Pii, communeCode: string, fallback: Locale): Promise<TipReader[]> {
  for (const code of await lineage(tx, communeCode)) {
    const [grants, stations] = await Promise.all([
      tx.staffGrant.findMany({
        where: { areaCode: code, role: { in: TIP_ROLES } },
        select: { userId: true },
        distinct: ['userId'],
      }),
      tx.stationChat.findMany({ where: { areaCode: code }, orderBy: { createdAt: 'asc' } }),
    ]);
    if (!grants.length && !stations.length) continue;
    const officers = await privateChatsOf(
      tx,
      pii,
      grants.map((g) => g.userId),
      fallback,
    );
    const groups = stations.map((s) => ({
      to: { platform: s.platform, chatId: pii.decrypt(s.chatIdEnc) },
      locale: fallback,
      place: 'group' as const,
    }));
    return [...officers.map((o) => ({ ...o, place: 'private' as const })), ...groups];
  }
  return [];
}

/**
 * Who is told of a tip no officer can see: every admin. None covers its area,
 * or they would have had the card (admin is a tip role areaOfficers finds).
 */
export async function allAdmins(tx: Tx, pii: Pii, fallback: Locale): Promise<Reader[]> {
  const grants = await tx.staffGrant.findMany({
    where: { role: 'admin' },
    select: { userId: true },
    distinct: ['userId'],
  });
  return privateChatsOf(
    tx,
    pii,
    grants.map((g) => g.userId),
    fallback,
  );
}

/** Who hears the reporter's answers: the officer who took the tip, otherwise the area's officers. */
export async function tipOfficers(tx: Tx, pii: Pii, tip: Tip, fallback: Locale): Promise<TipReader[]> {
  if (tip.assigneeId) {
    const assignee = await privateChatsOf(tx, pii, [tip.assigneeId], fallback);
    if (assignee.length) return assignee.map((a) => ({ ...a, place: 'private' as const }));
  }
  return areaOfficers(tx, pii, tip.areaCode, fallback);
}

/** The reporter's own chat (the account the tip came from), unless they erased their data or blocked the bot. */
export async function tipReporter(tx: Tx, pii: Pii, tip: Tip, fallback: Locale): Promise<Reader | undefined> {
  if (!tip.reporterIdentityId) return undefined;
  const identity = await tx.identity.findUnique({
    where: { id: tip.reporterIdentityId },
    include: { user: { select: { locale: true } } },
  });
  if (!identity || identity.blockedAt) return undefined;
  return { to: destinationOf(pii, identity), locale: isLocale(identity.user.locale) ? identity.user.locale : fallback };
}
