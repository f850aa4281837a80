import { z } from 'zod';
import { DEFAULT_DATA_DIR } from './db/embedded/data-folder.ts';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const urlString = z.url({ protocol: /^https?$/ }).transform((v) => v.replace(/\/+$/, ''));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Seconds a client has to send its request headers. */
  HTTP_HEADERS_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(10),
  /** Seconds a client has to send a whole request, headers and body; a slower one is cut off. */
  HTTP_REQUEST_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(15),
  /** Seconds a connection may stay silent, within a request or between two (keep-alive). */
  HTTP_IDLE_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(15),
  /** Largest webhook body, in KiB (other routes take no body). */
  WEBHOOK_BODY_LIMIT_KIB: z.coerce.number().int().min(16).max(10_240).default(256),
  /** When set, /metrics answers only `Authorization: Bearer <token>`. */
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').max(256).optional()),
  /** When set, /metrics is served on this port (of METRICS_HOST) only, not on PORT. */
  METRICS_PORT: optionalString.pipe(z.coerce.number<string>().int().min(0).max(65535).optional()),
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** Unset: the embedded PostgreSQL (PGlite) in this process, its files in DATA_DIR. */
  DATABASE_URL: optionalString.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' }).optional(),
  ),
  /** The embedded database's folder (when DATABASE_URL is unset): its files, its lock, a generated data key. */
  DATA_DIR: z.string().trim().min(1).default(DEFAULT_DATA_DIR),
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional()),
  /**
   * Where the queues, pacing and chat leases live: `redis`, or `postgres` (the database alone, no Redis; the
   * embedded one too). Unset: redis when REDIS_URL is set, postgres otherwise.
   */
  QUEUE_BACKEND: optionalString.pipe(z.enum(['redis', 'postgres']).optional()),
  /** Keeps this deployment's queues and locks apart from others on the same Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .default('antq'),
  TELEGRAM_BOT_TOKEN: optionalString.pipe(
    z
      .string()
      .regex(/^\d+:[A-Za-z0-9_-]+$/, 'must look like 123456:ABC-def')
      .optional(),
  ),
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1-256 characters of A-Z a-z 0-9 _ -')
      .optional(),
  ),
  TELEGRAM_API_ROOT: urlString.default('https://api.telegram.org'),
  ZALO_BOT_TOKEN: optionalString,
  ZALO_WEBHOOK_SECRET: optionalString.pipe(z.string().min(8, 'must be 8-256 characters').max(256).optional()),
  ZALO_API_ROOT: urlString.default('https://bot-api.zaloplatforms.com'),
  /** The Zalo Official Account: on when the app id, OA secret key and app secret are all set. */
  ZALO_OA_APP_ID: optionalString,
  /** The OA Secret Key: signs the OA's webhook posts. */
  ZALO_OA_SECRET_KEY: optionalString,
  /** The developer app's secret: OAuth token calls. */
  ZALO_APP_SECRET: optionalString,
  ZALO_OA_API_ROOT: urlString.default('https://openapi.zalo.me'),
  ZALO_OAUTH_ROOT: urlString.default('https://oauth.zaloapp.com'),
  /** A refresh token to start from, used once while no token pair is stored. */
  ZALO_OA_REFRESH_TOKEN: optionalString,
  /** The image Zalo shows on the OA's contact form (request_user_info); unset: the phone number is typed only. */
  ZALO_OA_FORM_IMAGE_URL: optionalString.pipe(urlString.optional()),
  /**
   * Hours after a person's last message, press or follow within which the OA may still write to them (Zalo
   * documents 7 days; unverified). Later messages are kept for the person's next message.
   */
  ZALO_OA_WINDOW_HOURS: z.coerce.number().positive().max(8760).default(168),
  /** Where `zalo-oa connect` keeps its PKCE verifier (sealed with the data key) between its two steps. */
  ZALO_OA_CONNECT_FILE: z.string().min(1).default('.zalo-oa-connect.json'),
  PUBLIC_URL: optionalString.pipe(urlString.optional()),
  /** The console's inbox shows a tip in red once it waited this long unacknowledged: "urgent:15,normal:1440". */
  CONSOLE_AGE_RED_MINUTES: z
    .string()
    .regex(/^\s*(urgent|normal)\s*:\s*\d+\s*(,\s*(urgent|normal)\s*:\s*\d+\s*)?$/, 'must be like urgent:15,normal:1440')
    .default('urgent:15,normal:1440')
    .transform(parseAgeThresholds),
  /** The map's tile server, `{z}/{x}/{y}` (and `{s}`) filled in by the page; `none` for no background. */
  CONSOLE_TILE_URL: z
    .string()
    .trim()
    .refine(
      (v) => v === 'none' || (/^https?:\/\/[^/]+\//.test(v) && ['{z}', '{x}', '{y}'].every((p) => v.includes(p))),
      {
        message: 'must be none or an http(s) address with {z}, {x} and {y}',
      },
    )
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  /** The tile server's credit line, shown on the map (OpenStreetMap's licence asks for it). */
  CONSOLE_TILE_ATTRIBUTION: z.string().trim().max(300).default('© OpenStreetMap contributors'),
  /**
   * Sites that may embed the web chat (`/chat/widget.js`), as origins separated by commas
   * ("https://xa-hungmy.gov.vn,https://www.example.vn"); none: /chat works on its own page only.
   */
  WEBCHAT_ORIGINS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const origins = v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      for (const o of origins)
        if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(o))
          ctx.addIssue({ code: 'custom', message: `not an origin (scheme://host[:port]): ${o.slice(0, 80)}` });
      return origins;
    }),
  /** Messages, presses and photos one web chat device may send per minute; more get the slow-down message (429). */
  WEBCHAT_DEVICE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** The same from one IP address, all its devices together (a school's or an office's shared address counts once). */
  WEBCHAT_IP_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  /** Largest photo a web chat upload takes, in KiB (JPEG, PNG or WebP). */
  WEBCHAT_PHOTO_MAX_KIB: z.coerce.number().int().min(16).max(20_480).default(5120),
  UPDATES_MODE: z.enum(['webhook', 'polling']).default('webhook'),
  DEFAULT_LOCALE: z.enum(['vi', 'en']).default('vi'),
  DATA_ENCRYPTION_KEY: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'is required (with NODE_ENV=production or a DATABASE_URL; generate one: openssl rand -hex 32)'
          : undefined,
    })
    .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be 32 bytes as 64 hex characters or base64'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Apply pending migrations when the service starts. */
  MIGRATE_ON_START: z.stringbool().default(true),
  /** PostgreSQL cancels a statement running longer than this (ms). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  /** The client gives up on a query whose answer has not come back in this time (ms) and drops the connection. */
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(20_000),
  /** PostgreSQL ends a session left idle inside a transaction this long (ms), releasing its locks. */
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** TCP keepalive probes start after this much silence on a database connection (ms). */
  DB_KEEPALIVE_DELAY_MS: z.coerce.number().int().min(1000).max(3_600_000).default(10_000),
  /** The pool is replaced once it has answered no trivial query for this long while a new connection works (s). */
  DB_WEDGED_SECONDS: z.coerce.number().min(1).max(3600).default(10),
  /** /healthz fails once the process has made no progress for this long (s). */
  HEALTH_STALL_SECONDS: z.coerce.number().min(1).max(3600).default(60),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(32),
  /** New tips one person may file per hour (a person flagged as spam: one a day). */
  TIPS_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(5),
  /** Follow-ups a reporter may add to one tip per hour; more are refused, not stored. */
  FOLLOWUPS_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(10),
  /** Follow-ups within this many seconds of one passed on reach the officers as one notice (0: each at once). */
  FOLLOWUP_BATCH_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Messages one chat may send per minute before the bot asks it to slow down (staff are exempt). */
  FLOOD_PER_MINUTE: z.coerce.number().int().min(5).max(10000).default(30),
  /** Messages per second to Telegram in any sliding second, all chats together (0: no pacing). */
  TELEGRAM_RATE: z.coerce.number().int().min(0).max(100000).default(30),
  /** Zalo publishes no limit: messages per second in any sliding second (0: no pacing). */
  ZALO_RATE: z.coerce.number().int().min(0).max(100000).default(20),
  /** OA messages per second in any sliding second (0: no pacing); 20 is an unverified figure. */
  ZALO_OA_RATE: z.coerce.number().int().min(0).max(100000).default(20),
  /** After -211 (the OA's quota spent) no OA send is tried for this long. */
  ZALO_OA_QUOTA_RETRY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  /** Broadcast messages one worker sends at once per platform; also the bound on duplicates after a crash. */
  BROADCAST_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** How often the reconciler checks broadcasts against their queues, in seconds. */
  BROADCAST_RECONCILE_SECONDS: z.coerce.number().min(0.2).max(3600).default(10),
  /** Festival reminders, before the start: e.g. "7d,1d,2h" (units d, h, m, s). */
  FESTIVAL_REMINDERS: z
    .string()
    .regex(/^\s*\d+[dhms](\s*,\s*\d+[dhms])*\s*$/, 'must be a list like 7d,1d,2h (units d, h, m, s)')
    .default('7d,1d,2h')
    .transform(parseOffsets),
  /** The bot's @username for deep links and QR codes; asked of Telegram (getMe) at start when unset. */
  TELEGRAM_BOT_USERNAME: optionalString.pipe(
    z
      .string()
      .regex(/^@?[A-Za-z0-9_]{5,32}$/, 'must be a Telegram bot username')
      .transform((v) => v.replace(/^@/, ''))
      .optional(),
  ),
});

