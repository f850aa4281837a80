import { existsSync } from 'node:fs';
import { runCli } from './run.ts';

// The same local .env the service reads.
if (existsSync('.env')) process.loadEnvFile('.env');

runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then((code) => process.exit(code));
