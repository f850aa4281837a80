import pg from 'pg';
import { Prisma } from '../generated/prisma/client.ts';
import { SendError } from '../platforms/types.ts';

/** Prisma's codes for an unreachable, slow or closed database, a lost transaction and a write conflict. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P1018', 'P2024', 'P2028', 'P2034', 'P2037']);
/** Driver adapter error kinds of the same (`@prisma/driver-adapter-utils`); raw queries carry them under P2010. */
const ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TransactionWriteConflict',
  'TransactionAlreadyClosed',
  'TooManyConnections',
]);
/**
 * PostgreSQL SQLSTATEs that pass: connection exceptions (class 08), serialization failure and deadlock,
 * insufficient resources (class 53), lock not available, statement timeout, server shutting down or starting.
 */
const SQLSTATE = /^(08...|40001|40P01|53...|55P03|57014|57P0[1-3])$/;
/** Node's network errors. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** Errors pg and ioredis throw with a message only (they set no code). */
const CONNECTION_MESSAGES = new Set([
  // pg, pg-pool
  'Connection terminated',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Query read timeout',
  // ioredis
  'Connection is closed.',
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Command timed out',
]);
const CONNECTION_ERROR_NAMES = new Set(['MaxRetriesPerRequestError', 'ClusterAllFailedError']);

type AdapterCause = { kind?: unknown; originalCode?: unknown; code?: unknown };

function adapterCauseOf(err: Error): AdapterCause | undefined {
  if (err.name === 'DriverAdapterError') return (err as Error & { cause?: AdapterCause }).cause;
  const meta = err instanceof Prisma.PrismaClientKnownRequestError ? err.meta : undefined;
  const wrapped = meta?.driverAdapterError as { cause?: AdapterCause } | undefined;
  return wrapped?.cause;
}

function isConnectionFailure(err: Error): boolean {
  if (err instanceof SendError || err instanceof Prisma.PrismaClientInitializationError) return true;
  if (err instanceof Prisma.PrismaClientKnownRequestError && PRISMA_CODES.has(err.code)) return true;
  const cause = adapterCauseOf(err);
  if (cause) {
    if (ADAPTER_KINDS.has(String(cause.kind))) return true;
    const sqlState = cause.originalCode ?? cause.code;
    if (typeof sqlState === 'string' && SQLSTATE.test(sqlState)) return true;
  }
  const code = (err as Error & { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  // pg's own errors (the queues' pool in the PostgreSQL-only mode) carry the SQLSTATE as their code.
  if (typeof code === 'string' && err instanceof pg.DatabaseError && SQLSTATE.test(code)) return true;
  return CONNECTION_MESSAGES.has(err.message) || CONNECTION_ERROR_NAMES.has(err.name);
}

/**
 * True when the same work may succeed if tried again later: a send failed, or the
 * database, Redis (or the queues' PostgreSQL pool) or the network was unreachable, too slow or in a conflict. Anything
 * else (a TypeError, a failed validation, a constraint the code did not expect) is a
 * bug that fails the same way every time. Looks through `cause` chains and AggregateErrors.
 */
export function isTransientFailure(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 5) return false;
  if (isConnectionFailure(err)) return true;
  const inner = err instanceof AggregateError ? err.errors : [];
  return [err.cause, ...inner].some((e) => isTransientFailure(e, depth + 1));
}
