/**
 * @module `npm run worker:dev [-- <wrangler dev flags>]`: runs the Workers entry locally and offline with
 * `wrangler dev`, passing every Sambang setting found in the environment as a Worker var (DATABASE_URL
 * defaults to a local libSQL server on http://127.0.0.1:8080, BASE_URL to http://localhost:<port>).
 * Extra flags reach `wrangler dev` unchanged, e.g. `--port 8788`, `--var SEED:none`, `--test-scheduled`.
 * Node only.
 */
import { spawn } from "node:child_process";
import { configSchema } from "../config";

/** The `wrangler dev` argument list for an environment and the user's extra flags. */
export function workerDevArgs(env: Record<string, string | undefined>, extra: string[]): string[] {
  const portFlag = extra.findIndex((a) => a === "--port" || a.startsWith("--port="));
  const port = portFlag < 0 ? "8787" : (extra[portFlag]?.split("=")[1] ?? extra[portFlag + 1] ?? "8787");
  const vars: Record<string, string> = {
    DATABASE_URL: "http://127.0.0.1:8080",
    BASE_URL: `http://localhost:${port}`,
  };
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value && key !== "PORT" && key !== "HOST") vars[key] = value;
  }
  const varArgs = Object.entries(vars).flatMap(([key, value]) => ["--var", `${key}:${value}`]);
  return ["dev", ...varArgs, ...extra];
}

if (process.argv[1]?.endsWith("worker-dev.ts")) {
  const child = spawn("wrangler", workerDevArgs(process.env, process.argv.slice(2)), {
    stdio: "inherit",
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: process.env.WRANGLER_SEND_METRICS ?? "false",
      CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? "false",
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
