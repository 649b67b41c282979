/**
 * Passwords people can manage: a strength check (common passwords, patterns, the user's own name and
 * e-mail), a change-password page that asks for the current one and ends the user's other sessions and
 * tokens, and a reset by e-mail (hashed single-use token, 30 minutes, the same answer for unknown accounts)
 * signed by the host's protocol office from the saved host settings.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { passwordResetTokens } from "../../db/schema/auth";
import { outboxMessages } from "../../db/schema/outbox";
import { saveTestHostSettings } from "../helpers/factories";
import { json, makeTestApp, ORIGIN, sessionCookieOf, type TestApp } from "../helpers/test-app";

const STRONG = "Kelapa-Hijau-Banyuwangi-77";
const form = (headers: Record<string, string>, fields: Record<string, string>): RequestInit => ({
  method: "POST",
  headers: { ...headers, ...ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});
const me = (t: TestApp, headers: Record<string, string>) => t.app.request("/api/v1/me", { headers });

describe("password strength", () => {
  for (const password of ["password1234", "aaaaaaaaaaaa", "sambang12345", "budisantoso2026"]) {
    it(`refuses "${password}" for a new user and for a reset by an admin`, async () => {
      const t = await makeTestApp();
      const { headers } = await t.as("admin");
      const res = await t.app.request(
        "/api/v1/users",
        json(headers, {
          email: "budi.santoso@banyuwangikab.go.id",
          name: "Budi Santoso",
          role: "viewer",
          password,
        }),
      );
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.details.fields.password[0]).toMatch(/mudah ditebak|minimal 12/);
      // The same password for someone named otherwise: only the common ones are refused.
      const user = await t.addUser("viewer");
      const patch = await t.app.request(`/api/v1/users/${user.id}`, json(headers, { password }, "PATCH"));
      expect(patch.status).toBe(password === "budisantoso2026" ? 200 : 400);
    });
  }

  it("accepts a long passphrase", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("admin");
    const res = await t.app.request(
      "/api/v1/users",
      json(headers, { email: "rina@banyuwangikab.go.id", name: "Rina", role: "viewer", password: STRONG }),
    );
    expect(res.status).toBe(201);
  });
});

describe("changing your own password", () => {
  it("asks for the current password, checks the new one, ends other sessions and tokens, keeps this one", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const user = await t.addUser("humas");
    const here = await t.signIn(user.email, user.password);
    const elsewhere = await t.signIn(user.email, user.password);
    const tokenRes = await t.app.request(
      "/api/v1/tokens",
      json(admin.headers, { name: "humas", userId: user.id }),
    );
    const { token } = await tokenRes.json();
    const bearer = { Authorization: `Bearer ${token}` };
    expect((await me(t, bearer)).status).toBe(200);

    const page = await t.app.request("/account/password", { headers: { Cookie: here } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Ganti kata sandi");
    expect(html).toContain('autocomplete="current-password"');

    const cases: [Record<string, string>, string][] = [
      [{ current: "wrong-password-123", next: STRONG, confirm: STRONG }, "Kata sandi saat ini salah."],
      [{ current: user.password, next: "password1234", confirm: "password1234" }, "mudah ditebak"],
      [{ current: user.password, next: STRONG, confirm: `${STRONG}x` }, "Kedua kata sandi baru tidak sama."],
    ];
    for (const [fields, message] of cases) {
      const res = await t.app.request("/account/password", form({ Cookie: here }, fields));
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(message);
    }

    const ok = await t.app.request(
      "/account/password",
      form({ Cookie: here }, { current: user.password, next: STRONG, confirm: STRONG }),
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe("/account/password?changed=1");
    expect((await me(t, { Cookie: here })).status).toBe(200);
    expect((await me(t, { Cookie: elsewhere })).status).toBe(401);
    expect((await me(t, bearer)).status).toBe(401);
    await expect(t.signIn(user.email, user.password)).rejects.toThrow(/401/);
    expect(await t.signIn(user.email, STRONG)).toMatch(/^sambang_session=/);
  });

  it("is for signed-in staff only", async () => {
    const t = await makeTestApp();
    const res = await t.app.request("/account/password");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toMatch(/^\/login\?next=/);
  });
});

async function resetLinkOf(t: TestApp, email: string): Promise<string> {
  const rows = await t.db.orm
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.kind, "password_reset"), eq(outboxMessages.toEmail, email)))
    .all();
  const last = rows.at(-1);
  const url = /http:\/\/localhost:8787(\/reset-password\/[A-Za-z0-9_-]+)/.exec(last?.text ?? "")?.[1];
  if (!url) throw new Error("no reset link");
  return url;
}

describe("forgot password", () => {
  it("answers the same whether or not the account exists, and mails a link only to a real one", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("protocol");
    const known = await t.app.request("/forgot-password", form({}, { email: user.email }));
    const unknown = await t.app.request("/forgot-password", form({}, { email: "nobody@test.sambang.id" }));
    expect(known.status).toBe(303);
    expect(unknown.status).toBe(303);
    expect(known.headers.get("Location")).toBe(unknown.headers.get("Location"));
    expect(await known.text()).toBe(await unknown.text());
    const mails = await t.db.orm.select().from(outboxMessages).all();
    expect(mails.map((m) => [m.kind, m.toEmail])).toEqual([["password_reset", user.email]]);
    const stored = await t.db.orm.select().from(passwordResetTokens).get();
    const link = await resetLinkOf(t, user.email);
    expect(stored?.tokenHash).not.toContain(link.split("/").at(-1));
  });

  it("the mail is signed by the host's protocol office once the host settings are saved", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("protocol");
    const lastMail = async () =>
      (
        await t.db.orm.select().from(outboxMessages).where(eq(outboxMessages.kind, "password_reset")).all()
      ).at(-1)?.text ?? "";

    // No host settings saved yet: the plain wording, no office or government named.
    await t.app.request("/forgot-password", form({}, { email: user.email }));
    const plain = await lastMail();
    expect(plain).toContain("Hormat kami,\nBagian Protokol\n");
    expect(plain).not.toContain("Pemerintah Kabupaten");

    await saveTestHostSettings(t.db, t.clock(), {
      governmentName: "Pemerintah Kabupaten Sleman",
      officeName: "Bagian Protokol dan Komunikasi Pimpinan Setda Sleman",
      address: "Jl. Parasamya No. 1, Beran, Tridadi, Sleman",
      city: "Sleman",
      phone: "(0274) 868405",
    });
    await t.app.request("/forgot-password", form({}, { email: user.email }));
    const signed = await lastMail();
    expect(signed).toContain(
      "Hormat kami,\nBagian Protokol dan Komunikasi Pimpinan Setda Sleman\nPemerintah Kabupaten Sleman\n",
    );
    expect(signed).toContain("Telp. (0274) 868405");
  });

  it("the link sets a new password once, ends every session and token, then stops working", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const user = await t.addUser("protocol");
    const session = await t.signIn(user.email, user.password);
    const { token } = await (
      await t.app.request("/api/v1/tokens", json(admin.headers, { name: "x", userId: user.id }))
    ).json();
    await t.app.request("/forgot-password", form({}, { email: user.email }));
    const link = await resetLinkOf(t, user.email);

    const page = await t.app.request(link);
    expect(page.status).toBe(200);
    expect(page.headers.get("Referrer-Policy")).toBe("same-origin");
    const weak = await t.app.request(link, form({}, { next: "sambang12345", confirm: "sambang12345" }));
    expect(weak.status).toBe(400);
    const done = await t.app.request(link, form({}, { next: STRONG, confirm: STRONG }));
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/login?reset=1");

    expect((await me(t, { Cookie: session })).status).toBe(401);
    expect((await me(t, { Authorization: `Bearer ${token}` })).status).toBe(401);
    const res = await t.app.request(
      "/api/v1/auth/login",
      json(ORIGIN, { email: user.email, password: STRONG }),
    );
    expect(res.status).toBe(200);
    expect(sessionCookieOf(res)).toMatch(/^sambang_session=/);

    const again = await t.app.request(link, form({}, { next: `${STRONG}-2`, confirm: `${STRONG}-2` }));
    expect(again.status).toBe(404);
    expect(await again.text()).toContain("Tautan ini tidak berlaku lagi");
  });

  it("a link expires after 30 minutes", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("viewer");
    await t.app.request("/forgot-password", form({}, { email: user.email }));
    const link = await resetLinkOf(t, user.email);
    t.clock.advance(31 * 60_000);
    expect((await t.app.request(link)).status).toBe(404);
    const res = await t.app.request(link, form({}, { next: STRONG, confirm: STRONG }));
    expect(res.status).toBe(404);
    expect(
      (
        await t.app.request(
          "/api/v1/auth/login",
          json(ORIGIN, { email: user.email, password: user.password }),
        )
      ).status,
    ).toBe(200);
  });
});
