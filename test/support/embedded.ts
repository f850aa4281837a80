import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { spawnService, waitForHttp, type ServiceProcess } from './process.ts';

/*
 * The service in embedded mode as `npm start` runs it with nothing configured (no DATABASE_URL, REDIS_URL or
 * DATA_ENCRYPTION_KEY): its database, queues and key in `env.DATA_DIR`, listening on 127.0.0.1:`env.PORT`.
 */

/** Starts the service; resolves once `/readyz` answers (a first start creates the database: up to a minute). */
export async function startEmbedded(env: Record<string, string>): Promise<ServiceProcess> {
  const proc = spawnService(env);
  try {
    await waitForHttp(`http://127.0.0.1:${env.PORT}/readyz`, 60_000);
  } catch (err) {
    proc.child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${proc.output().slice(-5000)}`);
  }
  return proc;
}

/** `npm run cli -- …` on the same folder, a process of its own (while the service holds it, the service runs it). */
export async function cliOnFolder(
  env: Record<string, string>,
  args: string[],
): Promise<{ code: number | null; out: string }> {
  const run = spawnService({ DATA_DIR: env.DATA_DIR!, PORT: env.PORT! }, args, 'src/cli/index.ts');
  return { code: await run.exited, out: run.output() };
}

/** The TCP peers' ports of a process's sockets (Linux /proc): whom it is connected to. */
export function remotePorts(pid: number): number[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`)
      .map((fd) => {
        try {
          return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        } catch {
          return undefined;
        }
      })
      .filter(Boolean),
  );
  return ['tcp', 'tcp6'].flatMap((file) =>
    readFileSync(`/proc/${pid}/net/${file}`, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols.length > 9 && inodes.has(cols[9]!))
      .map((cols) => parseInt(cols[2]!.split(':')[1]!, 16)),
  );
}
