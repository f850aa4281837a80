import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type Db = PrismaClient;

export function createDb(databaseUrl: string, options: { max?: number } = {}): Db {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    // Fail fast when PostgreSQL is unreachable, so a webhook answers non-2xx
    // instead of hanging until the platform's own timeout.
    connectionTimeoutMillis: 3000,
  });
  return new PrismaClient({ adapter });
}
