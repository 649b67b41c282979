/**
 * @module `npm run build`: bundles the Node server (`src/server.ts` and everything it imports, npm packages
 * included except libSQL's native driver) into `dist/` with esbuild, as ES modules split so that modules
 * imported on first use (pdf-lib, nodemailer, date-holidays…) stay in their own chunks, and copies the
 * migrations beside it (`dist/migrations`).
 * `--if-stale` builds only when the sources differ from the ones `dist/` was built from (a fingerprint of
 * their contents in `dist/build.json`), so `npm start` can call it before every start at almost no cost.
 *
 * Plain JavaScript on purpose: it runs before anything is compiled, with nothing but Node and esbuild.
 * The output is written to a sibling folder and swapped in whole, so a failed build never leaves half a
 * `dist/` behind.
 */
// @ts-check
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dist = join(root, "dist");
/** What the bundle is made of: any change here means a rebuild. */
const INPUTS = ["src", "db", "views", "package.json", "package-lock.json", "tsconfig.json"];

/** Packages the bundle imports from node_modules at run time instead of carrying them. */
const LEFT_IN_NODE_MODULES = ["libsql", "@libsql/*"];
const REQUIRE_SHIM =
  'import { createRequire as __sambangRequire } from "node:module"; const require = __sambangRequire(import.meta.url);';

/** @param {string} path @returns {string[]} */
function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

/** SHA-256 over the inputs' relative paths and contents, and the Node major the bundle targets. */
export function fingerprint() {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap((input) => filesUnder(join(root, input)))) {
    hash.update(relative(root, file));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Whether `dist/` holds a build of exactly the current sources. */
export function isFresh() {
  if (!existsSync(join(dist, "server.js"))) return false;
  try {
    return JSON.parse(readFileSync(join(dist, "build.json"), "utf8")).fingerprint === fingerprint();
  } catch {
    return false;
  }
}

/** How long a build may hold the lock before another start treats it as abandoned (a killed build). */
const STALE_LOCK_MS = 120_000;

/**
 * Runs `fn` holding `dist.lock` (a directory: creating one is atomic), so that two starts finding `dist/`
 * stale at the same moment build one after the other instead of swapping folders under each other.
 * @template T @param {() => Promise<T>} fn @returns {Promise<T>}
 */
async function withBuildLock(fn) {
  const lock = `${dist}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS)
          rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds `dist/` unless it already holds the current sources (checked again once the lock is held). */
export async function buildIfStale(log = console.log) {
  if (isFresh()) return;
  await withBuildLock(async () => {
    if (!isFresh()) await buildUnlocked(log);
  });
}

/** Builds `dist/`; `log` receives the one-line summary (stdout by default). */
export function build(log = console.log) {
  return withBuildLock(() => buildUnlocked(log));
}

/** @param {(line: string) => void} log */
async function buildUnlocked(log) {
  const { build: esbuild } = await import("esbuild");
  const started = performance.now();
  const print = fingerprint();
  const out = `${dist}.building-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  try {
    await esbuild({
      absWorkingDir: root,
      entryPoints: { server: "src/server.ts" },
      outdir: out,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20.19",
      // npm packages are bundled too: resolving and reading ~120 files from node_modules cost a third of a
      // cold start. libSQL stays there (its native binding is found at run time), with what it imports.
      external: LEFT_IN_NODE_MODULES,
      // Bundled CommonJS packages (nodemailer…) call require() for Node's own modules.
      banner: { js: REQUIRE_SHIM },
      // Chunks sit beside server.js, so `import.meta.url` names dist/ in every one of them.
      chunkNames: "chunk-[hash]",
      sourcemap: "linked",
      legalComments: "none",
      logLevel: "warning",
    });
    cpSync(join(root, "db", "migrations"), join(out, "migrations"), { recursive: true });
    writeFileSync(join(out, "build.json"), `${JSON.stringify({ fingerprint: print }, null, 1)}\n`);
    rmSync(dist, { recursive: true, force: true });
    renameSync(out, dist);
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    throw error;
  }
  log(`Built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  if (process.argv.includes("--if-stale")) await buildIfStale();
  else await build();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error("Build failed / gagal membangun:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
