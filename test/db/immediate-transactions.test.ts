/**
 * Every write transaction takes SQLite's write lock at BEGIN (BEGIN IMMEDIATE), asked for explicitly rather
 * than left to a dependency's default: while a transaction that has run no statement yet is open, another
 * connection to the same file cannot write. A deferred transaction, the control, would not block it.
 */
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { immediateTransactions, wrapClient } from "../../db/client";
import { freshDbPath } from "../helpers/db";

const clients: { close(): void }[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

/** A second connection without a busy timeout: a write fails at once with SQLITE_BUSY while locked. */
async function otherWriterIsBlocked(path: string): Promise<boolean> {
  const other = createClient({ url: `file:${path}` });
  clients.push(other);
  try {
    await other.execute("INSERT INTO seed_runs (name, at) VALUES ('probe', 0)");
    await other.execute("DELETE FROM seed_runs WHERE name = 'probe'");
    return false;
  } catch (error) {
    expect(String(error)).toMatch(/SQLITE_BUSY|database is locked/i);
    return true;
  }
}

describe("write transactions are BEGIN IMMEDIATE", () => {
  it("hold the write lock from BEGIN, before their first statement", async () => {
    const path = freshDbPath();
    const db = wrapClient(createClient({ url: `file:${path}` }));
    clients.push(db);
    const blocked = await db.writeTransaction(async () => otherWriterIsBlocked(path));
    expect(blocked).toBe(true);
    // Once committed, the other connection writes.
    expect(await otherWriterIsBlocked(path)).toBe(false);
  });

  it("a client that defaults to deferred transactions still gets immediate ones", async () => {
    const path = freshDbPath();
    const raw = createClient({ url: `file:${path}` });
    clients.push(raw);
    const modes: (string | undefined)[] = [];
    // A client whose default mode is "deferred", as a dependency upgrade could make it.
    const deferredByDefault = new Proxy(raw, {
      get(target, property) {
        if (property === "transaction") {
          return (mode?: "write" | "read" | "deferred") => {
            modes.push(mode);
            return target.transaction(mode ?? "deferred");
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const control = await deferredByDefault.transaction();
    expect(await otherWriterIsBlocked(path)).toBe(false);
    await control.rollback();

    const db = wrapClient(deferredByDefault);
    expect(await db.writeTransaction(async () => otherWriterIsBlocked(path))).toBe(true);
    expect(modes).toEqual([undefined, "write"]);
    expect(immediateTransactions(raw).closed).toBe(false);
  });
});
