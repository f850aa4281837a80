import { Lifecycle } from './app/lifecycle.ts';
import { openInfrastructure } from './app/infrastructure.ts';
import { startWeb } from './app/web.ts';
import { startWorkers } from './app/workers.ts';
import { logNextSteps } from './app/next-steps.ts';
import { serveCli } from './cli/control.ts';
import type { Config } from './config.ts';
import type { Feature } from './core/feature.ts';
import type { Db } from './db/client.ts';
import type { Wake } from './core/scope.ts';
import { features } from './features/index.ts';
import { createLogger, type Logger } from './logger.ts';

/** The CLI's commands, loaded at the first one asked for. */
const runCliCommand =
  (db: Db, wake: (what: Wake) => Promise<void>) => async (argv: string[], out: (line: string) => void) =>
    (await import('./cli/run.ts')).runCommand(argv, db, { env: process.env, out, err: out }, async () => {
      await Promise.all([wake('broadcasts'), wake('reminders')]);
    });

/** `all` runs everything in one process; `web` takes updates; `worker` handles them and sends. */
export type Role = 'all' | 'web' | 'worker';

export interface Service {
  /** Base URL of the HTTP server (webhooks in web roles; health and metrics in all). */
  url: string;
  db: Db;
  log: Logger;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /**
   * Features added after the product's own (tests: a route that fails on purpose). Their commands
   * have no description in the locales, so Telegram's command menu is not set up beside them.
   */
  extraFeatures?: Feature[];
}

/**
 * The composition root: infrastructure, then workers, then the web; stopped
 * in reverse (no new updates, then in-flight work finishes, then connections close).
 */
export async function startService(config: Config, role: Role = 'all', opts: ServiceOptions = {}): Promise<Service> {
  const log = createLogger(config.LOG_LEVEL, [
    config.TELEGRAM_BOT_TOKEN,
    config.TELEGRAM_WEBHOOK_SECRET,
    config.ZALO_BOT_TOKEN,
    config.ZALO_WEBHOOK_SECRET,
    config.ZALO_OA_SECRET_KEY,
    config.ZALO_APP_SECRET,
    config.ZALO_OA_REFRESH_TOKEN,
    config.DATA_ENCRYPTION_KEY,
  ]);
  const takesUpdates = role !== 'worker';
  const lifecycle = new Lifecycle();
  const stop = () => lifecycle.stop((part, err) => log.error({ err, part }, 'stopping failed'));
  try {
    const infra = await openInfrastructure(
      config,
      log,
      [...features, ...(opts.extraFeatures ?? [])],
      { migrate: config.MIGRATE_ON_START && takesUpdates },
      lifecycle,
    );
    if (role !== 'web') await startWorkers(infra, lifecycle);
    const url = await startWeb(infra, takesUpdates, lifecycle);
    const embedded = infra.database.embedded;
    if (embedded) {
      // The CLI cannot open the folder this process holds: it asks this process to run its commands.
      const stopCli = await serveCli(embedded.dir, runCliCommand(infra.db, infra.wake), log);
      lifecycle.started('cli socket', stopCli);
      if (embedded.created) logNextSteps(log, config, url);
    }
    return { url, db: infra.db, log, stop };
  } catch (err) {
    // A start that failed half-way closes what it had opened.
    await stop();
    throw err;
  }
}
