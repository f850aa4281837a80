import { queueBackendOf } from '../../src/config.ts';
import { runCli as runCliCommand } from '../../src/cli/run.ts';
import { ENCRYPTION_KEY, type Harness } from './harness.ts';
import { spawnService } from './process.ts';

/**
 * Options of a test that starts CLI processes: each start compiles the CLI with tsx, which takes seconds
 * on a loaded machine, so the default 30 s is too tight for a test that starts several of them.
 */
export const CLI_TEST = { timeout: 90_000 };

/** The environment the operator's CLI gets against the harness's database and queues (Redis or PostgreSQL). */
export function cliEnv(h: Harness, env: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: h.config.DATABASE_URL,
    DATA_ENCRYPTION_KEY: ENCRYPTION_KEY,
    QUEUE_BACKEND: queueBackendOf(h.config),
    ...(h.config.REDIS_URL && { REDIS_URL: h.config.REDIS_URL }),
    REDIS_PREFIX: h.config.REDIS_PREFIX,
    ...env,
  };
}

/**
 * A CLI command as `npm run cli -- …` runs it (the same `runCli`, with only the given environment), in the
 * test's process: exit code and output, stdout and stderr interleaved as a terminal shows them. A separate
 * process costs seconds of tsx start per command; `runCliProcess` is the real thing, for the entry itself.
 */
export async function runCli(h: Harness, args: string[], env: Record<string, string> = {}) {
  return runCliWith(cliEnv(h, env), args);
}

/** `runCli` with an environment of the test's own making. */
export async function runCliWith(env: Record<string, string>, args: string[]) {
  const lines: string[] = [];
  const write = (line: string) => void lines.push(`${line}\n`);
  const code = await runCliCommand(args, { env, out: write, err: write });
  return { code, out: lines.join('') };
}

/** `npm run cli -- …` in a process of its own (node, tsx, src/cli/index.ts): exit code and output. */
export async function runCliProcess(h: Harness, args: string[], env: Record<string, string> = {}) {
  const run = spawnService(cliEnv(h, env), args, 'src/cli/index.ts');
  const code = await run.exited;
  return { code, out: run.output() };
}
