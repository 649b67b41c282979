/**
 * @module Vitest global setup: migrates one template database file before the run; each test copies it
 * (Epic Stack's pattern), so no test pays for migrations and no two tests share a database.
 *
 * Every temporary file of the run goes under one folder: TMPDIR points there before the test workers
 * start (they, and the servers, SMTP sinks and browsers they start, inherit it, and `os.tmpdir()` reads
 * it), and the teardown removes the folder. A run leaves no database copies behind.
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
  // Every test project runs this setup: the first makes the folder and the template, the others share them.
  const shared = process.env.SAMBANG_TEST_TEMPLATE;
  if (shared) {
    project.provide("templateDbPath", shared);
    return;
  }
  const previousTmp = process.env.TMPDIR;
  const runDir = mkdtempSync(join(tmpdir(), "sambang-test-run-"));
  process.env.TMPDIR = runDir;
  const dir = mkdtempSync(join(runDir, "template-"));
  const path = join(dir, "template.db");
  const db = await openDatabase({ url: `file:${path}` });
  await db.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  db.close();
  project.provide("templateDbPath", path);
  process.env.SAMBANG_TEST_TEMPLATE = path;
  return () => {
    delete process.env.SAMBANG_TEST_TEMPLATE;
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    rmSync(runDir, { recursive: true, force: true });
  };
}
