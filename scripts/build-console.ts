import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../console/', import.meta.url));
const built = join(root, 'dist/index.html');

/** The console's sources: its page, its code and its build settings. */
function sources(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === 'dist' || e.name === 'node_modules'
      ? []
      : e.isDirectory()
        ? sources(join(dir, e.name))
        : [join(dir, e.name)],
  );
}

/** Whether console/dist is missing or older than a source file. */
export function consoleOutdated(): boolean {
  if (!existsSync(built)) return true;
  const at = statSync(built).mtimeMs;
  return sources().some((file) => statSync(file).mtimeMs > at);
}

/** Builds the web console into console/dist (Vite). */
export async function buildConsole(): Promise<void> {
  await build({ configFile: join(root, 'vite.config.ts') });
}

// `npm run build:console [-- --if-outdated]`; also run by `npm ci` (postinstall).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!process.argv.includes('--if-outdated') || consoleOutdated()) await buildConsole();
}
