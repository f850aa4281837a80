import { existsSync } from 'node:fs';
import { ConfigError, EXAMPLE_KEY_WARNING, loadConfig, usesExampleKey } from './config.ts';
import { DataFolderLocked, provideFolderDataKey } from './db/embedded/data-folder.ts';
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
let generatedKey;
try {
  // No DATABASE_URL nor DATA_ENCRYPTION_KEY (outside production): the embedded database's folder keeps one.
  generatedKey = provideFolderDataKey(process.env);
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}

if (!config.DATABASE_URL && role !== 'all') {
  console.error(
    'The embedded database (no DATABASE_URL) is opened by one process only: run web and worker together (npm start).',
  );
  process.exit(1);
}
let service;
try {
  service = await startService(config, role);
} catch (err) {
  if (!(err instanceof DataFolderLocked)) throw err;
  console.error(err.message);
  process.exit(1);
}
if (generatedKey?.created)
  service.log.warn(
    { file: generatedKey.file },
    'DATA_ENCRYPTION_KEY was not set: a new key was generated and kept in the data folder. Back it up (it is ' +
      'needed to read the stored personal data, also from a backup of the database), or set DATA_ENCRYPTION_KEY',
  );
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
