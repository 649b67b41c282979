/**
 * @module Run by `npm start` before the server: checks `MAX_HEAP_MB`, builds `dist/` if it is missing or
 * older than the sources, and prints the Node flags the server runs with, which the start script passes
 * to `node` (`flags=$(node src/cli/prestart.mjs) && exec node $flags dist/server.js`), so the server is one
 * plain `node` process with nothing between it and the signals sent to `npm start`.
 *
 * The heap flag bounds memory: left alone, V8 grows its heap under load (hundreds of MiB for a server that
 * idles at ~100) and keeps it. `MAX_HEAP_MB` (default 160) caps the old generation; the resident size
 * stays roughly 60–90 MiB above it. Everything else goes to stderr: stdout carries only the flags.
 */
// @ts-check
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "./build.mjs";

const DEFAULT_HEAP_MB = 160;

/** @param {Record<string, string | undefined>} env @returns {string[]} */
function nodeFlags(env) {
  const raw = env.MAX_HEAP_MB?.trim() || String(DEFAULT_HEAP_MB);
  const mb = Number(raw);
  if (!/^\d+$/.test(raw) || mb < 64 || mb > 65536) {
    throw new Error(
      `MAX_HEAP_MB harus bilangan bulat 64–65536 (MiB) / must be a whole number of MiB from 64 to 65536, got "${raw}"`,
    );
  }
  return [`--max-old-space-size=${mb}`];
}

async function main() {
  const flags = nodeFlags(process.env);
  await buildIfStale(console.error);
  process.stdout.write(`${flags.join(" ")}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
