import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

/*
 * Offline migrations. The Prisma CLI downloads a native schema engine before
 * `migrate`; Prisma also publishes that engine as WebAssembly on npm, which is
 * what runs here. It reads and writes Prisma's usual layout
 * (prisma/migrations/<timestamp>_<name>/migration.sql, migration_lock.toml,
 * the _prisma_migrations table), so `prisma migrate deploy` works elsewhere too.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const migrationsDir = path.join(root, 'prisma/migrations');
const schemaPath = path.join(root, 'prisma/schema.prisma');
const LOCKFILE = 'migration_lock.toml';
const NO_FILTER = { externalTables: [], externalEnums: [] };

// Types the engine reads from the catalog that adapter-pg refuses ("char", name, and their arrays): read them as text.
const TEXT_OIDS: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };

interface SchemaEngine {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

type EngineModule = { SchemaEngine: { new: (o: unknown, cb: unknown, a: unknown) => Promise<SchemaEngine> } };
let engineModule: Promise<EngineModule> | undefined;

/** Loads the WASM engine by hand (Node 20 cannot `import` a .wasm module), once: its bindings hold per-instance state. */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= instantiateEngine();
  return engineModule;
}

async function instantiateEngine(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const bindings = await import(path.join(dir, 'schema_engine_bg.js'));
  const { instance } = await WebAssembly.instantiate(readFileSync(path.join(dir, 'schema_engine_bg.wasm')), {
    './schema_engine_bg.js': bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings as EngineModule;
}

/** adapter-pg is given discrete fields: with a connection string its shadow database would be the main one. */
function poolConfig(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database: decodeURIComponent(url.pathname.slice(1)),
    max: 2,
  };
}

type Queryable = { performIO(query: unknown): Promise<{ fields: Array<{ dataTypeID: number }> }> };
type Adapter = Queryable & {
  startTransaction(...args: unknown[]): Promise<Queryable>;
  executeScript(sql: string): Promise<void>;
  dispose(): Promise<void>;
};

/** Reports catalog columns of the refused types as text, so adapter-pg accepts the engine's catalog queries. */
function readCatalogTypesAsText<T extends Queryable>(q: T): T {
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    for (const f of result.fields) f.dataTypeID = TEXT_OIDS[f.dataTypeID] ?? f.dataTypeID;
    return result;
  };
  return q;
}

function patchAdapter(adapter: Adapter): Adapter {
  readCatalogTypesAsText(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => readCatalogTypesAsText(await startTransaction(...args));
  return adapter;
}

/**
 * adapter-pg's own shadow database is dropped while its pool still holds
 * connections, which PostgreSQL refuses: close the pool first, then drop.
 */
class MigrationAdapterFactory extends PrismaPg {
  /** Freeing the engine does not close its connections (nor the migration lock they hold): we do. */
  readonly #open: Adapter[] = [];

  constructor(readonly poolConfig: pg.PoolConfig) {
    super(poolConfig);
  }

  override async connect() {
    const adapter = patchAdapter((await super.connect()) as unknown as Adapter);
    this.#open.push(adapter);
    return adapter as never;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.#open.splice(0).map((a) => a.dispose().catch(() => undefined)));
  }

  override async connectToShadowDb() {
    const admin = (await super.connect()) as unknown as Adapter; // disposed with the shadow database
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = patchAdapter((await new PrismaPg({ ...this.poolConfig, database }).connect()) as unknown as Adapter);
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow as never;
  }
}

async function withEngine<T>(databaseUrl: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const factory = new MigrationAdapterFactory(poolConfig(databaseUrl));
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const schema = readFileSync(schemaPath, 'utf8');
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
  try {
    return await run(engine);
  } finally {
    engine.free();
    await factory.closeAll();
  }
}

function migrationsList() {
  const lockPath = path.join(migrationsDir, LOCKFILE);
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

/** Creates the database of the URL when it does not exist yet (as `prisma migrate deploy` does). */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const config = poolConfig(databaseUrl);
  const client = new pg.Client({ ...config, database: 'postgres', types: undefined });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [config.database]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${config.database!.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** `migrate deploy`: applies pending migrations; returns the names applied now. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  return withEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
}

/** `migrate dev --create-only`: writes the SQL from the migrations so far to the schema, or returns null. */
export async function createMigration(databaseUrl: string, name: string): Promise<string | null> {
  // The engine reads the connector from the lockfile, also for the very first migration.
  const lockPath = path.join(migrationsDir, LOCKFILE);
  if (!existsSync(lockPath)) {
    mkdirSync(migrationsDir, { recursive: true });
    writeFileSync(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return withEngine(databaseUrl, async (engine) => {
    const schema = readFileSync(schemaPath, 'utf8');
    const { stdout } = await engine.diff({
      from: { tag: 'migrations', ...migrationsList() },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    const sql = stdout?.trim() ?? '';
    if (!sql || sql === '-- This is an empty migration.') return null;
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
    return dir;
  });
}
