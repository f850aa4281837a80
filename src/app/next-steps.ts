import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

/** What a newcomer does after the first start: where to chat, how to sign in to the console, how to connect the messengers. */
export function logNextSteps(log: Logger, config: Config, url: string): void {
  const base = config.PUBLIC_URL ?? url.replace('127.0.0.1', 'localhost');
  log.info(`next: chat with the bot in a browser at ${base}/chat`);
  log.info('next: an officer sign-in link for the web console (10 minutes): npm run cli -- console-link --admin');
  if (!config.TELEGRAM_BOT_TOKEN)
    log.info(
      'next: Telegram: set TELEGRAM_BOT_TOKEN (from @BotFather), TELEGRAM_WEBHOOK_SECRET and PUBLIC_URL, or UPDATES_MODE=polling, then restart',
    );
  if (!config.ZALO_BOT_TOKEN)
    log.info('next: Zalo: set ZALO_BOT_TOKEN and ZALO_WEBHOOK_SECRET (and PUBLIC_URL), then restart; README "Zalo"');
}
