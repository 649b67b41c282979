/**
 * Start-up as a newcomer runs it: `src/server.ts` on a fresh database serves /livez and the sign-in page
 * and prints the first admin's credentials, which sign in; a second start prints none; a bad env value
 * stops start-up with a message naming the variable.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { childEnv } from "../helpers/child-env";

const started: ChildProcess[] = [];

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

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
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
  for (let i = 0; i < 300; i++) {
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
  it("serves /livez and the sign-in page; the printed first-start credentials sign in; a restart prints none", async () => {
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
  });

  it("uses ADMIN_EMAIL / ADMIN_PASSWORD when set and never echoes the password", async () => {
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
  });

  it("refuses a bad env value, naming the variable, with a non-zero exit", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sambang-start-"));
    const run = startServer({ DATABASE_URL: `file:${join(dir, "s.db")}`, PORT: "abc" });
    const code = await run.exited;
    expect(code).not.toBe(0);
    expect(run.output.stderr).toMatch(/\bPORT\b/);
    expect(run.output.stderr).not.toMatch(/\n\s+at /); // a readable message, not a stack trace
  });
});
