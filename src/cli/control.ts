import { chmodSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CONTROL_SOCKET } from '../db/embedded/data-folder.ts';
import type { Logger } from '../logger.ts';

/*
 * The CLI while the service holds the embedded database's folder: only one process may open it, so the
 * service runs the command for the CLI and sends back its output. A Unix socket in the folder, readable
 * by the folder's owner only: whoever may read the data may run the operator's commands, no one else.
 */

type Run = (argv: string[], out: (line: string) => void) => Promise<number>;
type Message = { out: string } | { exit: number };

export async function serveCli(dir: string, run: Run, log: Logger): Promise<() => Promise<void>> {
  const file = path.join(dir, CONTROL_SOCKET);
  try {
    unlinkSync(file); // left by a process that died: the folder's lock is ours now
  } catch {
    // none
  }
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    const send = (m: Message) => socket.writable && socket.write(`${JSON.stringify(m)}\n`);
    const lines = createInterface({ input: socket });
    lines.on('error', () => undefined); // a CLI that went away mid-command
    lines.once('line', (line) => {
      let argv: string[];
      try {
        argv = (JSON.parse(line) as { argv: string[] }).argv;
        if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) throw new Error('bad argv');
      } catch {
        return void socket.end(`${JSON.stringify({ out: 'bad request' })}\n${JSON.stringify({ exit: 2 })}\n`);
      }
      log.info({ command: argv[0] }, 'cli command run for the CLI');
      run(argv, (out) => send({ out })).then(
        (exit) => socket.end(`${JSON.stringify({ exit })}\n`),
        (err: unknown) => {
          send({ out: `Error: ${err instanceof Error ? err.message : String(err)}` });
          socket.end(`${JSON.stringify({ exit: 1 })}\n`);
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(file, resolve));
  chmodSync(file, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      try {
        unlinkSync(file);
      } catch {
        // gone
      }
    });
}

/** Runs the command in the service holding the folder; prints what it prints; resolves to its exit code. */
export function runInService(dir: string, argv: string[], out: (line: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(path.join(dir, CONTROL_SOCKET));
    let exit: number | undefined;
    socket.once('error', (err) =>
      reject(new Error(`the service holding ${dir} does not answer on ${CONTROL_SOCKET} (${err.message})`)),
    );
    socket.once('connect', () => socket.write(`${JSON.stringify({ argv })}\n`));
    const lines = createInterface({ input: socket });
    lines.on('error', () => undefined); // reported by the socket's own 'error'
    lines.on('line', (line) => {
      const m = JSON.parse(line) as Message;
      if ('out' in m) out(m.out);
      else exit = m.exit;
    });
    socket.once('close', () =>
      exit === undefined ? reject(new Error('the service closed the connection')) : resolve(exit),
    );
  });
}
