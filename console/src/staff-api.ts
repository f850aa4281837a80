import type { Me, Role } from './api.ts';

export interface Grant {
  id: string;
  role: Role['role'];
  area: string;
  label: string | null;
  since: string;
}

export interface StaffPage {
  /** Whether this session may invite and revoke (an admin, the operator). */
  manages: boolean;
  grants: Grant[];
  /** Where an invite may be for. */
  areas: { code: string; name: string }[];
}

export const INVITE_STATES = ['open', 'used', 'expired', 'revoked'] as const;
export type InviteState = (typeof INVITE_STATES)[number];

export interface Invite {
  id: string;
  role: Role['role'];
  area: string;
  leaderOfModel: number | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  entity: string;
  area: string | null;
  by: { kind: 'operator' } | { kind: 'staff'; label: string | null } | { kind: 'other' };
  role: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Where the next (older) page starts; null on the last. */
  next: string | null;
}

/** Whether the audit log and staff management are for this session. */
export const manages = (me: Me) => me.kind === 'operator' || me.roles.some((r) => r.role === 'admin');

/** A moment as people in Vietnam read it. */
export const when = (iso: string, locale: string) =>
  new Date(iso).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });
