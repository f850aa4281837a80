import type { Prisma } from '../generated/prisma/client.ts';

/** What handlers write through: always the transaction of the update being handled. */
export type Tx = Prisma.TransactionClient;
