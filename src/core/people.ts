import type { Identity, User } from '../generated/prisma/client.ts';
import type { Pii } from '../security/pii.ts';
import type { Tx } from './tx.ts';
import type { Incoming, Platform } from './messages.ts';

/** A registered person as seen from one of their messenger accounts. */
export interface Person {
  user: User;
  identity: Identity;
}

export function identityHash(pii: Pii, platform: Platform, platformUserId: string): string {
  return pii.hash('user', platform, platformUserId);
}

export async function findPerson(tx: Tx, pii: Pii, platform: Platform, platformUserId: string): Promise<Person | null> {
  const identity = await tx.identity.findUnique({
    where: { platform_platformIdHash: { platform, platformIdHash: identityHash(pii, platform, platformUserId) } },
    include: { user: true },
  });
  if (!identity) return null;
  const { user, ...rest } = identity;
  return { user, identity: rest };
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
  return { user, identity };
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

/** Erases a person: user row and identities go; later features detach their records first. */
export async function erasePerson(tx: Tx, userId: string) {
  await tx.user.delete({ where: { id: userId } });
}
