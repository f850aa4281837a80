import path from 'node:path';
import { lockHolder, provideFolderDataKey } from '../db/embedded/data-folder.ts';
import { embeddedDb, openEmbedded } from '../db/embedded/open.ts';
import { applyMigrationsEmbedded } from '../db/migrate.ts';
import { runInService } from './control.ts';
import { ConfigError, EXAMPLE_KEY_WARNING, loadConfigFields, usesExampleKey } from '../config.ts';
import { createDb, type Db } from '../db/client.ts';
import { Pii } from '../security/pii.ts';
import { openQueueBackend, type QueueBackend } from '../queues/backend.ts';
import { createLogger } from '../logger.ts';
import { I18n } from '../i18n/index.ts';
import { Api } from 'grammy';
import { BroadcastQueue } from '../queues/broadcast-queue.ts';
import { ReminderQueue } from '../queues/reminder-queue.ts';
import { festivalCommand } from './festival.ts';
import { modelsCommand } from './models.ts';
import { areasCommand } from './areas.ts';
import { broadcastCommand } from './broadcast.ts';
import { auditCommand } from './audit.ts';
import { inviteCommand } from './invite.ts';
import { staffCommand } from './staff.ts';
import { zaloOaCommand } from './zalo-oa.ts';
import { oaTokensOf } from '../app/messengers.ts';
import { consoleLinkCommand } from './console-link.ts';
import { demoCommand } from './demo.ts';
import type { ScopeDeps } from '../pipeline/run-scope.ts';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  areas import            Import or refresh the 34 provinces, 3,321 communes/wards and old-name mappings (idempotent)
  areas search <text>     Find communes/wards by name, also by pre-2025 names ("hung my", "hoa my cai nuoc")
  invite --role officer|leader|admin --area <code> [--days 7]
                          A one-time staff invite code for an area (and everything under it); the person sends /staff <code>
  invite list [--area <code>]
                          Invites not yet used, revoked or expired: id, role, area, expiry, created (never the code)
  invite revoke <id>      Withdraw an unused invite: redeeming its code is refused
  staff list [--area <code>]
                          Staff roles by area: grant ids, areas, display labels (no names or platform ids)
  staff label <grant id> <display label>
                          Set how colleagues see the person in tip histories ("Đại uý Nguyễn Văn A")
  staff revoke <grant id> Take a role away (and the person's API tokens and console sessions)
  console-link --admin | --person <user id>
                          A one-time sign-in link to the web console (10 minutes): the operator (all areas)
                          or a staff member (their roles); staff get theirs with /web in chat
  audit [--area <code>] [--person <user or grant id>] [--kind <action prefix>] [--limit 50]
                          The latest audit entries, newest first (ids, codes and areas; no personal data)
  broadcast create (--area <code> | --all) --text <text> [--text-en <text>] [--photo-url <url>]
                   [--platform telegram|zalo] [--lang vi|en] [--at "19/08 07:30"] [--draft]
                          A notice to residents, sent now, at a time (Vietnam time) or kept as a draft
  broadcast send <id> [--at <time>] | list | status <id> | pause <id> | resume <id> | cancel <id>
  models create --area <code> --name <text> --kind camera|team|religious|club|other [--policy approval|open]
                [--description <text>]
                          A self-managed model residents join through chat (prints its join code)
  models list [--area <code>]
                          Every model with its review figures (members, joins, leaves, notices, tips; 90 days)
  models qr <id> [--out <file.png>]
                          A PNG QR code of the model's Telegram join link, for posters
  models leader <id> [--days 7]
                          A one-time invite that makes whoever redeems it the model's leader
  models retire <id> | reactivate <id>
  festival create --area <code> --title <text> --start "19/08 07:30" --end "11:30" --venue <text>
                  [--programme <text>] [--remind rsvp|area]
                          A festival day: announced to the area now, reminded automatically (FESTIVAL_REMINDERS)
  festival list | show <id> | cancel <id> | move <id> --start <time> --end <time>
  festival commend <id> --names "Nguyễn Văn A; Tổ tự quản ấp 3"
  demo [--area <code>]    Try it: a [Demo] officer (a console sign-in link is printed), model and festival in a
                          commune nobody uses yet (default Xã Hưng Mỹ, Cà Mau); run again: the same demo, a new link
  demo --remove           Deletes exactly what demo created
  zalo-oa connect [--redirect-uri <url>]
                          Step 1 of connecting the Zalo Official Account: prints the consent URL (PKCE)
  zalo-oa connect --code <code>
                          Step 2: exchanges the code Zalo's redirect carries and stores the token pair (encrypted)
  zalo-oa status          The OA token's state: expiry, last refresh failure, messages waiting (no tokens shown)

Times are printed in Vietnam time (+07).
Environment: DATABASE_URL (unset: the embedded database of DATA_DIR, default ./data; while the service runs
on it, the service runs the command); DATA_ENCRYPTION_KEY for invite, models leader, staff revoke, console-link,
demo and broadcast changes; PUBLIC_URL (else http://localhost:PORT) for console-link; QUEUE_BACKEND,
REDIS_URL, REDIS_PREFIX for broadcast and festival; TELEGRAM_BOT_USERNAME or TELEGRAM_BOT_TOKEN for models qr;
ZALO_OA_APP_ID, ZALO_OA_SECRET_KEY, ZALO_APP_SECRET, DATA_ENCRYPTION_KEY (and PUBLIC_URL, ZALO_OA_CONNECT_FILE)
for zalo-oa.`;

type Command = (args: string[], db: Db) => Promise<number>;
type Out = (line: string) => void;

/** Where a run of the CLI reads its settings and writes its lines: the process's own, a test's, or the service's socket. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: Out;
  err: Out;
}
/** Tells the workers of a change: broadcasts to start, reminders to schedule. */
type Kick = () => Promise<void>;

/**
 * What a use case run by the operator needs (through `inScope`): the texts, the configured limits and the
 * data key, read only when something is sealed or hashed, so commands that store nothing personal run without it.
 */
function operatorScope(db: Db, io: CliIo): ScopeDeps {
  const { DEFAULT_LOCALE, ...policy } = loadConfigFields(
    [
      'DEFAULT_LOCALE',
      'TIPS_PER_HOUR',
      'FOLLOWUPS_PER_HOUR',
      'FOLLOWUP_BATCH_SECONDS',
      'FLOOD_PER_MINUTE',
      'FESTIVAL_REMINDERS',
      'TELEGRAM_BOT_USERNAME',
      'ZALO_OA_WINDOW_HOURS',
    ],
    io.env,
  );
  return { db, pii: () => operatorPii(io), i18n: new I18n(DEFAULT_LOCALE), policy };
}

/** The data key, read when a command seals or hashes something. */
function operatorPii(io: CliIo): Pii {
  const key = loadConfigFields(['DATA_ENCRYPTION_KEY'], io.env);
  if (usesExampleKey(key)) io.err(`Warning: ${EXAMPLE_KEY_WARNING}.`);
  return new Pii(key.DATA_ENCRYPTION_KEY);
}

/** The commands, printing through `io.out` (the terminal, a test, or the CLI's socket when the service runs them). */
const commandsFor = (io: CliIo, wake?: Kick): Record<string, () => Command> => ({
  areas: () => (args, db) => areasCommand(args, db, io.out),
  staff: () => (args, db) => staffCommand(args, { db, scope: operatorScope(db, io) }, io.out),
  invite: () => (args, db) => inviteCommand(args, { db, scope: operatorScope(db, io) }, io.out),
  audit: () => (args, db) => auditCommand(args, db, io.out),
  'console-link': () => {
    const { PUBLIC_URL, PORT } = loadConfigFields(['PUBLIC_URL', 'PORT'], io.env);
    const baseUrl = PUBLIC_URL ?? `http://localhost:${PORT}`;
    return (args, db) => consoleLinkCommand(args, { db, pii: () => operatorPii(io), baseUrl }, io.out);
  },
  demo: () => {
    const { PUBLIC_URL, PORT } = loadConfigFields(['PUBLIC_URL', 'PORT'], io.env);
    const baseUrl = PUBLIC_URL ?? `http://localhost:${PORT}`;
    return (args, db) =>
      withKick(io, (kick) => demoCommand(args, { db, scope: operatorScope(db, io), kick, baseUrl, out: io.out }), wake);
  },
  broadcast: () => (args, db) => {
    const scope = operatorScope(db, io);
    return withKick(io, (kick) => broadcastCommand(args, { db, i18n: scope.i18n, scope, kick, out: io.out }), wake);
  },
  festival: () => (args, db) => {
    const scope = operatorScope(db, io);
    return withKick(io, (kick) => festivalCommand(args, { db, i18n: scope.i18n, scope, kick, out: io.out }), wake);
  },
  'zalo-oa': () => (args, db) => {
    const env = loadConfigFields(
      [
        'ZALO_OA_APP_ID',
        'ZALO_OA_SECRET_KEY',
        'ZALO_APP_SECRET',
        'ZALO_OAUTH_ROOT',
        'ZALO_OA_REFRESH_TOKEN',
        'ZALO_OA_CONNECT_FILE',
        'PUBLIC_URL',
      ],
      io.env,
    );
    const scope = operatorScope(db, io);
    const pii = typeof scope.pii === 'function' ? scope.pii() : scope.pii;
    // The operator's process is one more holder of the lock: a connect that ends a failure tells the admins.
    const tokens = oaTokensOf(env, { ...scope, pii });
    return zaloOaCommand(
      args,
      { db, pii, tokens, file: env.ZALO_OA_CONNECT_FILE, redirectUri: env.PUBLIC_URL },
      io.out,
    );
  },
  models: () => {
    const env = loadConfigFields(['TELEGRAM_BOT_USERNAME', 'TELEGRAM_BOT_TOKEN', 'TELEGRAM_API_ROOT'], io.env);
    const botUsername = async () =>
      env.TELEGRAM_BOT_USERNAME ??
      (env.TELEGRAM_BOT_TOKEN
        ? (await new Api(env.TELEGRAM_BOT_TOKEN, { apiRoot: env.TELEGRAM_API_ROOT }).getMe()).username
        : undefined);
    return (args, db) => modelsCommand(args, { db, scope: operatorScope(db, io), botUsername, out: io.out });
  },
});

