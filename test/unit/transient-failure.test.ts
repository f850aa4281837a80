import net from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDb, type Db } from '../../src/db/client.ts';
import { Prisma } from '../../src/generated/prisma/client.ts';
import { isTransientFailure } from '../../src/pipeline/transient-failure.ts';
import { SendError } from '../../src/platforms/types.ts';

const caught = async (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('no error'),
    (err: unknown) => err,
  );
const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError(`test ${code}`, { code, clientVersion: Prisma.prismaVersion.client, meta });
/** A raw query's adapter error, as Prisma 7 wraps it (P2010). */
const raw = (cause: Record<string, unknown>) =>
  known('P2010', { driverAdapterError: { name: 'DriverAdapterError', cause } });

// Real failures, made without PostgreSQL or Redis: a port nobody listens on and a server that hangs up.
let hangup: net.Server;
let hangupDb: Db;
let refusedDb: Db;
beforeAll(async () => {
  hangup = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => hangup.listen(0, '127.0.0.1', resolve));
  hangupDb = createDb(`postgresql://postgres@127.0.0.1:${(hangup.address() as net.AddressInfo).port}/none`);
  refusedDb = createDb('postgresql://postgres@127.0.0.1:1/none');
});
afterAll(async () => {
  await Promise.all([hangupDb.$disconnect(), refusedDb.$disconnect()]);
  await new Promise((resolve) => hangup.close(resolve));
});

describe('transient: trying again later may pass', () => {
  it('PostgreSQL unreachable or hanging up, through Prisma and its pg adapter', async () => {
    expect(isTransientFailure(await caught(refusedDb.area.findFirst()))).toBe(true); // P1001
    expect(isTransientFailure(await caught(refusedDb.$queryRaw`SELECT 1`))).toBe(true); // P2010 + DatabaseNotReachable
    expect(isTransientFailure(await caught(hangupDb.area.findFirst()))).toBe(true); // "Connection terminated unexpectedly"
    expect(isTransientFailure(await caught(hangupDb.$transaction((tx) => tx.area.findFirst())))).toBe(true); // P1017
  });

  it("PostgreSQL cancelling or refusing, through pg itself (the queues' pool without Redis)", async () => {
    const client = new pg.Client({
      connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    });
    await client.connect();
    try {
      await client.query("SET statement_timeout = '50ms'");
      expect(isTransientFailure(await caught(client.query('SELECT pg_sleep(1)')))).toBe(true); // 57014
      expect(isTransientFailure(await caught(client.query('SELECT * FROM no_such_table')))).toBe(false); // 42P01
    } finally {
      await client.end();
    }
  });

  it('Redis unreachable, through ioredis', async () => {
    const offline = new Redis({ port: 1, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    const retrying = new Redis({ port: 1, maxRetriesPerRequest: 0 });
    for (const r of [offline, retrying]) r.on('error', () => undefined);
    try {
      expect(isTransientFailure(await caught(offline.get('k')))).toBe(true);
      expect(isTransientFailure(await caught(retrying.get('k')))).toBe(true); // MaxRetriesPerRequestError
    } finally {
      offline.disconnect();
      retrying.disconnect();
    }
  });

  it('a refused connection, directly or inside an AggregateError or a cause', async () => {
    const refused = await caught(
      new Promise((resolve, reject) => net.connect(1, '127.0.0.1').on('error', reject).on('connect', resolve)),
    );
    expect(isTransientFailure(refused)).toBe(true);
    expect(isTransientFailure(new AggregateError([refused], 'all failed'))).toBe(true);
    expect(isTransientFailure(new Error('while saving', { cause: refused }))).toBe(true);
  });

  it.each(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2034', 'P2037'])('Prisma %s', (code) => {
    expect(isTransientFailure(known(code))).toBe(true);
  });

  it.each(['40001', '40P01', '08006', '57P01', '53300', '55P03'])('PostgreSQL SQLSTATE %s', (code) => {
    expect(isTransientFailure(raw({ kind: 'postgres', code, originalCode: code }))).toBe(true);
  });

  it('a send error of any kind', () => {
    expect(isTransientFailure(new SendError('transient', 'Bad Gateway'))).toBe(true);
    expect(isTransientFailure(new SendError('rate_limited', 'Too Many Requests', 1000))).toBe(true);
  });
});

describe('a bug: the same every time', () => {
  it('a TypeError, a failed validation, a thrown string', async () => {
    const typeError = (() => {
      try {
        (undefined as unknown as { x: number }).x;
      } catch (err) {
        return err;
      }
    })();
    expect(isTransientFailure(typeError)).toBe(false);
    expect(isTransientFailure(z.object({ a: z.string() }).safeParse({}).error)).toBe(false);
    expect(isTransientFailure('boom')).toBe(false);
    expect(isTransientFailure(undefined)).toBe(false);
  });

  it('Prisma: a bad query, a unique violation the code did not expect, an unreadable column', async () => {
    const invalid = await caught(refusedDb.area.findFirst({ where: { code: 5 as unknown as string } }));
    expect(invalid).toBeInstanceOf(Prisma.PrismaClientValidationError);
    expect(isTransientFailure(invalid)).toBe(false);
    expect(isTransientFailure(known('P2002'))).toBe(false);
    expect(isTransientFailure(raw({ kind: 'UnsupportedNativeDataType', type: 'void' }))).toBe(false);
    expect(isTransientFailure(raw({ kind: 'postgres', code: '42601', originalCode: '42601' }))).toBe(false);
  });
});
