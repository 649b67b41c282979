/**
 * Start-up as a newcomer runs it: `npm start`'s own command (build `dist/` if stale, then plain node with
 * the heap bound) on a fresh database serves /livez and the sign-in page and prints the first admin's
 * credentials, which sign in, and keeps a link secret beside the database; a second start prints none and
 * reads the same secret; a bad env value stops start-up with a message
 * naming the variable. A stop signal lets a request in flight finish before the database closes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { childEnv } from "../helpers/child-env";

const started: ChildProcess[] = [];
/** Each test starts real server processes (building dist/ first if it is stale): slow on a busy machine. */
const START_TIMEOUT_MS = 120_000;

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill("SIGTERM");
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The `start` script of package.json, run by a shell as npm runs it (its `exec` makes the shell the server). */
const START = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts
  .start;

function startServer(env: Record<string, string>) {
  const child = spawn("sh", ["-c", START], {
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  const output = { stdout: "", stderr: "" };
  child.stdout?.on("data", (d) => {
    output.stdout += d;
  });
  child.stderr?.on("data", (d) => {
    output.stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output, exited };
}

async function waitForLivez(base: string, exited: Promise<number | null>, output: { stderr: string }) {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  for (let i = 0; i < 900; i++) {
    if (gone) throw new Error(`server exited early: ${output.stderr}`);
    try {
      const res = await fetch(`${base}/livez`);
      if (res.ok) return res;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer /livez: ${output.stderr}`);
}

/** The banner is printed in the listen callback, right after the port opens; wait for it. */
async function waitForBanner(output: { stdout: string }) {
  for (let i = 0; i < 100 && !output.stdout.includes("Database:"); i++)
    await new Promise((r) => setTimeout(r, 50));
}

async function stop(run: ReturnType<typeof startServer>) {
  run.child.kill("SIGTERM");
  return run.exited;
}

describe("server start-up", () => {
  it(
    "serves /livez and the sign-in page; the printed first-start credentials sign in; a restart prints none",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "sambang-start-"));
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const env = { DATABASE_URL: `file:${join(dir, "data", "sambang.db")}`, PORT: String(port) };

      const first = startServer(env);
      expect(await (await waitForLivez(base, first.exited, first.output)).text()).toBe("ok");
      await waitForBanner(first.output);
      expect(first.output.stdout).toContain(`http://localhost:${port}`);
      const email = /e-mail:\s+(\S+)/.exec(first.output.stdout)?.[1];
      const password = /password:\s+(\S+)/.exec(first.output.stdout)?.[1];
      expect(email).toBe("admin@sambang.local");
      expect(password).toMatch(/^[A-Za-z2-9]{7}-[A-Za-z2-9]{7}-[A-Za-z2-9]{7}$/);

      const login = await fetch(`${base}/login`);
      expect(login.status).toBe(200);
      expect(await login.text()).toContain('name="password"');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);

      const signIn = await fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: `http://localhost:${port}` },
        body: JSON.stringify({ email, password }),
      });
      expect(signIn.status).toBe(200);
      expect(await signIn.json()).toMatchObject({ email: "admin@sambang.local", role: "admin" });
      const cookie = signIn.headers.getSetCookie()[0]?.split(";")[0] as string;
      const me = await fetch(`${base}/api/v1/me`, { headers: { Cookie: cookie } });
      expect(me.status).toBe(200);
      expect(await stop(first)).toBe(0);
      // Without LINK_SECRET the first start made one and keeps it next to the database, for the owner only.
      const secretFile = join(dir, "data", "link-secret");
      const secret = readFileSync(secretFile, "utf8");
      expect(secret.trim().length).toBeGreaterThanOrEqual(32);
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);

      const second = startServer(env);
      await waitForLivez(base, second.exited, second.output);
      await waitForBanner(second.output);
      expect(second.output.stdout).toContain("Database:");
      expect(second.output.stdout).not.toMatch(/password:/);
      expect(second.output.stdout).not.toContain(password as string);
      // The first admin's password still works after the restart.
      const again = await fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: `http://localhost:${port}` },
        body: JSON.stringify({ email, password }),
      });
      expect(again.status).toBe(200);
      await stop(second);
      expect(readFileSync(secretFile, "utf8")).toBe(secret);
    },
    START_TIMEOUT_MS,
  );

  it(
    "uses ADMIN_EMAIL / ADMIN_PASSWORD when set and never echoes the password",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "sambang-start-"));
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const run = startServer({
        DATABASE_URL: `file:${join(dir, "s.db")}`,
        PORT: String(port),
        ADMIN_EMAIL: "Kominfo@Banyuwangikab.go.id",
        ADMIN_PASSWORD: "operator-chosen-secret",
        SEED: "none",
      });
      await waitForLivez(base, run.exited, run.output);
      await waitForBanner(run.output);
      expect(run.output.stdout).toContain("kominfo@banyuwangikab.go.id");
      expect(run.output.stdout).not.toContain("operator-chosen-secret");
      const signIn = await fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: `http://localhost:${port}` },
        body: JSON.stringify({ email: "kominfo@banyuwangikab.go.id", password: "operator-chosen-secret" }),
      });
      expect(signIn.status).toBe(200);
      await stop(run);
    },
    START_TIMEOUT_MS,
  );

  it.each([
    ["PORT", "abc"],
    ["MAX_HEAP_MB", "12x"],
  ])(
    "refuses a bad %s, naming the variable, with a non-zero exit",
    async (name, value) => {
      const dir = mkdtempSync(join(tmpdir(), "sambang-start-"));
      const run = startServer({ DATABASE_URL: `file:${join(dir, "s.db")}`, [name]: value });
      const code = await run.exited;
      expect(code).not.toBe(0);
      expect(run.output.stderr).toMatch(new RegExp(`\\b${name}\\b`));
      expect(run.output.stderr).not.toMatch(/\n\s+at /); // a readable message, not a stack trace
    },
    START_TIMEOUT_MS,
  );

  it(
    "on SIGTERM lets a request in flight finish, then closes the database and exits 0",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "sambang-start-"));
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const run = startServer({
        DATABASE_URL: `file:${join(dir, "s.db")}`,
        PORT: String(port),
        SEED: "none",
      });
      await waitForLivez(base, run.exited, run.output);
      expect(run.child.pid).toBeDefined();

      // A sign-in whose body is still arriving when the signal comes: it is in flight, and needs the database.
      const body = JSON.stringify({ email: "nobody@example.go.id", password: "not-the-password" });
      const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          `${base}/api/v1/auth/login`,
          {
            method: "POST",
            headers: {
              "Content-Type": "application/json",
              "Content-Length": Buffer.byteLength(body),
              Origin: `http://localhost:${port}`,
            },
          },
          (res) => {
            let text = "";
            res.on("data", (d) => {
              text += d;
            });
            res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on("error", reject);
        req.write(body.slice(0, 10));
        setTimeout(() => {
          run.child.kill("SIGTERM");
          setTimeout(() => req.end(body.slice(10)), 500);
        }, 200);
      });
      const { status, text } = await answer;
      expect(status).toBe(401);
      expect(text).toContain("error");
      expect(await run.exited).toBe(0);
      expect(run.output.stderr).toBe("");
    },
    START_TIMEOUT_MS,
  );
});