/**
 * Runs a command that may wake the workers through the queues (broadcasts to send,
 * reminders to schedule); without them the workers find the change at their next pass.
 */
async function withKick(io: CliIo, run: (kick: Kick) => Promise<number>, wake?: Kick): Promise<number> {
  // The service running the command for the CLI wakes its own workers; see runEmbedded.
  if (wake) return run(wake);
  const config = loadConfigFields(
    ['DATABASE_URL', 'DB_STATEMENT_TIMEOUT_MS', 'QUEUE_BACKEND', 'REDIS_URL', 'REDIS_PREFIX'],
    io.env,
  );
  let opened: Promise<QueueBackend> | undefined;
  const kick = async () => {
    const queues = await (opened ??= openQueueBackend(config, createLogger('silent')));
    await queues.ready(5_000);
    const broadcasts = new BroadcastQueue(queues.producer);
    const reminders = new ReminderQueue(queues.producer);
    try {
      await Promise.all([broadcasts.kick(), reminders.requestSync()]);
    } finally {
      await Promise.all([broadcasts.close(), reminders.close()]).catch(() => undefined);
    }
  };
  try {
    return await run(kick);
  } finally {
    await (await opened?.catch(() => undefined))?.close();
  }
}

/** One command on a database: the CLI's own, or the service's when it runs a command for the CLI (control.ts). */
export async function runCommand(argv: string[], db: Db, io: CliIo, wake?: Kick): Promise<number> {
  const [command, ...args] = argv;
  const make = command ? commandsFor(io, wake)[command] : undefined;
  if (!make) {
    io.err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const run = make();
  return run(args, db);
}

/** One CLI command, start to end: its exit code (0 done, 1 failed, 2 refused or misused). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await runWhere(argv, io);
  } catch (err) {
    io.err(err instanceof ConfigError ? err.message : `Error: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

/** The command on the configured database, or on the embedded one (see runEmbedded). */
async function runWhere(argv: string[], io: CliIo): Promise<number> {
  const [command] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (!(command in commandsFor(io))) {
    io.err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const { DATABASE_URL } = loadConfigFields(['DATABASE_URL'], io.env);
  if (DATABASE_URL) {
    const db = createDb(DATABASE_URL);
    try {
      return await runCommand(argv, db, io);
    } finally {
      await db.$disconnect();
    }
  }
  return runEmbedded(argv, io);
}

/**
 * The embedded database: only one process may open its folder. While the service holds it, the service
 * runs the command (the CLI's socket in the folder); otherwise the CLI opens the folder itself.
 */
async function runEmbedded(argv: string[], io: CliIo): Promise<number> {
  provideFolderDataKey(io.env, { create: false });
  const { DATA_DIR } = loadConfigFields(['DATA_DIR'], io.env);
  const dir = path.resolve(DATA_DIR);
  if (lockHolder(dir) !== undefined) return runInService(dir, argv, io.out);
  const embedded = await openEmbedded(dir);
  const db = embeddedDb(embedded.pglite);
  try {
    await applyMigrationsEmbedded(embedded.pglite);
    // No service runs on the folder, so no worker to wake: the service finds the change when it starts.
    return await runCommand(argv, db, io, async () => undefined);
  } finally {
    await db.$disconnect();
    await embedded.close();
  }
}
