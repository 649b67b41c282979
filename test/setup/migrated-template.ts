/**
 * @module Vitest global setup: migrates one template database file before the run; each test copies it
 * (Epic Stack's pattern), so no test pays for migrations and no two tests share a database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/open-node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDbPath: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "sambang-template-"));
  const path = join(dir, "template.db");
  const db = await openDatabase({ url: `file:${path}` });
  await db.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  db.close();
  project.provide("templateDbPath", path);
  return () => rmSync(dir, { recursive: true, force: true });
}
