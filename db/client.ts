/**
 * @module Opens the one database client of a process and the in-process writer lock.
 *
 * NOTE: an embedded libSQL write transaction holds SQLite's write lock on its own pooled connection; a
 * second writer in the same process would wait on the busy timeout, which blocks the event loop, so the
 * first writer could never finish. Every write in a process therefore goes through one async mutex:
 * `writeTransaction()` for transactions, `write()` for single statements (Lucia's session writes too).
 * Other processes wait on SQLite's busy timeout (`timeout` below). Unique indexes stay the last line.
 *
 * NOTE: a write transaction must take the write lock at BEGIN (`BEGIN IMMEDIATE`), or two processes that
 * both read-then-write could each pass their check and one fail at commit. drizzle-orm's libSQL session
 * ignores `transaction(fn, { behavior })` and calls `client.transaction()` without a mode, so the client
 * handed to drizzle asks for `"write"` (libSQL's name for BEGIN IMMEDIATE) itself, whatever its default.
 */
import type { Client, Transaction as LibsqlTransaction } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import * as schema from "./schema/index";

export type Schema = typeof schema;
export type Database = LibSQLDatabase<Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or an open transaction: read helpers accept both. */
export type Queryable = Database | Transaction;

/** A FIFO async mutex: `run(fn)` waits for every earlier `run` to settle. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export interface Db {
  client: Client;
  orm: Database;
  /** Runs `fn` in one IMMEDIATE transaction, after every earlier writer of this process has finished. */
  writeTransaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs a write that is not a transaction (one statement) in the same writer queue. */
  write<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * How many writes (transactions or statements) this handle has finished. Read caches compare it to
   * notice this process's own writes at once; writes by other processes they can only bound by a TTL.
   */
  writes(): number;
  /** Whether a write of this process holds the writer lock right now (tests check what runs inside it). */
  writing(): boolean;
  close(): void;
}

/** The libSQL mode of every transaction the app opens: BEGIN IMMEDIATE. */
export const WRITE_TRANSACTION_MODE = "write" as const;

/** `client`, except that a transaction opened without a mode (drizzle's way) is opened as a write one. */
export function immediateTransactions(client: Client): Client {
  return new Proxy(client, {
    get(target, property) {
      if (property === "transaction") {
        return (): Promise<LibsqlTransaction> => target.transaction(WRITE_TRANSACTION_MODE);
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Wraps a libSQL client (file, remote or web) into the app's database handle. */
export function wrapClient(client: Client): Db {
  const orm = drizzle(immediateTransactions(client), { schema });
  const lock = new Mutex();
  let finished = 0;
  let holding = false;
  const counted = <T>(fn: () => Promise<T>) =>
    lock.run(async () => {
      holding = true;
      try {
        return await fn();
      } finally {
        holding = false;
        finished += 1;
      }
    });
  return {
    client,
    orm,
    writeTransaction: (fn) => counted(() => orm.transaction(fn)),
    write: (fn) => counted(fn),
    writes: () => finished,
    writing: () => holding,
    close: () => client.close(),
  };
}

/** How long a connection waits for another process's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/** WAL mode for an embedded file database (persistent in the file; foreign keys are on by default). */
export async function prepareEmbedded(client: Client): Promise<void> {
  await client.execute("PRAGMA journal_mode = WAL");
}
