import type { Config } from '../config.ts';
import type { Platform } from '../core/messages.ts';
import type { StaffRole } from '../generated/prisma/enums.ts';
import type { I18n } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { TelegramMessenger } from '../platforms/telegram/messenger.ts';
import type { Messenger } from '../platforms/types.ts';
import { ZaloMessenger } from '../platforms/zalo/messenger.ts';
import type { Pacer } from '../queues/pacer.ts';

/** The messengers whose tokens are configured, each paced by its platform's shared budget. */
export function createMessengers(
  config: Config,
  commands: (roles: readonly StaffRole[]) => string[],
  i18n: I18n,
  log: Logger,
  pacers: Record<Platform, Pacer>,
): Messenger[] {
  const list: Messenger[] = [];
  if (config.TELEGRAM_BOT_TOKEN) {
    list.push(
      new TelegramMessenger({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        webhookSecret: config.TELEGRAM_WEBHOOK_SECRET,
        commands,
        i18n,
        log,
        pacer: pacers.telegram,
      }),
    );
  }
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
  return list;
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
