import { OPERATOR } from '../core/scope.ts';
import type { Db } from '../db/client.ts';
import { revoke, type RevokeRefusal } from '../features/staff/actions.ts';
import { inScope, type ScopeDeps } from '../pipeline/run-scope.ts';

export const STAFF_USAGE = 'usage: staff list [--area <code>] | staff revoke <grant id>';

export interface StaffCommandDeps {
  db: Db;
  /** What `revoke` runs with; loaded only when needed (listing needs no data key). */
  scope: ScopeDeps;
}

const refusal: Record<RevokeRefusal, (grantId: string) => string> = {
  'not-found': (id) => `No staff grant ${id}. See: npm run cli -- staff list`,
  'not-admin': () => 'Only an admin may revoke roles.',
};

/**
 * `staff list`: who holds which role where (grant ids, roles, areas, since; never names or platform ids).
 * `staff revoke <id>`: takes a role away (an officer who left the station), audited.
 */
export async function staffCommand(
  args: string[],
  deps: StaffCommandDeps,
  out: (line: string) => void,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const area = rest[0] === '--area' ? rest[1] : undefined;
    const grants = await deps.db.staffGrant.findMany({
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
  const grantId = rest[0];
  if (sub === 'revoke' && grantId) {
    const { result } = await inScope(deps.scope, (scope) => revoke(scope, OPERATOR, grantId));
    if (!result.ok) {
      out(refusal[result.reason](grantId));
      return 2;
    }
    out(`Revoked: ${result.grant.role} of ${result.grant.areaCode}. The person's API tokens are revoked too.`);
    return 0;
  }
  out(STAFF_USAGE);
  return 2;
}
