import path from 'node:path';
import { ConfigError, loadDatabaseConfig } from '../config.ts';
import { applyMigrations, createMigration } from './migrate.ts';

const USAGE = 'usage: migrate-cli.ts deploy | dev <name: a-z 0-9 _>';

async function main([command, name]: string[]): Promise<number> {
  const { DATABASE_URL } = loadDatabaseConfig();
  if (command === 'deploy') {
    const applied = await applyMigrations(DATABASE_URL);
    console.log(applied.length ? applied.map((m) => `Applied ${m}`).join('\n') : 'No pending migrations.');
    return 0;
  }
  if (command === 'dev' && name && /^[a-z0-9_]+$/.test(name)) {
    const dir = await createMigration(DATABASE_URL, name);
    console.log(
      dir ? `Wrote ${path.relative(process.cwd(), dir)}/migration.sql` : 'Schema unchanged, no migration written.',
    );
    return 0;
  }
  console.error(USAGE);
  return 2;
}

// The WASM engine can leave timers behind: exit explicitly.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(
      err instanceof ConfigError
        ? err.message
        : `Migration failed: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  },
);
