/**
 * @module The production server as a child process, started exactly as `npm start` starts it: package.json's
 * `start` script run by `sh -c` (prestart builds `dist/` if it is stale, then plain node runs
 * `dist/server.js`), with the test's environment from `childEnv`. Collects the child's output, waits for
 * /livez and the start-up banner, and stops what a test started.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { childEnv } from "./child-env";

/** A test that starts real server processes (building dist/ first if it is stale) is slow on a busy machine. */
export const START_TIMEOUT_MS = 120_000;

/** The `start` script of package.json, run by a shell as npm runs it (its `exec` makes the shell the server). */
const START = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts
  .start;

export interface ServerRun {
  child: ChildProcess;
  output: { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

const running = new Set<ServerRun>();

/** Spawns `npm start`'s command with `env` on top of the test's environment; returns at once. */
export function startServer(env: Record<string, string>): ServerRun {
  const child = spawn("sh", ["-c", START], {
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  child.stdout?.on("data", (d) => {
    output.stdout += d;
  });
  child.stderr?.on("data", (d) => {
    output.stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const run = { child, output, exited };
  running.add(run);
  void exited.then(() => running.delete(run));
  return run;
}

/** Polls `base`/livez until it answers 200; throws with the child's stderr if it exits or never answers. */
export async function waitForLivez(base: string, run: ServerRun): Promise<Response> {
  let gone = false;
  void run.exited.then(() => {
    gone = true;
  });
  for (let i = 0; i < 900; i++) {
    if (gone) throw new Error(`server exited early: ${run.output.stderr}`);
    try {
      const res = await fetch(`${base}/livez`);
      if (res.ok) return res;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer /livez: ${run.output.stderr}`);
}

/** The banner is printed in the listen callback, right after the port opens; wait for it. */
export async function waitForBanner(output: { stdout: string }) {
  for (let i = 0; i < 100 && !output.stdout.includes("Database:"); i++)
    await new Promise((r) => setTimeout(r, 50));
}

/** SIGTERM; resolves with the exit code. */
export function stopServer(run: ServerRun): Promise<number | null> {
  run.child.kill("SIGTERM");
  return run.exited;
}

/** For afterEach/afterAll: SIGTERM to every server started here that still runs. */
export function stopStartedServers() {
  for (const run of running) if (run.child.exitCode === null) run.child.kill("SIGTERM");
  running.clear();
}
