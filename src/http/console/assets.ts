import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:console` (Vite) writes the console. */
export const CONSOLE_DIST = fileURLToPath(new URL('../../../console/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface Asset {
  body: Buffer;
  type: string;
}

export interface ConsoleAssets {
  /** The page every console address shows (the front end picks the section); undefined when not built. */
  index: Buffer | undefined;
  /** The web chat's page (/chat), built beside the console; undefined when not built. */
  chat?: Buffer | undefined;
  /** Built files by name (content-hashed by Vite: cached for good). */
  files: ReadonlyMap<string, Asset>;
}

/**
 * The built console, read once at start (a few small files): nothing is looked up
 * on disk by a request's path, so no request can reach a file outside the build.
 */
export function loadConsoleAssets(dir = CONSOLE_DIST): ConsoleAssets {
  const files = new Map<string, Asset>();
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return { index: undefined, files };
  const assets = join(dir, 'assets');
  for (const name of existsSync(assets) ? readdirSync(assets) : [])
    files.set(name, {
      body: readFileSync(join(assets, name)),
      type: TYPES[extname(name)] ?? 'application/octet-stream',
    });
  const chat = join(dir, 'chat.html');
  return { index: readFileSync(index), chat: existsSync(chat) ? readFileSync(chat) : undefined, files };
}
