import type { Db } from '../db/client.ts';
import { audit } from '../features/staff/audit.ts';

export const STAFF_USAGE = 'usage: staff list [--area <code>] | staff revoke <grant id>';

/**
 * `staff list`: who holds which role where (grant ids, roles, areas, since; never names or platform ids).
 * `staff revoke <id>`: takes a role away (an officer who left the station), audited.
 */
export async function staffCommand(args: string[], db: Db, out: (line: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const area = rest[0] === '--area' ? rest[1] : undefined;
    const grants = await db.staffGrant.findMany({
      where: area ? { OR: [{ areaCode: area }, { area: { parentCode: area } }] } : {},
      include: { area: { include: { parent: true } } },
      orderBy: [{ areaCode: 'asc' }, { createdAt: 'asc' }],
    });
    if (!grants.length) out('No staff.');
    for (const g of grants) {
      const place = g.area.parent ? `${g.area.name}, ${g.area.parent.name}` : g.area.name;
      out(`${g.id}  ${g.role.padEnd(7)}  ${g.areaCode}  ${place}  since ${g.createdAt.toISOString()}`);
    }
    return 0;
  }
  if (sub === 'revoke' && rest[0]) {
    const grant = await db.staffGrant.findUnique({ where: { id: rest[0] } });
    if (!grant) {
      out(`No staff grant ${rest[0]}. See: npm run cli -- staff list`);
      return 2;
    }
    await db.$transaction(async (tx) => {
      await tx.staffGrant.delete({ where: { id: grant.id } });
      await tx.apiToken.updateMany({
        where: { userId: grant.userId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      await audit(tx, {
        actorId: null,
        action: 'grant.revoke',
        entity: 'StaffGrant',
        entityId: grant.id,
        details: { role: grant.role, areaCode: grant.areaCode },
      });
    });
    out(`Revoked: ${grant.role} of ${grant.areaCode}. The person's API tokens are revoked too.`);
    return 0;
  }
  out(STAFF_USAGE);
  return 2;
}
