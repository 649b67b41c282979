/**
 * @module Node entry to the database: opens a libSQL file (or remote URL), prepares it and migrates it.
 * Only Node code imports this file (it reads the migrations folder from disk).
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { migrate } from "drizzle-orm/libsql/migrator";
import { BUSY_TIMEOUT_MS, type Db, prepareEmbedded, wrapClient } from "./client";

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "migrations");

export interface OpenOptions {
  url: string;
  authToken?: string;
  migrate?: boolean;
}

export async function openDatabase({
  url,
  authToken,
  migrate: runMigrations = true,
}: OpenOptions): Promise<Db> {
  const isFile = url.startsWith("file:");
  if (isFile) {
    const path = url.slice("file:".length);
    if (path && path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const client = createClient(isFile ? { url, timeout: BUSY_TIMEOUT_MS } : { url, authToken });
  if (isFile) await prepareEmbedded(client);
  const db = wrapClient(client);
  if (runMigrations) await db.write(() => migrate(db.orm, { migrationsFolder: MIGRATIONS_FOLDER }));
  return db;
}
