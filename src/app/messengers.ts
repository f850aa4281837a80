import { zaloOaSettings, type Config } from '../config.ts';
import type { Platform } from '../core/messages.ts';
import type { StaffRole } from '../generated/prisma/enums.ts';
import type { I18n } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { TelegramMessenger } from '../platforms/telegram/messenger.ts';
import type { Messenger } from '../platforms/types.ts';
import { ZaloMessenger } from '../platforms/zalo/messenger.ts';
import { ZaloOaMessenger } from '../platforms/zalo-oa/messenger.ts';
import { OaOAuth } from '../platforms/zalo-oa/oauth.ts';
import { OaTokens, type OaTokensOptions } from '../platforms/zalo-oa/tokens.ts';
import type { Pii } from '../security/pii.ts';
import { oaTokenChanged } from '../features/staff/oa-token.ts';
import { inTransaction, type ScopeDeps } from '../pipeline/run-scope.ts';
import type { Pacer } from '../queues/pacer.ts';

/** The messengers whose tokens are configured, each paced by its platform's shared budget. */
export function createMessengers(
  config: Config,
  commands: (roles: readonly StaffRole[]) => string[],
  i18n: I18n,
  log: Logger,
  pacers: Record<Exclude<Platform, 'web'>, Pacer>,
  /** The Zalo OA's token pair, when the OA is configured (see oaTokensOf). */
  oaTokens: OaTokens | undefined,
  metrics: Metrics,
): Messenger[] {
  const list: Messenger[] = [];
  const telegram = config.TELEGRAM_BOT_TOKEN
    ? new TelegramMessenger({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        webhookSecret: config.TELEGRAM_WEBHOOK_SECRET,
        commands,
        i18n,
        log,
        pacer: pacers.telegram,
      })
    : undefined;
  if (telegram) list.push(telegram);
  if (config.ZALO_BOT_TOKEN) {
    list.push(
      new ZaloMessenger({
        token: config.ZALO_BOT_TOKEN,
        apiRoot: config.ZALO_API_ROOT,
        webhookSecret: config.ZALO_WEBHOOK_SECRET,
        log,
        pacer: pacers.zalo,
      }),
    );
  }
  const oa = zaloOaSettings(config);
  if (oa && oaTokens) {
    list.push(
      new ZaloOaMessenger({
        apiRoot: config.ZALO_OA_API_ROOT,
        secrets: oa,
        tokens: oaTokens,
        log,
        pacer: pacers.zalo_oa,
        quotaRetryMs: config.ZALO_OA_QUOTA_RETRY_SECONDS * 1000,
        onQuota: ({ type, remain, total }) => {
          metrics.oaQuotaRemaining.set({ quota_type: type }, remain);
          metrics.oaQuotaTotal.set({ quota_type: type }, total);
        },
        // Photos in PhotoRef by file id are Telegram's (the others come as URLs): an officer's, for an OA citizen.
        ...(telegram && { fetchFile: (fileId: string) => telegram.fetchFile(fileId) }),
        ...(config.ZALO_OA_FORM_IMAGE_URL && { contactFormImage: config.ZALO_OA_FORM_IMAGE_URL }),
      }),
    );
  }
  return list;
}

/**
 * The Zalo OA's token pair in PostgreSQL, when the OA is configured: shared by the service's processes and
 * the operator's `zalo-oa` commands.
 */
export function oaTokensOf(
  config: Pick<
    Config,
    'ZALO_OA_APP_ID' | 'ZALO_OA_SECRET_KEY' | 'ZALO_APP_SECRET' | 'ZALO_OAUTH_ROOT' | 'ZALO_OA_REFRESH_TOKEN'
  >,
  deps: ScopeDeps & { pii: Pii; log?: Logger },
  onRefreshFailed?: OaTokensOptions['onRefreshFailed'],
): OaTokens | undefined {
  const oa = zaloOaSettings(config);
  if (!oa) return undefined;
  const oauth = new OaOAuth({ appId: oa.appId, appSecret: oa.appSecret, root: config.ZALO_OAUTH_ROOT });
  return new OaTokens({
    db: deps.db,
    pii: deps.pii,
    ...(onRefreshFailed && { onRefreshFailed }),
    // Admins learn of it with the change itself; the sweeper sends their messages within seconds.
    onChange: async (tx, change) => {
      deps.log?.warn({ platform: 'zalo_oa', change: change.kind }, 'Zalo OA access token changed state');
      await inTransaction(tx, deps, (scope) => oaTokenChanged(scope, change));
    },
    onChangeFailed: (err) => deps.log?.error({ err, platform: 'zalo_oa' }, 'telling the admins of the OA token failed'),
    oauth,
    appId: oa.appId,
    ...(config.ZALO_OA_REFRESH_TOKEN && { initialRefreshToken: config.ZALO_OA_REFRESH_TOKEN }),
  });
}

/** Deep links and QR codes in replies name the bot: configured, or asked of Telegram once. */
export async function botUsername(
  config: Config,
  messengers: ReadonlyMap<Platform, Messenger>,
  log: Logger,
): Promise<string | undefined> {
  if (config.TELEGRAM_BOT_USERNAME) return config.TELEGRAM_BOT_USERNAME;
  const telegram = messengers.get('telegram');
  if (!(telegram instanceof TelegramMessenger)) return undefined;
  return telegram.bot.api.getMe().then(
    (me) => me.username,
    (err) => void log.warn({ err }, 'telegram getMe failed: join links show the code only'),
  );
}
