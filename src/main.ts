import { existsSync } from 'node:fs';
import { ConfigError, EXAMPLE_KEY_WARNING, loadConfig, usesExampleKey } from './config.ts';
import { startService, type Role } from './service.ts';

const roles: Role[] = ['all', 'web', 'worker'];
const role = (process.argv[2] ?? 'all') as Role;
if (!roles.includes(role)) {
  console.error(`usage: main.ts [${roles.join('|')}]`);
  process.exit(2);
}

// A local .env fills in what the real environment does not set.
if (existsSync('.env')) process.loadEnvFile('.env');

let config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}

const service = await startService(config, role);
if (usesExampleKey(config)) service.log.warn({ variable: 'DATA_ENCRYPTION_KEY' }, EXAMPLE_KEY_WARNING);
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    service.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 25_000).unref();
    service.stop().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (err) => {
        service.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
