import { existsSync } from 'node:fs';
import { ConfigError, loadConfigFields } from '../config.ts';
import { createDb, type Db } from '../db/client.ts';
import { Pii } from '../security/pii.ts';
import { Redis } from 'ioredis';
import { I18n } from '../i18n/index.ts';
import { BroadcastQueue } from '../queues/broadcast-queue.ts';
import { areasCommand } from './areas.ts';
import { broadcastCommand } from './broadcast.ts';
import { inviteCommand } from './invite.ts';
import { staffCommand } from './staff.ts';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  areas import            Import or refresh the 34 provinces, 3,321 communes/wards and old-name mappings (idempotent)
  areas search <text>     Find communes/wards by name, also by pre-2025 names ("hung my", "hoa my cai nuoc")
  invite --role officer|leader|admin --area <code> [--days 7]
                          A one-time staff invite code for an area (and everything under it); the person sends /staff <code>
  staff list [--area <code>]
                          Staff roles by area (grant ids; no names or platform ids)
  staff revoke <grant id> Take a role away (and the person's API tokens)
  broadcast create (--area <code> | --all) --text <text> [--text-en <text>] [--photo-url <url>]
                   [--platform telegram|zalo] [--lang vi|en] [--at "19/08 07:30"] [--draft]
                          A notice to residents, sent now, at a time (Vietnam time) or kept as a draft
  broadcast send <id> [--at <time>] | list | status <id> | pause <id> | resume <id> | cancel <id>

Environment: DATABASE_URL (required); DATA_ENCRYPTION_KEY for invite; REDIS_URL, REDIS_PREFIX for broadcast.`;

type Command = (args: string[], db: Db) => Promise<number>;
const out = (line: string) => console.log(line);

const commands: Record<string, () => Command> = {
  areas: () => (args, db) => areasCommand(args, db, out),
  staff: () => (args, db) => staffCommand(args, db, out),
  invite: () => {
    const pii = new Pii(loadConfigFields(['DATA_ENCRYPTION_KEY']).DATA_ENCRYPTION_KEY);
    return (args, db) => inviteCommand(args, db, pii, out);
  },
  broadcast: () => {
    const { REDIS_URL, REDIS_PREFIX } = loadConfigFields(['REDIS_URL', 'REDIS_PREFIX']);
    return async (args, db) => {
      const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
      redis.on('error', () => undefined);
      const queue = new BroadcastQueue(redis, REDIS_PREFIX);
      const kick = async () => {
        await redis.connect();
        await queue.kick();
      };
      try {
        return await broadcastCommand(args, { db, i18n: new I18n(), kick, out });
      } finally {
        await queue.close().catch(() => undefined);
        redis.disconnect();
      }
    };
  },
};

async function main(argv: string[]): Promise<number> {
  // The same local .env the service reads.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const make = commands[command];
  if (!make) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const run = make();
  const { DATABASE_URL } = loadConfigFields(['DATABASE_URL']);
  const db = createDb(DATABASE_URL);
  try {
    return await run(args, db);
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
