/**
 * @module The bench's server child: starts the production server the way `npm start` runs it, on a free
 * loopback port over the bench database, waits for `/livez`, and reads the child's resident set size
 * (RSS) from /proc, so sections can report cold start and memory beside throughput.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

export interface ServerChild {
  child: ChildProcess;
  baseUrl: string;
  /** Milliseconds from spawn to the first 200 from /livez. */
  startMs: number;
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === "object" && address ? res(address.port) : rej(new Error("no port")),
      );
    });
  });
}

/**
 * The server command `npm start` runs: `src/cli/prestart.mjs` builds `dist/` if it is stale and prints the
 * Node flags (the heap bound), then plain `node <flags> dist/server.js`.
 */
function serverCommand(): string[] {
  const flags = execFileSync(process.execPath, ["src/cli/prestart.mjs"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return [...flags.split(/\s+/).filter(Boolean), "dist/server.js"];
}

export async function startServer(dbPath: string): Promise<ServerChild> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const command = serverCommand();
  const t0 = performance.now();
  const child = spawn(process.execPath, command, {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      BASE_URL: baseUrl,
      DATABASE_URL: `file:${dbPath}`,
      SEED: "none",
      LOG_REQUESTS: "false",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 3000; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/livez`)).ok) return { child, baseUrl, startMs: performance.now() - t0 };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill();
  throw new Error("server did not start within 30 s");
}

export async function stopServer(server: ServerChild): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once("exit", r));
  server.child.kill("SIGTERM");
  await exited;
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/**
 * Resident set size in MiB of a process and its descendants (a launcher such as the tsx CLI runs the
 * server in a child; both count). Linux /proc; NaN elsewhere.
 */
export function rssMiB(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
    return kb / 1024 + childrenOf(pid).reduce((sum, child) => sum + (rssMiB(child) || 0), 0);
  } catch {
    return Number.NaN;
  }
}

/** Samples `rssMiB(pid)` every `everyMs` until `stop()`; returns the peak and the samples. */
export function sampleRss(pid: number | undefined, everyMs = 100) {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rssMiB(pid)), everyMs);
  return {
    stop() {
      clearInterval(timer);
      samples.push(rssMiB(pid));
      return { peak: Math.max(...samples), samples };
    },
  };
}