/** "urgent:15,normal:1440" → minutes per urgency; one left out keeps its default. */
function parseAgeThresholds(text: string): { urgent: number; normal: number } {
  const given = Object.fromEntries(
    text.split(',').map((part) => part.split(':').map((v) => v.trim()) as [string, string]),
  );
  return { urgent: Number(given.urgent ?? 15), normal: Number(given.normal ?? 1440) };
}

const UNIT_SECONDS = { d: 86_400, h: 3600, m: 60, s: 1 } as const;

/** "7d,1d,2h" → [604800, 86400, 7200]: distinct, longest first. */
function parseOffsets(text: string): number[] {
  const seconds = text.split(',').map((part) => {
    const [, n, unit] = /(\d+)([dhms])/.exec(part.trim())!;
    return Number(n) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS];
  });
  return [...new Set(seconds)].filter((s) => s > 0).sort((a, b) => b - a);
}

/** What turns the OA on: all of them, or none. */
const OA_KEYS = ['ZALO_OA_APP_ID', 'ZALO_OA_SECRET_KEY', 'ZALO_APP_SECRET'] as const;

/** The OA's settings when it is configured. */
export function zaloOaSettings(c: Pick<Config, (typeof OA_KEYS)[number]>) {
  const { ZALO_OA_APP_ID: appId, ZALO_OA_SECRET_KEY: oaSecretKey, ZALO_APP_SECRET: appSecret } = c;
  return appId && oaSecretKey && appSecret ? { appId, oaSecretKey, appSecret } : undefined;
}

