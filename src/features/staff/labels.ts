import { z } from 'zod';
import type { Tx } from '../../core/tx.ts';
import { lineage } from './grants.ts';

export const LABEL_MIN = 2;
export const LABEL_MAX = 60;

/**
 * How colleagues name a staff member ("Đại uý Nguyễn Văn A"): one line, spaces
 * collapsed, 2–60 characters. It is shown to other officers, never to reporters.
 */
export const staffLabelSchema = z
  .string()
  .transform((s) => s.replace(/[\s\p{Cc}]+/gu, ' ').trim())
  .pipe(z.string().min(LABEL_MIN).max(LABEL_MAX))
  .brand<'StaffLabel'>();
export type StaffLabel = z.infer<typeof staffLabelSchema>;

/**
 * The label a staff member acts under on a tip of `areaCode`: that of their
 * grant over the tip's area (or above it), else any label they chose; null
 * when they chose none (or are not staff, e.g. the reporter).
 */
export async function labelOf(tx: Tx, userId: string, areaCode: string): Promise<string | null> {
  const grants = await tx.staffGrant.findMany({
    where: { userId, label: { not: null } },
    select: { areaCode: true, label: true },
    orderBy: { createdAt: 'asc' },
  });
  if (grants.length <= 1) return grants[0]?.label ?? null;
  const up = await lineage(tx, areaCode);
  return (grants.find((g) => up.includes(g.areaCode)) ?? grants[0]!).label;
}
