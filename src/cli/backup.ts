/**
 * @module `npm run db:backup [-- <target.db>]`: a consistent snapshot of the embedded database while the
 * app keeps running. SQLite's `VACUUM INTO` reads inside one transaction (WAL lets writers continue) and
 * writes a compact, self-contained copy; the copy is then opened and integrity-checked.
 * Default target: `backups/sambang-YYYYMMDDTHHMMSSZ.db` next to the database file (data/backups/… for the
 * default DATABASE_URL). Restore: stop the app, copy the snapshot over the database file, delete the old
 * `-wal` and `-shm` files beside it, start the app. Remote libSQL/Turso databases use their own backups.
 * Node only.
 */
import { existsSync, mkdirSync, realpathSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { BUSY_TIMEOUT_MS } from "../../db/client";
import { ConfigError, parseConfig } from "../config";

/** `20260302T020000Z` */
export function backupStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

export function defaultBackupPath(databasePath: string, now: Date): string {
  return join(dirname(resolve(databasePath)), "backups", `sambang-${backupStamp(now)}.db`);
}

export async function backupDatabase({
  databaseUrl,
  target,
  now = new Date(),
}: {
  databaseUrl: string;
  target?: string;
  now?: Date;
}): Promise<{ path: string; bytes: number }> {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error("db:backup works on an embedded file database (file:…); use your libSQL host's backups");
  }
  const source = databaseUrl.slice("file:".length);
  if (!source || source === ":memory:" || !existsSync(source))
    throw new Error(`no database file at ${source}`);
  const path = resolve(target ?? defaultBackupPath(source, now));
  if (existsSync(path)) throw new Error(`${path} already exists; choose another name`);
  mkdirSync(dirname(path), { recursive: true });

  const client = createClient({ url: databaseUrl, timeout: BUSY_TIMEOUT_MS });
  try {
    await client.execute({ sql: "VACUUM INTO ?", args: [path] });
  } finally {
    client.close();
  }
  const copy = createClient({ url: `file:${path}` });
  try {
    const check = await copy.execute("PRAGMA integrity_check");
    const verdict = String(check.rows[0]?.[0]);
    if (verdict !== "ok") throw new Error(`the snapshot failed its integrity check: ${verdict}`);
  } finally {
    copy.close();
  }
  return { path, bytes: statSync(path).size };
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  (async () => {
    const config = parseConfig(process.env);
    const started = Date.now();
    const { path, bytes } = await backupDatabase({
      databaseUrl: config.databaseUrl,
      target: process.argv[2],
    });
    console.log(`Backup written / cadangan ditulis: ${path} (${bytes} bytes, ${Date.now() - started} ms)`);
  })().catch((error) => {
    console.error(
      error instanceof ConfigError ? error.message : `db:backup failed: ${(error as Error).message}`,
    );
    process.exit(1);
  });
}
