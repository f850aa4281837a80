import { ConfigError, loadDatabaseConfig } from '../config.ts';
import { createDb } from '../db/client.ts';
import { areasCommand } from './areas.ts';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  areas import            Import or refresh the 34 provinces, 3,321 communes/wards and old-name mappings (idempotent)
  areas search <text>     Find communes/wards by name, also by pre-2025 names ("hung my", "hoa my cai nuoc")

Environment: DATABASE_URL (required).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command !== 'areas') {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const { DATABASE_URL } = loadDatabaseConfig();
  const db = createDb(DATABASE_URL);
  try {
    return await areasCommand(args, db, (line) => console.log(line));
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(
      err instanceof ConfigError ? err.message : `Error: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  },
);
