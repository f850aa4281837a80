import path from 'node:path';
import { ConfigError, loadConfigFields } from '../config.ts';
import { openEmbedded } from './embedded/open.ts';
import { applyMigrations, applyMigrationsEmbedded, createMigration } from './migrate.ts';

// `npm run db:migrate` (deploy) and `npm run db:migrate:dev <name>` (dev), offline: see migrate.ts.

const USAGE = 'usage: migrate-cli.ts deploy | dev <name>   (name: lower-case letters, digits and _)';

async function main([command, name, ...rest]: string[]): Promise<number> {
  const deploy = command === 'deploy' && name === undefined;
  const dev = command === 'dev' && name !== undefined && /^[a-z0-9_]+$/.test(name) && rest.length === 0;
  if (!deploy && !dev) {
    console.error(USAGE);
    return 1;
  }
  const { DATABASE_URL, DATA_DIR } = loadConfigFields(['DATABASE_URL', 'DATA_DIR']);
  if (!DATABASE_URL && dev) {
    console.error('db:migrate:dev needs a PostgreSQL server (DATABASE_URL): it diffs on a throwaway shadow database');
    return 1;
  }
  if (deploy) {
    const applied = DATABASE_URL ? await applyMigrations(DATABASE_URL) : await deployEmbedded(DATA_DIR);
    for (const migration of applied) console.log(`Applied ${migration}`);
    if (!applied.length) console.log('No pending migrations.');
  } else {
    const dir = await createMigration(DATABASE_URL!, name!);
    console.log(
      dir
        ? `Created ${path.relative(process.cwd(), path.join(dir, 'migration.sql'))}`
        : 'Schema unchanged, no migration written.',
    );
  }
  return 0;
}

/** The embedded database of DATA_DIR (refused while the service holds it: see data-folder.ts). */
async function deployEmbedded(dir: string): Promise<string[]> {
  const embedded = await openEmbedded(dir);
  try {
    return await applyMigrationsEmbedded(embedded.pglite);
  } finally {
    await embedded.close();
  }
}

// The WASM engine can leave timers pending, which would keep the process alive: exit explicitly.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(
      err instanceof ConfigError
        ? err.message
        : `Migration failed: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  },
);