/** With Redis chosen but no REDIS_URL, the local default of earlier versions. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export type QueueBackendKind = 'redis' | 'postgres';

/** QUEUE_BACKEND, or what its absence means: Redis when REDIS_URL is set, PostgreSQL alone otherwise. */
export function queueBackendOf(c: { QUEUE_BACKEND?: QueueBackendKind; REDIS_URL?: string }): QueueBackendKind {
  return c.QUEUE_BACKEND ?? (c.REDIS_URL ? 'redis' : 'postgres');
}

export const configSchema = envSchema.superRefine((c, ctx) => {
  const missing = OA_KEYS.filter((k) => !c[k]);
  if (missing.length && missing.length < OA_KEYS.length)
    for (const key of missing)
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `is required with ${OA_KEYS.filter((k) => c[k]).join(' and ')} (the Zalo OA needs all of ${OA_KEYS.join(', ')})`,
      });
  if (c.HTTP_HEADERS_TIMEOUT_SECONDS > c.HTTP_REQUEST_TIMEOUT_SECONDS)
    ctx.addIssue({
      code: 'custom',
      path: ['HTTP_HEADERS_TIMEOUT_SECONDS'],
      message: 'must not exceed HTTP_REQUEST_TIMEOUT_SECONDS',
    });
  if (c.UPDATES_MODE === 'webhook') {
    if (c.TELEGRAM_BOT_TOKEN && !c.TELEGRAM_WEBHOOK_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'is required when TELEGRAM_BOT_TOKEN is set in webhook mode',
      });
    if (c.ZALO_BOT_TOKEN && !c.ZALO_WEBHOOK_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['ZALO_WEBHOOK_SECRET'],
        message: 'is required when ZALO_BOT_TOKEN is set in webhook mode',
      });
  }
});

