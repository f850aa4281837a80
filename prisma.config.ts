import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The Prisma CLI wants to download a native schema engine before `generate`,
// which this offline build cannot do and `generate` never uses: point it at a stub.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve('scripts/schema-engine-stub.sh');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/antq' },
});
