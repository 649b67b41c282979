/**
 * Language choice: Bahasa Indonesia by default; POST /language keeps English per browser (cookie) and,
 * when signed in, per user (users.locale), so it follows the user to another browser.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/schema/auth";
import { makeTestApp, ORIGIN, type TestApp } from "../helpers/test-app";

function switchTo(t: TestApp, locale: string, headers: Record<string, string> = {}, next = "/") {
  return t.app.request("/language", {
    method: "POST",
    headers: { ...ORIGIN, ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ locale, next }),
  });
}

const langCookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith("sambang_lang="))
    ?.split(";")[0];

describe("language", () => {
  it("defaults to Bahasa Indonesia", async () => {
    const t = await makeTestApp();
    const { cookie } = await t.as("viewer");
    const html = await (await t.app.request("/", { headers: { Cookie: cookie } })).text();
    expect(html).toContain('<html lang="id"');
    expect(html).toContain("Beranda");
    expect(html).toContain("Keluar");
  });

  it("a signed-in switch to English persists per user and per browser", async () => {
    const t = await makeTestApp();
    const { user, cookie } = await t.as("protocol");
    const res = await switchTo(t, "en", { Cookie: cookie }, "/admin/users");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/admin/users");
    const lang = langCookieOf(res);
    expect(lang).toBe("sambang_lang=en");
    const row = await t.db.orm.select().from(users).where(eq(users.id, user.id)).get();
    expect(row?.locale).toBe("en");

    const html = await (await t.app.request("/", { headers: { Cookie: cookie } })).text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("Home");
    expect(html).toContain("Sign out");
    expect(html).not.toContain("Beranda");

    // Another browser (no language cookie): the user's preference applies after sign-in.
    const elsewhere = await t.signIn(user.email, user.password);
    const again = await (await t.app.request("/", { headers: { Cookie: elsewhere } })).text();
    expect(again).toContain('<html lang="en"');

    // API errors follow the language too.
    const err = await t.app.request("/api/v1/users", { headers: { Cookie: elsewhere } });
    expect((await err.json()).error.message).toBe("You do not have access to this action.");
  });

  it("switching back to Bahasa Indonesia works the same way", async () => {
    const t = await makeTestApp();
    const { user, cookie } = await t.as("humas");
    await switchTo(t, "en", { Cookie: cookie });
    const back = await switchTo(t, "id", { Cookie: cookie });
    expect(langCookieOf(back)).toBe("sambang_lang=id");
    const row = await t.db.orm.select().from(users).where(eq(users.id, user.id)).get();
    expect(row?.locale).toBe("id");
    expect(await (await t.app.request("/", { headers: { Cookie: cookie } })).text()).toContain("Beranda");
  });

  it("a signed-out visitor's choice is kept in the browser cookie", async () => {
    const t = await makeTestApp();
    const res = await switchTo(t, "en", {}, "/login");
    const lang = langCookieOf(res);
    expect(lang).toBe("sambang_lang=en");
    const html = await (await t.app.request("/login", { headers: { Cookie: lang as string } })).text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("Sign in to Sambang");
    expect(res.headers.getSetCookie().find((c) => c.startsWith("sambang_lang="))).toMatch(/SameSite=Lax/i);
  });

  it("?lang= overrides for one request (links in mails)", async () => {
    const t = await makeTestApp();
    expect(await (await t.app.request("/login?lang=en")).text()).toContain("Sign in to Sambang");
    expect(await (await t.app.request("/login?lang=xx")).text()).toContain("Masuk ke Sambang");
  });

  it("refuses an unknown language and a cross-site switch", async () => {
    const t = await makeTestApp();
    const { cookie } = await t.as("viewer");
    expect((await switchTo(t, "fr", { Cookie: cookie })).status).toBe(400);
    const forged = await switchTo(t, "en", { Cookie: cookie, Origin: "https://evil.example" });
    expect(forged.status).toBe(403);
  });

  it("does not follow an off-site `next`", async () => {
    const t = await makeTestApp();
    const res = await switchTo(t, "en", {}, "https://evil.example/");
    expect(res.headers.get("Location")).toBe("/");
  });
});