export type Config = z.infer<typeof configSchema>;

/** The limits features enforce, as configured. */
export type Policy = Pick<
  Config,
  | 'TIPS_PER_HOUR'
  | 'FOLLOWUPS_PER_HOUR'
  | 'FOLLOWUP_BATCH_SECONDS'
  | 'FLOOD_PER_MINUTE'
  | 'FESTIVAL_REMINDERS'
  | 'TELEGRAM_BOT_USERNAME'
  /** How long a platform with an interaction window lets the bot write after the person's last message. */
  | 'ZALO_OA_WINDOW_HOURS'
  /** Where links to our own pages (a tip's photos) point; none without it. */
  | 'PUBLIC_URL'
>;

/** What the HTTP server needs of the configuration. */
export type HttpSettings = Pick<
  Config,
  | 'HTTP_HEADERS_TIMEOUT_SECONDS'
  | 'HTTP_REQUEST_TIMEOUT_SECONDS'
  | 'HTTP_IDLE_TIMEOUT_SECONDS'
  | 'WEBHOOK_BODY_LIMIT_KIB'
  | 'METRICS_TOKEN'
  | 'METRICS_PORT'
>;

export class ConfigError extends Error {}

/** The DATA_ENCRYPTION_KEY written in .env.example: anyone who read it can read data sealed with it. */
export const EXAMPLE_DATA_ENCRYPTION_KEY = '0'.repeat(64);

export const usesExampleKey = (config: Pick<Config, 'DATA_ENCRYPTION_KEY'>) =>
  config.DATA_ENCRYPTION_KEY === EXAMPLE_DATA_ENCRYPTION_KEY;

export const EXAMPLE_KEY_WARNING =
  'DATA_ENCRYPTION_KEY is the example key from .env.example: fine for local development, never for real data ' +
  '(generate your own: openssl rand -hex 32)';

/** Parses the environment; the error names every offending variable and never echoes its value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnv(configSchema, env);
}

type EnvKey = keyof z.infer<typeof envSchema>;

/** Only some variables: what the admin CLI and migrations need (e.g. DATABASE_URL). */
export function loadConfigFields<const K extends EnvKey>(
  keys: readonly K[],
  env: NodeJS.ProcessEnv = process.env,
): Pick<Config, K> {
  const picked = envSchema.pick(Object.fromEntries(keys.map((k) => [k, true])) as Record<EnvKey, true>);
  return parseEnv(picked as unknown as z.ZodType<Pick<Config, K>>, env);
}

function parseEnv<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(env);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `  ${String(i.path[0] ?? '?')}: ${i.message}`);
  // In production the example key is refused outright, by the service and the CLI alike.
  const key = parsed.success ? (parsed.data as { DATA_ENCRYPTION_KEY?: string }).DATA_ENCRYPTION_KEY : undefined;
  if (env.NODE_ENV === 'production' && key === EXAMPLE_DATA_ENCRYPTION_KEY)
    lines.push(
      '  DATA_ENCRYPTION_KEY: is the example key from .env.example, refused with NODE_ENV=production; ' +
        'generate your own: openssl rand -hex 32',
    );
  if (parsed.success && !lines.length) return parsed.data;
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
