import { OPERATOR } from '../core/scope.ts';
import type { Db } from '../db/client.ts';
import { labelGrant, revoke, type LabelRefusal, type RevokeRefusal } from '../features/staff/actions.ts';
import { LABEL_MAX, LABEL_MIN, staffLabelSchema } from '../features/staff/labels.ts';
import { inScope, type ScopeDeps } from '../pipeline/run-scope.ts';
import { flags } from './flags.ts';
import { vietnamTime } from './time.ts';

export const STAFF_USAGE =
  'usage: staff list [--area <code>] | staff label <grant id> <display label> | staff revoke <grant id>';

export interface StaffCommandDeps {
  db: Db;
  /** What `revoke` runs with; loaded only when needed (listing needs no data key). */
  scope: ScopeDeps;
}

const refusal: Record<RevokeRefusal | LabelRefusal, (grantId: string) => string> = {
  'not-found': (id) => `No staff grant ${id}. See: npm run cli -- staff list`,
  'not-admin': () => 'Only an admin may revoke roles.',
};

/**
 * `staff list`: who holds which role where (grant ids, roles, areas, display labels, since; never
 * names from the messengers or platform ids). `staff label <id> <label>`: sets how colleagues see
 * the person. `staff revoke <id>`: takes a role away (an officer who left the station), audited.
 */
export async function staffCommand(
  args: string[],
  deps: StaffCommandDeps,
  out: (line: string) => void,
): Promise<number> {
  const [sub, grantId, ...words] = args;
  if (sub === 'list') {
    const { area } = flags(args.slice(1));
    const grants = await deps.db.staffGrant.findMany({
      where: area ? { OR: [{ areaCode: area }, { area: { parentCode: area } }] } : {},
      include: { area: { include: { parent: true } } },
      orderBy: [{ areaCode: 'asc' }, { createdAt: 'asc' }],
    });
    if (!grants.length) out('No staff.');
    for (const g of grants) {
      const place = g.area.parent ? `${g.area.name}, ${g.area.parent.name}` : g.area.name;
      const label = g.label ? `"${g.label}"` : '(no label)';
      out(`${g.id}  ${g.role.padEnd(7)}  ${g.areaCode}  ${place}  ${label}  since ${vietnamTime(g.createdAt)}`);
    }
    return 0;
  }
  if (sub === 'label' && grantId) {
    const label = staffLabelSchema.safeParse(words.join(' '));
    if (!label.success) {
      out(`A display label has ${LABEL_MIN}–${LABEL_MAX} characters, e.g. "Đại uý Nguyễn Văn A".`);
      out(STAFF_USAGE);
      return 2;
    }
    const { result } = await inScope(deps.scope, (scope) => labelGrant(scope, OPERATOR, grantId, label.data));
    if (!result.ok) {
      out(refusal[result.reason](grantId));
      return 2;
    }
    out(`Labelled: ${result.grant.role} of ${result.grant.areaCode} is now "${result.grant.label}".`);
    return 0;
  }
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
