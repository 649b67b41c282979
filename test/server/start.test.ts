/**
 * Start-up as a newcomer runs it: `npm start`'s own command (build `dist/` if stale, then plain node with
 * the heap bound) on a fresh database serves /livez and the sign-in page and prints the first admin's
 * credentials, which sign in, and keeps a link secret beside the database; a second start prints none and
 * reads the same secret; a bad env value stops start-up with a message
 * naming the variable. A stop signal lets a request in flight finish before the database closes.
 */
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../helpers/free-port";
import {
  START_TIMEOUT_MS,
  startServer,
  stopServer,
  stopStartedServers,
  waitForBanner,
  waitForLivez,
} from "../helpers/server-process";

afterEach(stopStartedServers);

describe("server start-up", () => {
  it(
    "serves /livez and the sign-in page; the printed first-start credentials sign in; a restart prints none",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "sambang-start-"));
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const env = { DATABASE_URL: `file:${join(dir, "data", "sambang.db")}`, PORT: String(port) };

      const first = startServer(env);
      expect(await (await waitForLivez(base, first)).text()).toBe("ok");
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
      expect(await stopServer(first)).toBe(0);
      // Without LINK_SECRET the first start made one and keeps it next to the database, for the owner only.
      const secretFile = join(dir, "data", "link-secret");
      const secret = readFileSync(secretFile, "utf8");
      expect(secret.trim().length).toBeGreaterThanOrEqual(32);
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);

      const second = startServer(env);
      await waitForLivez(base, second);
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
      await stopServer(second);
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
      await waitForLivez(base, run);
      await waitForBanner(run.output);
      expect(run.output.stdout).toContain("kominfo@banyuwangikab.go.id");
      expect(run.output.stdout).not.toContain("operator-chosen-secret");
      const signIn = await fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: `http://localhost:${port}` },
        body: JSON.stringify({ email: "kominfo@banyuwangikab.go.id", password: "operator-chosen-secret" }),
      });
      expect(signIn.status).toBe(200);
      await stopServer(run);
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
      await waitForLivez(base, run);
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
