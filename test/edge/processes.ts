/**
 * @module The processes the edge end-to-end run starts: an npm script run to completion, and
 * `npm run worker:dev` in a process group of its own, so npm, tsx, wrangler and workerd stop together.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { childEnv } from "../helpers/child-env";

export function run(command: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("exit", (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(" ")} exited ${code}: ${output}`)),
    );
  });
}

export interface Wrangler {
  child: ChildProcess;
  output: () => string;
  exited: Promise<void>;
}

export function startWrangler(args: string[], env: Record<string, string>): Wrangler {
  // Its own process group: npm, tsx, wrangler and workerd are stopped together.
  const child = spawn("npm", ["run", "--silent", "worker:dev", "--", ...args], {
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output = (output + d).slice(-20_000);
  });
  child.stderr?.on("data", (d) => {
    output = (output + d).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, output: () => output, exited };
}

export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function stopGroup(pid: number): Promise<void> {
  if (!groupAlive(pid)) return;
  process.kill(-pid, "SIGTERM");
  for (let i = 0; i < 100 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
  for (let i = 0; i < 40 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
}

export async function waitForWorker(base: string, wrangler: Wrangler): Promise<void> {
  let gone = false;
  void wrangler.exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`wrangler dev exited:\n${wrangler.output()}`);
    try {
      if ((await fetch(`${base}/livez`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer within 120 s:\n${wrangler.output()}`);
}
