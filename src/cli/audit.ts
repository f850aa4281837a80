import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { auditEntries } from '../features/staff/audit.ts';
import { flags } from './flags.ts';
import { vietnamTime } from './time.ts';

export const AUDIT_USAGE =
  'usage: audit [--area <code>] [--person <user or grant id>] [--kind <action prefix, e.g. tip. or invite>] [--limit 50]';

const optionsSchema = z.object({
  area: z
    .string()
    .regex(/^\d{1,8}$/, 'must be an area code, e.g. 01 or 26734')
    .optional(),
  person: z.string().min(1).optional(),
  kind: z
    .string()
    .regex(/^[a-z_.]+$/, 'must be the start of an action, e.g. tip. or invite')
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});

/**
 * `audit`: the latest audit entries, newest first, filtered by area, person and kind.
 * Each line: when (Vietnam time), what, on which record, by whom (a user id or the
 * operator), the area and the entry's details; audited details hold no personal data.
 */
export async function auditCommand(args: string[], db: Db, out: (line: string) => void): Promise<number> {
  const parsed = optionsSchema.safeParse(flags(args));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) out(`--${String(issue.path[0])}: ${issue.message}`);
    out(AUDIT_USAGE);
    return 2;
  }
  const { area, person, kind, limit } = parsed.data;
  // A grant id (as `staff list` shows them) stands for the person holding it.
  const grant = person ? await db.staffGrant.findUnique({ where: { id: person }, select: { userId: true } }) : null;
  const rows = await auditEntries(db, { areaCode: area, userId: grant?.userId ?? person, actionPrefix: kind, limit });
  if (!rows.length) out('No audit entries.');
  for (const r of rows) {
    const on = r.entityId ? `${r.entity} ${r.entityId}` : r.entity;
    const details = r.details === null ? '' : `  ${JSON.stringify(r.details)}`;
    out(`${vietnamTime(r.at)}  ${r.action}  ${on}  by ${r.actorId ?? 'operator'}  area ${r.areaCode ?? '-'}${details}`);
  }
  return 0;
}
