import type { Identity, StaffGrant, User } from '../generated/prisma/client.ts';
import type { Pii } from '../security/pii.ts';
import type { Tx } from './tx.ts';
import type { Destination, Incoming, Platform } from './messages.ts';
import { isLocale, type Locale } from '../i18n/index.ts';

/** A registered person as seen from one of their messenger accounts. */
export interface Person {
  user: User;
  identity: Identity;
  /** Staff roles held, each over an area and everything under it. */
  grants: StaffGrant[];
}

export function identityHash(pii: Pii, platform: Platform, platformUserId: string): string {
  return pii.hash('user', platform, platformUserId);
}

export async function findPerson(tx: Tx, pii: Pii, platform: Platform, platformUserId: string): Promise<Person | null> {
  const identity = await tx.identity.findUnique({
    where: { platform_platformIdHash: { platform, platformIdHash: identityHash(pii, platform, platformUserId) } },
    include: { user: { include: { grants: { orderBy: { createdAt: 'asc' } } } } },
  });
  if (!identity) return null;
  const {
    user: { grants, ...user },
    ...rest
  } = identity;
  return { user, identity: rest, grants };
}

/** Registers a person at the moment they consent; nothing about them is stored before. */
export async function createPerson(
  tx: Tx,
  pii: Pii,
  m: Incoming,
  profile: { locale: string; consentVersion: string },
): Promise<Person> {
  const user = await tx.user.create({
    data: { locale: profile.locale, consentVersion: profile.consentVersion, consentAt: new Date() },
  });
  const identity = await tx.identity.create({
    data: {
      userId: user.id,
      platform: m.platform,
      platformIdHash: identityHash(pii, m.platform, m.userId),
      platformIdEnc: pii.encrypt(m.userId),
      chatIdEnc: pii.encrypt(m.chatId),
      displayNameEnc: m.displayName ? pii.encrypt(m.displayName) : null,
    },
  });
  return { user, identity, grants: [] };
}

/** Keeps the stored display name current without ever storing it in clear. */
export async function refreshDisplayName(tx: Tx, pii: Pii, person: Person, displayName: string | undefined) {
  if (!displayName) return;
  const current = person.identity.displayNameEnc ? pii.decrypt(person.identity.displayNameEnc) : undefined;
  if (current === displayName) return;
  person.identity = await tx.identity.update({
    where: { id: person.identity.id },
    data: { displayNameEnc: pii.encrypt(displayName) },
  });
}

/** The platform told us the person blocked (or unblocked) the bot in their private chat. */
export async function setBlocked(tx: Tx, pii: Pii, platform: Platform, platformUserId: string, blocked: boolean) {
  await tx.identity.updateMany({
    where: { platform, platformIdHash: identityHash(pii, platform, platformUserId) },
    data: { blockedAt: blocked ? new Date() : null },
  });
}

/**
 * Erases a person: user row, identities and staff roles go. Their tips stay,
 * detached (the reporter link is nulled by the foreign key) and without the contact they shared.
 */
export async function erasePerson(tx: Tx, userId: string) {
  await tx.tip.updateMany({ where: { reporterId: userId }, data: { contactEnc: null } });
  await tx.user.delete({ where: { id: userId } });
}

/** Where to reach a person's messenger account privately. */
export function destinationOf(pii: Pii, identity: Identity): Destination {
  return { platform: identity.platform, chatId: pii.decrypt(identity.chatIdEnc) };
}

/** A chat to tell something, and the language to tell it in. */
export interface Reader {
  to: Destination;
  locale: Locale;
}

/** The private chats of people (every messenger account they have not blocked the bot on). */
export async function privateChatsOf(tx: Tx, pii: Pii, userIds: string[], fallback: Locale): Promise<Reader[]> {
  if (!userIds.length) return [];
  const identities = await tx.identity.findMany({
    where: { userId: { in: userIds }, blockedAt: null },
    include: { user: { select: { locale: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return identities.map((i) => ({
    to: destinationOf(pii, i),
    locale: isLocale(i.user.locale) ? i.user.locale : fallback,
  }));
}
