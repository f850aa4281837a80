import { chatKeyOf } from '../../core/keys.ts';
import type { Destination } from '../../core/messages.ts';
import type { Person } from '../../core/people.ts';
import { privateChatsOf } from '../../core/people.ts';
import { actorId, refuse, type Actor, type Outcome, type Scope } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import { capabilitiesOf } from '../../platforms/capabilities.ts';
import type { Pii } from '../../security/pii.ts';
import type { LocalModel, StaffGrant, StaffInvite, StaffRole, StationChat } from '../../generated/prisma/client.ts';
import { areaLabel } from '../areas/search.ts';
import { endSessionsOf } from '../console/sessions.ts';
import { audit } from './audit.ts';
import { covers, TIP_ROLES } from './grants.ts';
import { claimInvite, createInvite, openInviteFilter, type InviteProblem } from './invites.ts';
import type { StaffLabel } from './labels.ts';

/** Failed codes one person may try per hour: invite codes cannot be guessed by trying. */
export const MAX_FAILED_CODES = 5;
const FAILURE_WINDOW_MS = 3_600_000;
/** The audit entity of failed codes: its id is the guesser (see guesserOf), kept through erasure. */
const GUESSER = 'InviteGuesser';

export type RedeemRefusal = 'too-many' | InviteProblem;

/**
 * Who is guessing: the messenger account, not the user row, so erasing oneself
 * and registering again gives no fresh guesses. A keyed hash of the account's
 * keyed hash: it names nobody and cannot be joined to Identity.
 */
const guesserOf = (pii: Pii, person: Person) =>
  pii.hash('invite-guesser', person.identity.platform, person.identity.platformIdHash);

/**
 * A person redeems an invite code: the grant (and, for a leader invite, the
 * model they now lead). A wrong, used, revoked or expired code is refused and, unlike
 * other refusals, recorded ('invite.failed', by messenger account): those records are what stops guessing.
 */
export async function redeemInvite(
  scope: Scope,
  person: Person,
  code: string,
): Promise<Outcome<{ grant: StaffGrant; model: LocalModel | null }, RedeemRefusal>> {
  const { tx, pii } = scope;
  const userId = person.user.id;
  const guesser = guesserOf(pii, person);
  const failed = await tx.auditLog.count({
    where: {
      entity: GUESSER,
      entityId: guesser,
      action: 'invite.failed',
      at: { gt: new Date(Date.now() - FAILURE_WINDOW_MS) },
    },
  });
  if (failed >= MAX_FAILED_CODES) return refuse('too-many');
  const claim = await claimInvite(tx, pii, code, userId);
  if (!claim.ok) {
    await audit(tx, {
      actorId: userId,
      action: 'invite.failed',
      entity: GUESSER,
      entityId: guesser,
      details: { reason: claim.reason },
    });
    return claim;
  }
  const { invite } = claim;
  const grant = await tx.staffGrant.upsert({
    where: { userId_role_areaCode: { userId, role: invite.role, areaCode: invite.areaCode } },
    create: { userId, role: invite.role, areaCode: invite.areaCode },
    update: {},
  });
  // A leader invite names the model's leader (replacing any earlier one).
  const model = invite.modelId
    ? await tx.localModel.update({ where: { id: invite.modelId }, data: { leaderId: userId } })
    : null;
  await audit(tx, {
    actorId: userId,
    action: 'invite.redeem',
    entity: 'StaffGrant',
    entityId: grant.id,
    details: {
      inviteId: invite.id,
      role: invite.role,
      areaCode: invite.areaCode,
      ...(invite.modelId && { modelId: invite.modelId }),
    },
  });
  return { ok: true, grant, model };
}

/** A staff grant the actor may manage, or null: any grant for the operator, one within an admin's areas. */
export async function grantWithin(tx: Tx, actor: Actor, grantId: string): Promise<StaffGrant | null> {
  const grant = await tx.staffGrant.findUnique({ where: { id: grantId } });
  if (!grant || actor.kind === 'operator') return grant;
  return (await covers(tx, actor.person.grants, ['admin'], grant.areaCode)) ? grant : null;
}

export type RevokeRefusal = 'not-admin' | 'not-found';

/**
 * Takes a role away (an officer who left the station): the grant goes, the
 * person's API tokens stop working, their web console sessions end, and they are told in their language (their
 * chat's command menu no longer offers what the role allowed).
 * The operator may revoke any grant; an admin, grants within their areas.
 */
export async function revoke(
  scope: Scope,
  actor: Actor,
  grantId: string,
): Promise<Outcome<{ grant: StaffGrant }, RevokeRefusal>> {
  const { tx, pii, i18n } = scope;
  if (actor.kind === 'person' && !actor.person.grants.some((g) => g.role === 'admin')) return refuse('not-admin');
  const grant = await grantWithin(tx, actor, grantId);
  if (!grant) return refuse('not-found');
  await tx.staffGrant.delete({ where: { id: grant.id } });
  await tx.apiToken.updateMany({ where: { userId: grant.userId, revokedAt: null }, data: { revokedAt: new Date() } });
  await endSessionsOf(tx, grant.userId);
  await audit(tx, {
    actorId: actorId(actor),
    action: 'grant.revoke',
    entity: 'StaffGrant',
    entityId: grant.id,
    details: { role: grant.role, areaCode: grant.areaCode },
  });
  const area = await areaLabel(tx, grant.areaCode);
  // Their command menu becomes that of the roles they still hold (everyone's when none is left).
  const roles = [...new Set((await tx.staffGrant.findMany({ where: { userId: grant.userId } })).map((g) => g.role))];
  for (const reader of await privateChatsOf(tx, pii, [grant.userId], i18n.defaultLocale)) {
    const role = i18n.t(reader.locale, `role-${grant.role}`);
    scope.send(reader.to, {
      text: i18n.t(reader.locale, 'staff-revoked', { role, area }),
      ...(capabilitiesOf(reader.to.platform).commandMenu && { commandMenu: { roles, locale: reader.locale } }),
    });
  }
  return { ok: true, grant };
}

