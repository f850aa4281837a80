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

/** After a valid officer or admin code: the display label is asked, typed, and the welcome follows. */
export async function chooseLabel(u: TelegramUser | ZaloUser, label: string) {
  await u.expect(/Tên hiển thị với đồng nghiệp, ví dụ/);
  await u.send(label);
  return u.expect(/Chào mừng! Bạn đã được cấp quyền/);
}

/** A registered person who redeemed an invite in chat (and chose `label`): staff of `area`. */
/** Another commune of the same province: where an officer of `code` has no rights. */
export async function neighbourOf(h: { db: Db }, code: string): Promise<string> {
  const { parentCode } = await h.db.area.findUniqueOrThrow({ where: { code } });
  const other = await h.db.area.findFirstOrThrow({ where: { level: 'commune', parentCode, code: { not: code } } });
  return other.code;
}

export async function makeStaff(
  h: { db: Db },
  u: TelegramUser | ZaloUser,
  area: string,
  role: StaffRole = 'officer',
  label = `Cán bộ ${u.chatId.slice(-4)}`,
) {
  await onboard(u);
  await u.send(`/staff ${await invite(h, role, area)}`);
  const welcome = role === 'leader' ? await u.expect(/Chào mừng! Bạn đã được cấp quyền/) : await chooseLabel(u, label);
  if (role !== 'leader') expect(welcome.options.map((o) => o.label)).toContain('📥 Hộp tin báo');
}
