/**
 * The language switch returns to the same page with its query string, and after a POST to that page's GET
 * equivalent: on every kind of page (a list with filters, a search with results, the visitor's status page
 * with its token, a token survey, a form shown again with errors, a confirmation step, a page reached by a
 * redirect) the switch lands on a 200 in the other language.
 */
import { describe, expect, it } from "vitest";
import { seedTopics } from "../../src/delegations/topics";
import { MPP_VENUE, makeDelegation, makeParticipant, makeSurveyLink, makeVenue } from "../helpers/factories";
import { fill, formFields } from "../helpers/html-form";
import { makeTestApp, ORIGIN, type TestApp } from "../helpers/test-app";

const langCookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith("sambang_lang="))
    ?.split(";")[0];

/**
 * Presses the switch on `page` (a response already rendered) and follows it: returns where it went and the
 * page there. `cookie` is the browser's cookie header (session and/or language).
 */
async function switchLanguage(t: TestApp, page: Response, cookie: string | undefined) {
  const html = await page.text();
  const from = /<html lang="(\w+)"/.exec(html)?.[1];
  const res = await t.app.request("/language", {
    method: "POST",
    headers: {
      ...ORIGIN,
      ...(cookie ? { Cookie: cookie } : {}),
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: fill(formFields(html, "/language"), {}),
  });
  expect(res.status).toBe(303);
  const location = res.headers.get("Location") as string;
  const lang = langCookieOf(res);
  const cookies = [cookie?.replace(/(^|; )sambang_lang=[^;]*/, ""), lang].filter(Boolean).join("; ");
  const landed = await t.app.request(location, { headers: { ...ORIGIN, Cookie: cookies } });
  const landedHtml = await landed.text();
  return {
    from,
    location,
    status: landed.status,
    lang: /<html lang="(\w+)"/.exec(landedHtml)?.[1],
    html: landedHtml,
    cookies,
  };
}

async function setup() {
  const t = await makeTestApp();
  await seedTopics(t.db, t.clock());
  const staff = await t.as("protocol");
  return { t, staff };
}

describe("the language switch", () => {
  it("keeps a staff list's filters and an availability search's results", async () => {
    const { t, staff } = await setup();
    const v = await makeVenue(t.db, { ...MPP_VENUE, name: "Pendopo Sabha Swagata" });
    for (const path of [
      "/delegations?status=requested&q=Lingga",
      `/availability?from=2026-03-10&to=2026-03-10&durationMinutes=60&groupSize=10&venueId=${v.id}`,
      "/calendar/day?date=2026-03-10",
    ]) {
      const page = await t.app.request(path, { headers: staff.headers });
      expect(page.status, path).toBe(200);
      const r = await switchLanguage(t, page, staff.cookie);
      expect(r.location, path).toBe(path);
      expect(r.status, path).toBe(200);
      expect(r.lang, path).toMatch(/^(id|en)$/);
      expect(r.lang, path).not.toBe(r.from);
    }
    // The results are still there, in English.
    const page = await t.app.request(
      `/availability?from=2026-03-10&to=2026-03-10&durationMinutes=60&groupSize=10&venueId=${v.id}`,
      { headers: staff.headers },
    );
    expect(page.status).toBe(200);
    const back = await switchLanguage(t, page, staff.cookie);
    expect(back.lang).not.toBe(back.from);
    expect(back.html).toContain('data-testid="availability-results"');
  });

  it("keeps the visitor on their status page (with its token) in the other language, and back", async () => {
    const t = await makeTestApp();
    await seedTopics(t.db, t.clock());
    const shown = formFields(await (await t.app.request("/kunjungan/ajukan")).text(), "/kunjungan/ajukan");
    const sent = await t.app.request("/kunjungan/ajukan", {
      method: "POST",
      headers: ORIGIN,
      body: fill(shown, {
        institution: "Pemerintah Kabupaten Lingga",
        provinceCode: "21",
        leaderName: "Bapak Bupati",
        leaderTitle: "Bupati",
        purpose: "Studi banding",
        topics: ["mpp"],
        expectedSize: "12",
        preferredStart: "2026-04-20",
        contactName: "Ibu Kontak",
        contactEmail: "kontak@linggakab.go.id",
        contactPhone: "+6281234567890",
      }),
    });
    const status = (sent.headers.get("Location") as string).replace("&sent=1", "");
    const page = await t.app.request(status);
    const en = await switchLanguage(t, page, undefined);
    expect(en.from).toBe("id");
    expect(en.location).toBe(status);
    expect(en.status).toBe(200);
    expect(en.lang).toBe("en");
    expect(en.html).toContain("SB-2026-0001");
    const id = await switchLanguage(
      t,
      await t.app.request(status, { headers: { Cookie: en.cookies } }),
      en.cookies,
    );
    expect(id.location).toBe(status);
    expect(id.status).toBe(200);
    expect(id.lang).toBe("id");
    // A link that names its language (?lang=) follows the switch instead of overriding it.
    const named = await switchLanguage(t, await t.app.request(`${status}&lang=id`), undefined);
    expect(named.location).toBe(`${status}&lang=en`);
    expect(named.lang).toBe("en");
  });

  it("on the survey and the public form", async () => {
    const t = await makeTestApp();
    await seedTopics(t.db, t.clock());
    const d = await makeDelegation(t.db, { status: "completed" });
    const token = await makeSurveyLink(t.db, d.id, t.clock());
    for (const path of [`/f/${token}`, "/kunjungan/ajukan"]) {
      const r = await switchLanguage(t, await t.app.request(path), undefined);
      expect(r.location, path).toBe(path);
      expect(r.status, path).toBe(200);
      expect(r.lang, path).toBe("en");
    }
  });

  it("after a POST: a form shown again with errors, a confirmation step, a page reached by a redirect", async () => {
    const { t, staff } = await setup();
    const d = await makeDelegation(t.db, { status: "requested" });
    const p = await makeParticipant(t.db, d.id, { name: "Pak Camat" });
    const post = (path: string, body: Record<string, string>) =>
      t.app.request(path, {
        method: "POST",
        headers: { ...staff.headers, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(body),
      });
    const cases: [Response, string][] = [
      // The public form and the staff form with errors: back to the empty form, not a 404.
      [
        await t.app.request("/kunjungan/ajukan", {
          method: "POST",
          headers: ORIGIN,
          body: new URLSearchParams({}),
        }),
        "/kunjungan/ajukan",
      ],
      [await post("/delegations/new", { institution: "" }), "/delegations/new"],
      // A confirmation step (decline) and a roster edit with errors: to the page above the POST.
      [
        await post(`/delegations/${d.id}/transition`, { to: "declined", reason: "Penuh", version: "1" }),
        `/delegations/${d.id}`,
      ],
      [
        await post(`/delegations/${d.id}/participants/${p.id}`, { name: "", version: "1" }),
        `/delegations/${d.id}/participants`,
      ],
    ];
    for (const [page, expected] of cases) {
      expect([200, 400]).toContain(page.status);
      const r = await switchLanguage(t, page, page.url.includes("kunjungan") ? undefined : staff.cookie);
      expect(r.location).toBe(expected);
      expect(r.status, expected).toBe(200);
      expect(r.lang, expected).not.toBe(r.from);
    }
    // A page reached by a Post/Redirect/Get is a GET page like any other.
    const note = await post(`/delegations/${d.id}/notes`, { body: "Sudah ditelepon." });
    const landed = await t.app.request(note.headers.get("Location") as string, { headers: staff.headers });
    const r = await switchLanguage(t, landed, staff.cookie);
    expect(r.location).toBe(`/delegations/${d.id}`);
    expect(r.status).toBe(200);
  });
});