export type LabelRefusal = 'not-found';

/**
 * Sets the display label of a grant: how tip histories and colleagues' notices
 * name the person. A person labels their own grants (an admin also those within
 * their areas); the operator any. Audited without the label itself (it is a name).
 */
export async function labelGrant(
  scope: Scope,
  actor: Actor,
  grantId: string,
  label: StaffLabel,
): Promise<Outcome<{ grant: StaffGrant }, LabelRefusal>> {
  const { tx } = scope;
  const own = actor.kind === 'person' && actor.person.grants.some((g) => g.id === grantId);
  const grant = own
    ? await tx.staffGrant.findUnique({ where: { id: grantId } })
    : await grantWithin(tx, actor, grantId);
  if (!grant) return refuse('not-found');
  const labelled = await tx.staffGrant.update({ where: { id: grant.id }, data: { label } });
  await audit(tx, { actorId: actorId(actor), action: 'grant.label', entity: 'StaffGrant', entityId: grant.id });
  return { ok: true, grant: labelled };
}

export type InviteRevokeRefusal = 'not-found' | 'not-open';

/**
 * Withdraws an invite nobody has used yet (sent to the wrong person, the officer
 * never came): redeeming it is then refused like an expired code. The operator
 * may revoke any invite, an admin those within their areas; audited.
 */
export async function revokeInvite(
  scope: Scope,
  actor: Actor,
  inviteId: string,
): Promise<Outcome<{ invite: StaffInvite }, InviteRevokeRefusal>> {
  const { tx } = scope;
  const invite = await tx.staffInvite.findUnique({ where: { id: inviteId } });
  if (!invite) return refuse('not-found');
  if (actor.kind === 'person' && !(await covers(tx, actor.person.grants, ['admin'], invite.areaCode)))
    return refuse('not-found');
  const revokedAt = new Date();
  const revoked = await tx.staffInvite.updateMany({
    where: { id: invite.id, ...openInviteFilter() },
    data: { revokedAt },
  });
  if (!revoked.count) return refuse('not-open');
  await audit(tx, {
    actorId: actorId(actor),
    action: 'invite.revoke',
    entity: 'StaffInvite',
    entityId: invite.id,
    details: { role: invite.role, areaCode: invite.areaCode },
  });
  return { ok: true, invite: { ...invite, revokedAt } };
}

export type StationRefusal = 'not-officer';

/**
 * Links a group chat to an area: new tips of the area are posted there too
 * (without the reporter's phone number). The actor must hold a tip role covering
 * the area; the operator may link any. Linking again moves the group to the area.
 */
export async function linkStation(
  scope: Scope,
  actor: Actor,
  chat: Destination,
  areaCode: string,
): Promise<Outcome<{ station: StationChat }, StationRefusal>> {
  const { tx, pii } = scope;
  if (actor.kind === 'person' && !(await covers(tx, actor.person.grants, TIP_ROLES, areaCode)))
    return refuse('not-officer');
  const chatKey = chatKeyOf(pii, chat.platform, chat.chatId);
  const linkedById = actorId(actor);
  const station = await tx.stationChat.upsert({
    where: { chatKey },
    create: { platform: chat.platform, chatKey, chatIdEnc: pii.encrypt(chat.chatId), areaCode, linkedById },
    update: { areaCode, linkedById },
  });
  await audit(tx, {
    actorId: linkedById,
    action: 'station.link',
    entity: 'StationChat',
    entityId: station.id,
    details: { areaCode },
  });
  return { ok: true, station };
}

/** Unlinks a group chat (nothing to do if it was not linked); the same roles as linking. */
export async function unlinkStation(
  scope: Scope,
  actor: Actor,
  chat: Destination,
): Promise<Outcome<object, StationRefusal>> {
  const { tx, pii } = scope;
  if (actor.kind === 'person' && !actor.person.grants.some((g) => TIP_ROLES.includes(g.role)))
    return refuse('not-officer');
  const chatKey = chatKeyOf(pii, chat.platform, chat.chatId);
  const existing = await tx.stationChat.findUnique({ where: { chatKey } });
  if (existing) {
    await tx.stationChat.delete({ where: { chatKey } });
    await audit(tx, {
      actorId: actorId(actor),
      action: 'station.unlink',
      entity: 'StationChat',
      entityId: existing.id,
    });
  }
  return { ok: true };
}

export type InviteStaffRefusal = 'not-admin' | 'no-area';

/**
 * An invite code for a new staff member of an area (shown once): the operator for any area, an admin for
 * their areas and those under them. Leader invites of a model go through the model (inviteLeader).
 */
export async function inviteStaff(
  scope: Scope,
  actor: Actor,
  invite: { role: StaffRole; areaCode: string; days: number },
): Promise<Outcome<{ code: string; expiresAt: Date }, InviteStaffRefusal>> {
  const { tx, pii } = scope;
  if (!(await tx.area.count({ where: { code: invite.areaCode } }))) return refuse('no-area');
  if (actor.kind === 'person' && !(await covers(tx, actor.person.grants, ['admin'], invite.areaCode)))
    return refuse('not-admin');
  const made = await createInvite(tx, pii, { ...invite, createdBy: actorId(actor) ?? 'cli' });
  return { ok: true, ...made };
}
