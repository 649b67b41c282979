/**
 * @module A fresh migrated database per test, copied from the run's template: a libSQL file by default,
 * or, with `TEST_DATABASE=libsql-server`, a local libSQL server (sqld) of its own started over a copy of
 * the template, reached over HTTP like a Turso database (`npm run test:libsql-server`).
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, inject } from "vitest";
import { openDatabase } from "../../db/open-node";
import { type Sqld, startSqld } from "./sqld";

export const ON_LIBSQL_SERVER = process.env.TEST_DATABASE === "libsql-server";

// Each test file's servers stop when the file is done, also those of tests that never close their db.
const servers = new Set<Sqld>();
if (ON_LIBSQL_SERVER) {
  afterAll(async () => {
    await Promise.all([...servers].map((s) => s.stop()));
    servers.clear();
  });
}

export function freshDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "sambang-test-"));
  const path = join(dir, "test.db");
  copyFileSync(inject("templateDbPath"), path);
  return path;
}

/**
 * Opens a copy of the migrated template (migrations are re-checked, which is a no-op). `url` is what
 * another process opens to reach the same database; `path` is a folder-local file path for side files.
 */
export async function freshDb() {
  if (ON_LIBSQL_SERVER) {
    const server = await startSqld({ seedFile: inject("templateDbPath"), idleShutdownSeconds: 300 });
    servers.add(server);
    const db = await openDatabase({ url: server.url });
    const close = db.close;
    return Object.assign(db, {
      path: join(server.dir, "test.db"),
      url: server.url,
      close: () => {
        close();
        void server.stop();
      },
    });
  }
  const path = freshDbPath();
  const url = `file:${path}`;
  const db = await openDatabase({ url });
  return Object.assign(db, { path, url });
}
