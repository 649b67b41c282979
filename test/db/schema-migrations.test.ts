/**
 * The schema in db/schema and the committed migrations agree: `drizzle-kit generate`, run against a copy
 * of db/migrations, finds nothing to migrate. A schema change without its generated migration fails here
 * (the control case: a copy whose last snapshot lacks a column makes drizzle-kit write a migration).
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { childEnv } from "../helpers/child-env";

const run = promisify(execFile);

/** Copies db/migrations, lets `edit` change the copy, runs drizzle-kit generate on it; returns new files. */
async function generateAgainstCopy(edit: (dir: string) => void = () => {}) {
  const dir = join(mkdtempSync(join(tmpdir(), "sambang-schema-")), "migrations");
  cpSync("db/migrations", dir, { recursive: true });
  edit(dir);
  const before = new Set(readdirSync(dir));
  // drizzle-kit joins `--out` onto "./", so it must be relative to the working directory.
  const { stdout } = await run(
    process.execPath,
    [
      "node_modules/drizzle-kit/bin.cjs",
      "generate",
      "--dialect",
      "sqlite",
      "--schema",
      "./db/schema/index.ts",
      "--out",
      relative(process.cwd(), dir),
    ],
    { env: childEnv() },
  );
  return { stdout, added: readdirSync(dir).filter((f) => !before.has(f)) };
}

describe("db/schema and db/migrations", () => {
  it("agree: drizzle-kit generate has nothing to add", async () => {
    const { stdout, added } = await generateAgainstCopy();
    expect(added).toEqual([]);
    expect(stdout).toMatch(/No schema changes/);
  });

  it("a snapshot missing a column makes drizzle-kit write a migration (the check can fail)", async () => {
    const { added } = await generateAgainstCopy((dir) => {
      const meta = join(dir, "meta");
      const last = readdirSync(meta)
        .filter((f) => f.endsWith("_snapshot.json"))
        .sort()
        .at(-1) as string;
      const snapshot = JSON.parse(readFileSync(join(meta, last), "utf8"));
      delete snapshot.tables.seed_runs.columns.at;
      writeFileSync(join(meta, last), JSON.stringify(snapshot));
    });
    expect(added.filter((f) => f.endsWith(".sql"))).toHaveLength(1);
  });
});
