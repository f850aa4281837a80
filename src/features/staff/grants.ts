import type { StaffGrant, StaffRole } from '../../generated/prisma/client.ts';
import type { Tx } from '../../core/tx.ts';

/** Roles that work on tips. Leaders run models and see no tips. */
export const TIP_ROLES: StaffRole[] = ['officer', 'admin'];

/** The area and the areas above it (hamlet → commune → province). */
export async function lineage(tx: Tx, areaCode: string): Promise<string[]> {
  const codes: string[] = [];
  let code: string | null = areaCode;
  while (code && codes.length < 3) {
    codes.push(code);
    const area: { parentCode: string | null } | null = await tx.area.findUnique({
      where: { code },
      select: { parentCode: true },
    });
    code = area?.parentCode ?? null;
  }
  return codes;
}

export const hasTipRole = (grants: StaffGrant[]) => grants.some((g) => TIP_ROLES.includes(g.role));

/** A grant covers its area and everything under it. */
export async function covers(tx: Tx, grants: StaffGrant[], roles: StaffRole[], areaCode: string): Promise<boolean> {
  const held = grants.filter((g) => roles.includes(g.role)).map((g) => g.areaCode);
  if (!held.length) return false;
  const up = await lineage(tx, areaCode);
  return up.some((code) => held.includes(code));
}

/**
 * Areas whose tips a person may work on, as a Prisma filter on `areaCode`:
 * tips sit at commune level, so a province grant reaches its communes.
 */
export function tipAreaFilter(grants: StaffGrant[]) {
  const held = grants.filter((g) => TIP_ROLES.includes(g.role)).map((g) => g.areaCode);
  return { OR: [{ areaCode: { in: held } }, { area: { parentCode: { in: held } } }] };
}
