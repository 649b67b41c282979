/** `npm run user:create`: creates an audited user in the configured database and prints a password once. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/open-node";
import { auditEvents } from "../../db/schema/audit";
import { users } from "../../db/schema/auth";
import { createPasswordHasher } from "../../src/auth/password";
import { nodeScrypt } from "../../src/auth/scrypt-node";
import { userCreate } from "../../src/cli/user-create";
import { childEnv } from "../helpers/child-env";
import { freshDbPath } from "../helpers/db";

const cheap = createPasswordHasher(nodeScrypt, { ln: 10, r: 8, p: 1 });

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

async function rowsOf(path: string, email: string) {
  const db = await openDatabase({ url: `file:${path}` });
  try {
    const user = await db.orm.select().from(users).where(eq(users.email, email)).get();
    const audit = await db.orm
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, user?.id ?? ""))
      .all();
    return { user, audit, passwords: cheap };
  } finally {
    db.close();
  }
}

describe("user:create", () => {
  it("creates the user with a generated password printed once, audited as the CLI", async () => {
    const path = freshDbPath();
    const { out, err, io: streams } = io();
    const code = await userCreate(
      ["--email", "Ani@Banyuwangikab.go.id", "--role", "protocol", "--name", "Ani Protokol"],
      { DATABASE_URL: `file:${path}` },
      streams,
      cheap,
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const password = /kata sandi: (\S+)/.exec(out.join("\n"))?.[1];
    expect(password).toMatch(/^[A-Za-z2-9]{7}-[A-Za-z2-9]{7}-[A-Za-z2-9]{7}$/);
    const { user, audit } = await rowsOf(path, "ani@banyuwangikab.go.id");
    expect(user).toMatchObject({ role: "protocol", name: "Ani Protokol", locale: "id", disabledAt: null });
    expect(await cheap.verify(user?.passwordHash as string, password as string)).toBe(true);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "user.create", actorId: null, actorLabel: "cli" });
  });

  it("uses a given password without echoing it", async () => {
    const path = freshDbPath();
    const { out, io: streams } = io();
    const code = await userCreate(
      ["--email", "budi@test.sambang.id", "--role", "viewer", "--password", "budi-password-123"],
      { DATABASE_URL: `file:${path}` },
      streams,
      cheap,
    );
    expect(code).toBe(0);
    expect(out.join("\n")).not.toContain("budi-password-123");
    const { user } = await rowsOf(path, "budi@test.sambang.id");
    expect(await cheap.verify(user?.passwordHash as string, "budi-password-123")).toBe(true);
    expect(user?.name).toBe("budi");
  });

  it("refuses bad input naming the option, and a duplicate e-mail", async () => {
    const path = freshDbPath();
    const env = { DATABASE_URL: `file:${path}` };
    const bad = io();
    expect(await userCreate(["--email", "nope", "--role", "chief"], env, bad.io, cheap)).toBe(2);
    expect(bad.err.join("\n")).toMatch(/--email/);
    expect(bad.err.join("\n")).toMatch(/--role/);

    const short = io();
    expect(
      await userCreate(["--email", "a@b.id", "--role", "viewer", "--password", "x"], env, short.io, cheap),
    ).toBe(2);
    expect(short.err.join("\n")).toMatch(/--password/);

    const unknown = io();
    expect(
      await userCreate(["--email", "a@b.id", "--role", "viewer", "--admin"], env, unknown.io, cheap),
    ).toBe(2);
    expect(unknown.err.join("\n")).toMatch(/--admin/);

    const ok = io();
    expect(await userCreate(["--email", "a@b.id", "--role", "viewer"], env, ok.io, cheap)).toBe(0);
    const dup = io();
    expect(await userCreate(["--email", "A@B.id", "--role", "admin"], env, dup.io, cheap)).toBe(1);
    expect(dup.err.join("\n")).toMatch(/already exists/);
  });

  it("runs as `npm run user:create` (real process, real scrypt cost)", async () => {
    const path = freshDbPath();
    const { stdout } = await promisify(execFile)(
      "npm",
      ["run", "--silent", "user:create", "--", "--email", "humas@test.sambang.id", "--role", "humas"],
      { env: childEnv({ DATABASE_URL: `file:${path}` }), cwd: process.cwd() },
    );
    expect(stdout).toMatch(/humas@test\.sambang\.id \(humas\)/);
    const password = /kata sandi: (\S+)/.exec(stdout)?.[1] as string;
    const { user } = await rowsOf(path, "humas@test.sambang.id");
    expect(user?.passwordHash).toMatch(/^\$scrypt\$ln=14,r=8,p=5\$/);
    expect(await createPasswordHasher(nodeScrypt).verify(user?.passwordHash as string, password)).toBe(true);
  });
});
