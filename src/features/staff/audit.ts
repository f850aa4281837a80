import type { Prisma } from '../../generated/prisma/client.ts';
import type { Tx } from '../../core/tx.ts';

export interface AuditEntry {
  /** The staff user's id; null for the operator's CLI. */
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string;
  details?: Prisma.InputJsonValue;
}

/** Records a staff action in the transaction that performs it: no action without its record. */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: entry });
}
