import { expect } from 'vitest';
import { createInvite } from '../../src/features/staff/invites.ts';
import type { StaffRole } from '../../src/generated/prisma/enums.ts';
import { Pii } from '../../src/security/pii.ts';
import type { Db } from '../../src/db/client.ts';
import { ENCRYPTION_KEY } from './harness.ts';
import { onboard } from './onboard.ts';
import type { TelegramUser, ZaloUser } from './users.ts';

/** The code of a commune/ward, found by its exact name within a province. */
export async function areaCode(h: { db: Db }, name: string, province: string): Promise<string> {
  const area = await h.db.area.findFirst({ where: { name, parent: { name: { contains: province } } } });
  if (!area) throw new Error(`no area ${name}, ${province}`);
  return area.code;
}

/** An invite code as the operator's CLI creates it. */
export async function invite(h: { db: Db }, role: StaffRole, area: string): Promise<string> {
  const pii = new Pii(ENCRYPTION_KEY);
  const { code } = await h.db.$transaction((tx) =>
    createInvite(tx, pii, { role, areaCode: area, days: 7, createdBy: 'cli' }),
  );
  return code;
}

/** A registered person who redeemed an invite in chat: staff of `area`. */
export async function makeStaff(h: { db: Db }, u: TelegramUser | ZaloUser, area: string, role: StaffRole = 'officer') {
  await onboard(u);
  await u.send(`/staff ${await invite(h, role, area)}`);
  const welcome = await u.expect(/Chào mừng! Bạn đã được cấp quyền/);
  if (role !== 'leader') expect(welcome.options.map((o) => o.label)).toContain('📥 Hộp tin báo');
}
