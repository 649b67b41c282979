/**
 * @module Browser-test harness: finds Chromium, launches it through playwright-core, and serves the real
 * app over HTTP on a random loopback port with a fresh database.
 * Chromium comes from `CHROMIUM_PATH`, else `chromium` on the PATH, else /usr/bin/chromium. When none is
 * found, browser tests are skipped locally with a printed reason; with `CI=true` or `REQUIRE_BROWSER=1`
 * they run anyway and fail, so CI can never pass by skipping them.
 */
import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { type ServerType, serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../../src/app";
import { createPasswordHasher } from "../../src/auth/password";
import { nodeScrypt } from "../../src/auth/scrypt-node";
import { parseConfig } from "../../src/config";
import type { AppDeps, Logger } from "../../src/http/context";
import { auditedTransaction } from "../../src/http/service-context";
import { createNodeMail } from "../../src/mail/node/create-mail";
import { createUser } from "../../src/users/service";
import { freshDb } from "../helpers/db";
import { freePort } from "../helpers/free-port";
import { TEST_LINK_SECRET } from "../helpers/test-app";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

function executable(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return undefined;
  }
}

function onPath(name: string): string | undefined {
  try {
    return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(): string | undefined {
  return (
    executable(process.env.CHROMIUM_PATH) ?? executable(onPath("chromium")) ?? executable("/usr/bin/chromium")
  );
}

export const browserRequired = process.env.CI === "true" || process.env.REQUIRE_BROWSER === "1";
export const chromiumPath = findChromium();
/** True when browser tests should be skipped (no Chromium, and not required). */
export const skipBrowserTests = !chromiumPath && !browserRequired;

if (skipBrowserTests) {
  console.warn(
    "[e2e] Skipping browser tests: no Chromium found (set CHROMIUM_PATH, or install Debian's `chromium`). " +
      "CI=true or REQUIRE_BROWSER=1 turns this into a failure.",
  );
}

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) {
    throw new Error("Chromium is required (CI=true or REQUIRE_BROWSER=1) but none was found");
  }
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

export interface RunningApp {
  baseUrl: string;
  /** The app's database, for tests that seed data the UI cannot create quickly. */
  db: Awaited<ReturnType<typeof freshDb>>;
  admin: { email: string; password: string };
  logger: Logger & { errors: unknown[] };
  /** What the app was built with (for tests that run the jobs or add users themselves). */
  config: AppDeps["config"];
  clock: AppDeps["clock"];
  passwords: AppDeps["passwords"];
  mail: AppDeps["mail"];
  close(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment for parseConfig (e.g. SMTP_URL, MAIL_FROM). */
  env?: Record<string, string>;
  /** Wire `deps.mail` the way src/server.ts does (SMTP when SMTP_URL is set, else .eml files). */
  mail?: boolean;
}

/** Serves the real app (real HTTP, real cookies) over a fresh migrated database. */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const db = await freshDb();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const passwords = createPasswordHasher(nodeScrypt, { ln: 10, r: 8, p: 1 });
  const errors: unknown[] = [];
  const logger = {
    errors,
    info: () => {},
    error: (message: string, fields?: Record<string, unknown>) => errors.push({ message, fields }),
  };
  const admin = { email: "admin@e2e.sambang.id", password: "admin-e2e-password-1" };
  await createUser(
    {
      passwords,
      now: new Date(),
      transaction: auditedTransaction(db, { id: null, label: "e2e" }, new Date()),
    },
    { ...admin, name: "Admin Uji", role: "admin", locale: "id" },
  );
  const config = parseConfig({
    LINK_SECRET: TEST_LINK_SECRET,
    ...options.env,
    BASE_URL: baseUrl,
    PORT: String(port),
  });
  const clock = () => new Date();
  const mail = options.mail ? createNodeMail(config) : undefined;
  const app = createApp({
    db,
    config,
    clock,
    passwords,
    logger,
    socketAddress: (c) => getConnInfo(c).remote.address,
    mail,
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => resolve(s));
  });
  return {
    baseUrl,
    db,
    admin,
    logger,
    config,
    clock,
    passwords,
    mail,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(async () => {
          await mail?.transport.close?.();
          db.close();
          resolve();
        });
      }),
  };
}

/**
 * For a `describe` block: serves the app and launches Chromium before its tests, and closes both after.
 * Read `browser` and `server` inside the tests; they exist once `beforeAll` has run.
 */
export function useBrowserAndApp(options: StartOptions = {}): {
  readonly browser: Browser;
  readonly server: RunningApp;
} {
  let browser: Browser | undefined;
  let server: RunningApp | undefined;
  beforeAll(async () => {
    server = await startApp(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("useBrowserAndApp: the browser is only there inside tests");
      return browser;
    },
    get server() {
      if (!server) throw new Error("useBrowserAndApp: the app is only there inside tests");
      return server;
    },
  };
}

/** Signs in on the sign-in page (Indonesian labels) and waits for the start page. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(`${baseUrl}/`);
}
