import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync, existsSync } from 'node:fs';
import path from 'node:path';

/*
 * The embedded database's folder: its PostgreSQL files, the lock that keeps a second process out (two
 * processes on one folder silently lose rows) and, when none is configured, the generated data key.
 */

export const LOCK_FILE = 'service.lock';
export const KEY_FILE = 'data-encryption.key';
/** Where the service answers the CLI while it holds the folder (see src/cli/control.ts). */
export const CONTROL_SOCKET = 'cli.sock';

/** As config.ts's DATA_DIR default: read here before the configuration is. */
export const DEFAULT_DATA_DIR = './data';

export const pgDataOf = (dir: string) => path.join(dir, 'pgdata');

export function ensureDataFolder(dir: string): string {
  const abs = path.resolve(dir);
  mkdirSync(abs, { recursive: true, mode: 0o700 });
  return abs;
}

export class DataFolderLocked extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dir} is in use by process ${pid} (another "npm start"?): only one process may open it. ` +
        `Stop that process first, or give this one its own folder with DATA_DIR. ` +
        `(If no such process runs, delete ${path.join(dir, LOCK_FILE)}.)`,
    );
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid holding the folder's lock, when it is a live process other than this one. */
export function lockHolder(dir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim());
  } catch {
    return undefined;
  }
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : undefined;
}

/**
 * Takes the folder for this process, or throws DataFolderLocked naming the live holder. A lock left by a
 * dead process (or by this pid before a restart, as in a container) is taken over. Returns the release.
 */
export function lockDataFolder(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw err;
      const holder = lockHolder(dir);
      if (holder !== undefined) throw new DataFolderLocked(dir, holder);
      unlinkSync(file); // stale: its process is gone
    }
  }
  const release = () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return () => {
    process.off('exit', release);
    release();
  };
}

/**
 * The data key kept in the folder (made on first use, readable by its owner only), for a start with no
 * DATA_ENCRYPTION_KEY. `created` says this call made it: the operator must back it up, since without it
 * the sealed data cannot be read.
 */
export function folderDataKey(dir: string): { key: string; file: string; created: boolean } {
  const file = path.join(dir, KEY_FILE);
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), file, created: false };
  const key = randomBytes(32).toString('hex');
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    // Another process made it a moment ago: theirs is the key.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return folderDataKey(dir);
    throw err;
  }
  writeSync(fd, `${key}\n`);
  closeSync(fd);
  return { key, file, created: true };
}

/**
 * For a start on the embedded database with no DATA_ENCRYPTION_KEY: the folder's key, put into `env`
 * (where the configuration, the CLI's commands included, read it). Not in production, where a missing key
 * must stop the start. `create: false` (the CLI) only reads a key the service made: a key of the CLI's own would
 * seal data the service, started with another key, could not read. Returns the key file, and whether it was made now.
 */
export function provideFolderDataKey(
  env: NodeJS.ProcessEnv,
  opts: { create: boolean } = { create: true },
): { file: string; created: boolean } | undefined {
  if (env.DATABASE_URL?.trim() || env.DATA_ENCRYPTION_KEY?.trim() || env.NODE_ENV === 'production') return undefined;
  const dir = ensureDataFolder(env.DATA_DIR?.trim() || DEFAULT_DATA_DIR);
  if (!opts.create && !existsSync(path.join(dir, KEY_FILE))) return undefined;
  const { key, file, created } = folderDataKey(dir);
  env.DATA_ENCRYPTION_KEY = key;
  return { file, created };
}
