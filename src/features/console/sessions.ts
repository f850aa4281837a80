import { randomBytes, timingSafeEqual } from 'node:crypto';
import { actorId, OPERATOR, personActor, refuse, type Actor, type Outcome } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import type { Pii } from '../../security/pii.ts';
import { audit } from '../staff/audit.ts';

/** A sign-in link works once, within this time. */
export const LINK_TTL_MS = 10 * 60_000;
/** A session nobody used for this long has ended (each use starts the time again). */
export const SESSION_IDLE_MS = 12 * 3_600_000;

// Links and cookies are bearer secrets: only their keyed hashes are stored, so a copy of the database signs nobody in.
const linkHash = (pii: Pii, token: string) => pii.hash('console-link', token);
const sessionHash = (pii: Pii, token: string) => pii.hash('console-session', token);
const secret = () => randomBytes(32).toString('base64url');

/**
 * A one-time sign-in link's token (the caller builds the URL) for `forWhom`: a staff member as seen
 * from one messenger account, or the operator. `issuedBy` asked for it: the person in chat, the operator at the shell.
 */
export async function createSignInLink(tx: Tx, pii: Pii, issuedBy: Actor, forWhom: Actor): Promise<string> {
  await forgetStale(tx);
  const token = secret();
  const person = forWhom.kind === 'person' ? forWhom.person : undefined;
  const link = await tx.consoleLink.create({
    data: {
      tokenHash: linkHash(pii, token),
      userId: person?.user.id ?? null,
      identityId: person?.identity.id ?? null,
      expiresAt: new Date(Date.now() + LINK_TTL_MS),
    },
  });
  await audit(tx, {
    actorId: actorId(issuedBy),
    action: 'console.link',
    entity: 'ConsoleLink',
    entityId: link.id,
    details: { for: person ? person.user.id : 'operator' },
  });
  return token;
}

/**
 * Links expired a day ago and sessions past their idle time are of no use (the audit log keeps
 * the record); a day's grace lets a late click still hear "expired" rather than "unknown".
 */
async function forgetStale(tx: Tx): Promise<void> {
  const now = Date.now();
  await tx.consoleLink.deleteMany({ where: { expiresAt: { lt: new Date(now - 86_400_000) } } });
  await tx.consoleSession.deleteMany({ where: { lastSeenAt: { lt: new Date(now - SESSION_IDLE_MS) } } });
}

export type RedeemRefusal = 'unknown' | 'used' | 'expired' | 'not-staff';

/**
 * Opens a sign-in link: it is spent (once, even when two browsers race for it) and a
 * session starts. Returns the session cookie's value (shown to nobody else, stored hashed).
 */
export async function redeemSignInLink(
  tx: Tx,
  pii: Pii,
  token: string,
): Promise<Outcome<{ sessionToken: string; actor: Actor }, RedeemRefusal>> {
  const now = new Date();
  const link = await tx.consoleLink.findUnique({ where: { tokenHash: linkHash(pii, token) } });
  if (!link) return refuse('unknown');
  if (link.usedAt) return refuse('used');
  if (link.expiresAt <= now) return refuse('expired');
  const spent = await tx.consoleLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
  if (!spent.count) return refuse('used');
  const actor = link.identityId ? await staffActor(tx, { identityId: link.identityId }) : OPERATOR;
  // The role may have gone between the link and the click.
  if (!actor) return refuse('not-staff');
  const sessionToken = secret();
  const session = await tx.consoleSession.create({
    data: { tokenHash: sessionHash(pii, sessionToken), userId: link.userId, identityId: link.identityId },
  });
  await audit(tx, {
    actorId: actorId(actor),
    action: 'console.login',
    entity: 'ConsoleSession',
    entityId: session.id,
    details: { linkId: link.id },
  });
  return { ok: true, sessionToken, actor };
}

/**
 * The staff member behind a messenger account (or a user's first account), as chat sees them;
 * null when unknown or holding no role.
 */
export async function staffActor(tx: Tx, which: { identityId: string } | { userId: string }): Promise<Actor | null> {
  const found = await tx.identity.findFirst({
    where: 'identityId' in which ? { id: which.identityId } : { userId: which.userId },
    include: { user: { include: { grants: { orderBy: { createdAt: 'asc' } } } } },
    orderBy: { createdAt: 'asc' },
  });
  if (!found || !found.user.grants.length) return null;
  const {
    user: { grants, ...user },
    ...identity
  } = found;
  return personActor({ user, identity, grants });
}

export interface ConsoleSession {
  id: string;
  /** Exactly the actor chat use cases take: the same rights in the console as in chat. */
  actor: Actor;
  /** What the page must send back with every change (X-CSRF-Token). */
  csrfToken: string;
}

/**
 * The session a cookie belongs to, its idle time started again; null when unknown,
 * idle too long (then removed) or its person no longer holds any role.
 */
export async function sessionOf(tx: Tx, pii: Pii, sessionToken: string): Promise<ConsoleSession | null> {
  const row = await tx.consoleSession.findUnique({ where: { tokenHash: sessionHash(pii, sessionToken) } });
  if (!row) return null;
  const now = Date.now();
  if (row.lastSeenAt.getTime() <= now - SESSION_IDLE_MS) {
    await tx.consoleSession.deleteMany({ where: { id: row.id } });
    return null;
  }
  const actor = row.identityId ? await staffActor(tx, { identityId: row.identityId }) : OPERATOR;
  if (!actor) return null;
  await tx.consoleSession.update({ where: { id: row.id }, data: { lastSeenAt: new Date(now) } });
  return { id: row.id, actor, csrfToken: csrfTokenOf(pii, row.id) };
}

/** Derived from the session (keyed): nothing more to store, and useless to anyone without the session. */
const csrfTokenOf = (pii: Pii, sessionId: string) => pii.hash('console-csrf', sessionId);

export function csrfMatches(session: ConsoleSession, sent: string | undefined): boolean {
  if (!sent) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Logout: the session ends now. */
export async function endSession(tx: Tx, session: ConsoleSession): Promise<void> {
  await tx.consoleSession.deleteMany({ where: { id: session.id } });
  await audit(tx, {
    actorId: actorId(session.actor),
    action: 'console.logout',
    entity: 'ConsoleSession',
    entityId: session.id,
  });
}

/** Every console session of a person ends (a role taken away); returns how many there were. */
export async function endSessionsOf(tx: Tx, userId: string): Promise<number> {
  const { count } = await tx.consoleSession.deleteMany({ where: { userId } });
  return count;
}
