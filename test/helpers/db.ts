/**
 * @module A fresh migrated libSQL database file per test, copied from the run's template.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { openDatabase } from "../../db/open-node";

export function freshDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "sambang-test-"));
  const path = join(dir, "test.db");
  copyFileSync(inject("templateDbPath"), path);
  return path;
}

/** Opens a copy of the migrated template (migrations are re-checked, which is a no-op). */
export async function freshDb() {
  const path = freshDbPath();
  const db = await openDatabase({ url: `file:${path}` });
  return Object.assign(db, { path });
}
