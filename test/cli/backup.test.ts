/** `npm run db:backup`: a consistent, openable snapshot taken while another process keeps writing. */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createClient } from "@libsql/client";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/open-node";
import { auditEvents } from "../../db/schema/audit";
import { backupDatabase, backupStamp, defaultBackupPath } from "../../src/cli/backup";
import { childEnv } from "../helpers/child-env";
import { freshDbPath } from "../helpers/db";

async function countIn(path: string, table: string): Promise<number> {
  const client = createClient({ url: `file:${path}` });
  try {
    return Number((await client.execute(`SELECT count(*) FROM ${table}`)).rows[0]?.[0]);
  } finally {
    client.close();
  }
}

function writeRows(db: Awaited<ReturnType<typeof openDatabase>>, n: number, from: number) {
  return db.writeTransaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      await tx.insert(auditEvents).values({
        at: new Date(),
        actorLabel: "test",
        action: "test.row",
        entityType: "row",
        entityId: String(from + i),
        after: { payload: "x".repeat(200) },
      });
    }
  });
}

describe("db:backup", () => {
  it("names snapshots by UTC time beside the database", () => {
    const now = new Date("2026-03-02T09:05:07.123+07:00");
    expect(backupStamp(now)).toBe("20260302T020507Z");
    expect(defaultBackupPath("/srv/sambang/data/sambang.db", now)).toBe(
      "/srv/sambang/data/backups/sambang-20260302T020507Z.db",
    );
  });

  it("writes a snapshot that opens, passes its integrity check and has the rows", async () => {
    const path = freshDbPath();
    const db = await openDatabase({ url: `file:${path}` });
    await writeRows(db, 50, 0);
    const { path: out, bytes } = await backupDatabase({
      databaseUrl: `file:${path}`,
      now: new Date("2026-03-02T02:00:00Z"),
    });
    expect(out).toBe(join(dirname(path), "backups", "sambang-20260302T020000Z.db"));
    expect(bytes).toBeGreaterThan(0);
    expect(await countIn(out, "audit_events")).toBe(50);
    // The snapshot is a working database: it migrates as a no-op and reads through the app's client.
    const restored = await openDatabase({ url: `file:${out}` });
    const row = await restored.orm.select({ n: sql<number>`count(*)` }).from(auditEvents).get();
    expect(row?.n).toBe(50);
    restored.close();
    await expect(backupDatabase({ databaseUrl: `file:${path}`, target: out })).rejects.toThrow(
      /already exists/,
    );
    db.close();
  });

  it("refuses a remote database and a missing file", async () => {
    await expect(backupDatabase({ databaseUrl: "libsql://example.turso.io" })).rejects.toThrow(/file/);
    await expect(backupDatabase({ databaseUrl: "file:/nonexistent/x.db" })).rejects.toThrow(
      /no database file/,
    );
  });

  it("takes a consistent snapshot while another process writes (npm run db:backup)", async () => {
    const path = freshDbPath();
    const db = await openDatabase({ url: `file:${path}` });
    await writeRows(db, 3000, 0);
    const target = join(mkdtempSync(join(tmpdir(), "sambang-backup-")), "snap.db");

    const child = spawn("npm", ["run", "--silent", "db:backup", "--", target], {
      env: childEnv({ DATABASE_URL: `file:${path}` }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    let done = false;
    void exited.then(() => {
      done = true;
    });

    // Keep writing small transactions (as the running app would) until the backup process is done.
    let written = 3000;
    while (!done) {
      await writeRows(db, 20, written);
      written += 20;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await exited, stderr).toBe(0);
    expect(written).toBeGreaterThan(3000);
    expect(stdout).toContain(target);
    expect(existsSync(target)).toBe(true);

    const snapshot = await countIn(target, "audit_events");
    expect(snapshot).toBeGreaterThanOrEqual(3000);
    expect(snapshot).toBeLessThanOrEqual(written);
    // Whole transactions only: every write added 20 rows.
    expect((snapshot - 3000) % 20).toBe(0);
    const client = createClient({ url: `file:${target}` });
    expect(String((await client.execute("PRAGMA integrity_check")).rows[0]?.[0])).toBe("ok");
    client.close();
    expect(await countIn(path, "audit_events")).toBe(written);
    db.close();
  });
});
