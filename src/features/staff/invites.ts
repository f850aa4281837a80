import { randomInt } from 'node:crypto';
import type { StaffInvite, StaffRole } from '../../generated/prisma/client.ts';
import { refuse, type Outcome } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import type { Pii } from '../../security/pii.ts';
import { audit } from './audit.ts';

/** No 0/O, 1/I/L: codes are read off a screen and typed on a phone. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function randomCode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** "abcd efgh-jkmn" and "ABCDEFGHJKMN" are the same code. */
export function normalizeInviteCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

const inviteHash = (pii: Pii, code: string) => pii.hash('invite', normalizeInviteCode(code));

export interface NewInvite {
  role: StaffRole;
  areaCode: string;
  days: number;
  /** "cli" or the inviting user's id. */
  createdBy: string;
  /** A leader invite: whoever redeems it leads this model. */
  modelId?: number;
}

/** Creates a one-time code; only its keyed hash is stored, so the code is shown once. */
export async function createInvite(tx: Tx, pii: Pii, invite: NewInvite): Promise<{ code: string; expiresAt: Date }> {
  const raw = randomCode(12);
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  const expiresAt = new Date(Date.now() + invite.days * 86_400_000);
  const row = await tx.staffInvite.create({
    data: {
      codeHash: inviteHash(pii, code),
      role: invite.role,
      areaCode: invite.areaCode,
      createdBy: invite.createdBy,
      modelId: invite.modelId ?? null,
      expiresAt,
    },
  });
  await audit(tx, {
    actorId: invite.createdBy === 'cli' ? null : invite.createdBy,
    action: 'invite.create',
    entity: 'StaffInvite',
    entityId: row.id,
    details: {
      role: invite.role,
      areaCode: invite.areaCode,
      expiresAt: expiresAt.toISOString(),
      ...(invite.modelId && { modelId: invite.modelId }),
    },
  });
  return { code, expiresAt };
}

export type InviteProblem = 'invalid' | 'expired' | 'used';

/** Marks a code used by a user: the invite, or why not. One use only, also under concurrent attempts. */
export async function claimInvite(
  tx: Tx,
  pii: Pii,
  code: string,
  userId: string,
): Promise<Outcome<{ invite: StaffInvite }, InviteProblem>> {
  const invite = await tx.staffInvite.findUnique({ where: { codeHash: inviteHash(pii, code) } });
  if (!invite) return refuse('invalid');
  if (invite.usedAt) return refuse('used');
  // A withdrawn code reads like an expired one: no longer valid, ask for a new one.
  if (invite.revokedAt || invite.expiresAt.getTime() < Date.now()) return refuse('expired');
  const claimed = await tx.staffInvite.updateMany({
    where: { id: invite.id, usedAt: null, revokedAt: null },
    data: { usedAt: new Date(), usedBy: userId },
  });
  if (claimed.count === 0) return refuse('used');
  return { ok: true, invite };
}

/** What may still be redeemed: not used, not revoked, not expired. */
export const openInviteFilter = () => ({ usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } });

/**
 * The invites that can still be redeemed (of an area and the areas under it, when given),
 * newest first. Their codes are not among them: only keyed hashes of the codes are kept.
 */
export function openInvites(tx: Tx, areaCode?: string) {
  return tx.staffInvite.findMany({
    where: { ...openInviteFilter(), ...(areaCode && { OR: [{ areaCode }, { area: { parentCode: areaCode } }] }) },
    select: {
      id: true,
      role: true,
      areaCode: true,
      modelId: true,
      createdBy: true,
      expiresAt: true,
      createdAt: true,
      area: { select: { name: true, parent: { select: { name: true } } } },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
}
export type OpenInvite = Awaited<ReturnType<typeof openInvites>>[number];
