/**
 * `npm start`'s build step when two starts race: both find `dist/` stale at the same moment (two servers
 * started together after an update). They take turns on a lock, so exactly one builds, the other finds
 * the fresh build and starts from it, and neither the lock nor a half-built folder is left behind. Run on a
 * copy of the build's inputs in a temporary folder, so the repository's own `dist/` is never touched.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { childEnv } from "../helpers/child-env";

const INPUTS = ["src", "db", "views", "package.json", "package-lock.json", "tsconfig.json"];

function runBuild(root: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, "src/cli/build.mjs"), "--if-stale"], {
      cwd: root,
      env: childEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("exit", (code) => done({ code, output }));
  });
}

describe("npm start's build step", () => {
  it("builds once when two starts find dist/ stale together, and leaves no lock or half-built folder", async () => {
    const root = mkdtempSync(join(tmpdir(), "sambang-build-"));
    for (const input of INPUTS) cpSync(input, join(root, input), { recursive: true });
    symlinkSync(resolve("node_modules"), join(root, "node_modules"));

    const [a, b] = await Promise.all([runBuild(root), runBuild(root)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(`${a.output}${b.output}`.match(/Built dist\//g)).toHaveLength(1);

    const dist = join(root, "dist");
    expect(existsSync(join(dist, "server.js"))).toBe(true);
    expect(existsSync(join(dist, "migrations", "meta", "_journal.json"))).toBe(true);
    expect(JSON.parse(readFileSync(join(dist, "build.json"), "utf8")).fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(root).filter((name) => name.startsWith("dist"))).toEqual(["dist"]);

    // Fresh now: a third start does not build again.
    const c = await runBuild(root);
    expect(c.code).toBe(0);
    expect(c.output).not.toContain("Built dist/");
  }, 60_000);
});
