import type { Actor } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import type { StaffGrant, StaffRole } from '../../generated/prisma/client.ts';
import { auditEntries, type AuditFilter, type AuditRow } from './audit.ts';
import { covers, TIP_ROLES } from './grants.ts';
import { labelOf } from './labels.ts';

/**
 * What the web console's staff and audit pages show, with the rights chat and the CLI apply: the operator sees
 * everything; an admin manages their areas and those under them; an officer sees the colleagues of their areas
 * (as in chat, where they pick colleagues to assign tips to) and manages nothing; a leader sees no staff.
 */

/** An area and everything under it (commune, hamlet), as a Prisma filter on `areaCode`. */
const under = (codes: string[]) => ({
  OR: [
    { areaCode: { in: codes } },
    { area: { parentCode: { in: codes } } },
    { area: { parent: { parentCode: { in: codes } } } },
  ],
});

const heldBy = (grants: StaffGrant[], roles: StaffRole[]) =>
  grants.filter((g) => roles.includes(g.role)).map((g) => g.areaCode);

/** Whether the actor may invite, revoke and read the audit log (of their areas). */
export const managesStaff = (actor: Actor) =>
  actor.kind === 'operator' || actor.person.grants.some((g) => g.role === 'admin');

/** Whether the actor may see the staff list at all. */
export const seesStaff = (actor: Actor) =>
  actor.kind === 'operator' || actor.person.grants.some((g) => TIP_ROLES.includes(g.role));

/** The areas whose staff the actor sees; undefined: all (the operator). */
const seenAreas = (actor: Actor) => (actor.kind === 'operator' ? undefined : heldBy(actor.person.grants, TIP_ROLES));
/** The areas the actor manages; undefined: all (the operator). */
const managedAreas = (actor: Actor) => (actor.kind === 'operator' ? undefined : heldBy(actor.person.grants, ['admin']));

/** The staff grants of the actor's areas, with display labels (never a messenger's name or id). */
export function grantsSeenBy(tx: Tx, actor: Actor) {
  const areas = seenAreas(actor);
  return tx.staffGrant.findMany({
    where: areas ? under(areas) : {},
    select: {
      id: true,
      role: true,
      areaCode: true,
      label: true,
      createdAt: true,
      area: { select: { name: true, parent: { select: { name: true } } } },
    },
    orderBy: [{ areaCode: 'asc' }, { createdAt: 'asc' }],
  });
}

export const INVITE_STATES = ['open', 'used', 'expired', 'revoked'] as const;
export type InviteState = (typeof INVITE_STATES)[number];

const stateFilter = (state: InviteState) => {
  const now = new Date();
  switch (state) {
    case 'open':
      return { usedAt: null, revokedAt: null, expiresAt: { gt: now } };
    case 'used':
      return { usedAt: { not: null } };
    case 'expired':
      return { usedAt: null, revokedAt: null, expiresAt: { lte: now } };
    case 'revoked':
      return { usedAt: null, revokedAt: { not: null } };
  }
};

/** The invites of the areas an admin manages (all for the operator) in one state, newest first; never their codes. */
export function invitesManagedBy(tx: Tx, actor: Actor, state: InviteState, limit = 200) {
  const areas = managedAreas(actor);
  return tx.staffInvite.findMany({
    where: { ...stateFilter(state), ...(areas && under(areas)) },
    select: {
      id: true,
      role: true,
      areaCode: true,
      modelId: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      createdAt: true,
      area: { select: { name: true, parent: { select: { name: true } } } },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: limit,
  });
}

/** The areas an invite may be for: those the actor manages and the communes under them (all provinces for the operator). */
export function inviteAreasOf(tx: Tx, actor: Actor) {
  const areas = managedAreas(actor);
  return tx.area.findMany({
    where: areas
      ? { OR: [{ code: { in: areas } }, { parentCode: { in: areas }, level: 'commune' }] }
      : { level: 'province' },
    select: { code: true, name: true, level: true, parent: { select: { name: true } } },
    orderBy: [{ level: 'asc' }, { name: 'asc' }],
  });
}

export interface AuditQuery extends Omit<AuditFilter, 'within' | 'actorIds'> {
  /** Part of a staff member's display label, or "operator" for the operator's own entries. */
  actorLabel?: string;
}

export interface AuditLine extends Omit<AuditRow, 'actorId' | 'details'> {
  /** Who acted: the operator, a staff member by their display label, or someone who is no staff (named by nobody). */
  by: { kind: 'operator' } | { kind: 'staff'; label: string | null } | { kind: 'other' };
  /** The role an entry concerns (an invite's, a grant's), the only detail shown. */
  role: string | null;
}

/**
 * The audit log as an admin (their areas) or the operator (everything) may read it, newest first; null for
 * anyone else, or an area outside an admin's. A person is shown only by their staff label: the people behind
 * other entries (a resident whose wrong code was recorded, a tipster) are never named or identified.
 */
export async function auditSeenBy(tx: Tx, actor: Actor, query: AuditQuery): Promise<AuditLine[] | null> {
  if (!managesStaff(actor)) return null;
  const within = managedAreas(actor);
  if (actor.kind === 'person' && query.areaCode && !(await covers(tx, actor.person.grants, ['admin'], query.areaCode)))
    return null;
  let actorIds: (string | null)[] | undefined;
  if (query.actorLabel?.trim()) {
    const text = query.actorLabel.trim();
    const grants = await tx.staffGrant.findMany({
      where: { label: { contains: text, mode: 'insensitive' } },
      select: { userId: true },
    });
    actorIds = [...new Set(grants.map((g) => g.userId))];
    if (/^operator$|^quản trị hệ thống$/i.test(text)) actorIds.push(null);
  }
  const rows = await auditEntries(tx, { ...query, within, actorIds });
  const lines: AuditLine[] = [];
  const labels = new Map<string, string | null | undefined>();
  for (const { actorId, details, ...row } of rows) {
    let by: AuditLine['by'] = { kind: 'operator' };
    if (actorId) {
      if (!labels.has(actorId)) {
        // Someone holding no role (a resident whose wrong code was recorded, a staff member since revoked): unnamed.
        const staff = await tx.staffGrant.count({ where: { userId: actorId } });
        labels.set(actorId, staff ? await labelOf(tx, actorId, row.areaCode ?? '') : undefined);
      }
      const label = labels.get(actorId);
      by = label === undefined ? { kind: 'other' } : { kind: 'staff', label };
    }
    const role = details && typeof details === 'object' && !Array.isArray(details) ? details.role : null;
    lines.push({ ...row, by, role: typeof role === 'string' ? role : null });
  }
  return lines;
}
