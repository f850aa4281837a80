import { queueBackendOf } from '../../src/config.ts';
import { ENCRYPTION_KEY, type Harness } from './harness.ts';
import { spawnService } from './process.ts';

/**
 * Options of a test that starts CLI processes: each start compiles the CLI with tsx, which takes seconds
 * on a loaded machine, so the default 30 s is too tight for a test that starts several of them.
 */
export const CLI_TEST = { timeout: 90_000 };

/** `npm run cli -- …` as the operator runs it, against the harness's database and Redis: exit code and output. */
export async function runCli(h: Harness, args: string[], env: Record<string, string> = {}) {
  const run = spawnService(
    {
      DATABASE_URL: h.config.DATABASE_URL,
      DATA_ENCRYPTION_KEY: ENCRYPTION_KEY,
      QUEUE_BACKEND: queueBackendOf(h.config),
      ...(h.config.REDIS_URL && { REDIS_URL: h.config.REDIS_URL }),
      REDIS_PREFIX: h.config.REDIS_PREFIX,
      ...env,
    },
    args,
    'src/cli/index.ts',
  );
  const code = await run.exited;
  return { code, out: run.output() };
}
