/**
 * The public request form cannot make the same request twice: the form carries a submission key made when
 * it is shown, and a second submit of it (reload, double click, back and submit) lands on the first
 * request's status page and creates nothing. After a refused submit, the form says the letter must be
 * attached again (a browser cannot have a file input filled by the server).
 */
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { delegations, letterFiles } from "../../db/schema/delegations";
import { outboxMessages } from "../../db/schema/outbox";
import { seedTopics } from "../../src/delegations/topics";
import { fill, formFields } from "../helpers/html-form";
import { makeTestApp, ORIGIN, type TestApp } from "../helpers/test-app";

const FIELDS = {
  institution: "Pemerintah Kabupaten Lingga",
  provinceCode: "21",
  leaderName: "Bapak Bupati",
  leaderTitle: "Bupati",
  purpose: "Studi banding pelayanan publik",
  topics: ["mpp"],
  expectedSize: "12",
  preferredStart: "2026-04-20",
  preferredEnd: "2026-04-21",
  contactName: "Ibu Kontak",
  contactEmail: "kontak@linggakab.go.id",
  contactPhone: "+6281234567890",
};

async function app() {
  const t = await makeTestApp();
  await seedTopics(t.db, t.clock());
  return t;
}

const shownForm = async (t: TestApp) =>
  formFields(await (await t.app.request("/kunjungan/ajukan")).text(), "/kunjungan/ajukan");

const send = (t: TestApp, body: URLSearchParams | FormData) =>
  t.app.request("/kunjungan/ajukan", { method: "POST", headers: ORIGIN, body });

const rows = async (t: TestApp) => (await t.db.orm.select({ n: count() }).from(delegations).get())?.n;

describe("the public request form is idempotent", () => {
  it("two submits of the same form make one request; both land on its status page", async () => {
    const t = await app();
    const body = fill(await shownForm(t), FIELDS);
    expect(body.get("submissionKey")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const first = await send(t, body);
    const second = await send(t, body);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await rows(t)).toBe(1);
    expect((await t.db.orm.select({ n: count() }).from(outboxMessages).get())?.n).toBe(1);
    const page = await t.app.request(second.headers.get("Location") as string);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("SB-2026-0001");
  });

  it("each showing of the form has its own key, so two forms make two requests", async () => {
    const t = await app();
    const a = fill(await shownForm(t), FIELDS);
    const b = fill(await shownForm(t), FIELDS);
    expect(a.get("submissionKey")).not.toBe(b.get("submissionKey"));
    expect((await send(t, a)).status).toBe(303);
    expect((await send(t, b)).status).toBe(303);
    expect(await rows(t)).toBe(2);
  });

  it("a form shown again after an error keeps its key: fixing it and submitting twice still makes one", async () => {
    const t = await app();
    const shown = await shownForm(t);
    const bad = await send(t, fill(shown, { ...FIELDS, contactEmail: "bukan-email" }));
    expect(bad.status).toBe(400);
    const again = formFields(await bad.text(), "/kunjungan/ajukan");
    expect(again.find(([k]) => k === "submissionKey")).toEqual(shown.find(([k]) => k === "submissionKey"));
    const fixed = fill(again, { contactEmail: "kontak@linggakab.go.id" });
    expect((await send(t, fixed)).status).toBe(303);
    expect((await send(t, fixed)).status).toBe(303);
    expect(await rows(t)).toBe(1);
  });

  it("a form without a key, or with a forged one, still sends (without the repeat check)", async () => {
    const t = await app();
    const shown = (await shownForm(t)).filter(([k]) => k !== "submissionKey");
    expect((await send(t, fill(shown, FIELDS))).status).toBe(303);
    expect((await send(t, fill(shown, { ...FIELDS, submissionKey: "x'; DROP" }))).status).toBe(303);
    expect(await rows(t)).toBe(2);
  });

  it("after a refused submit with a letter attached, the form asks for the letter again", async () => {
    const t = await app();
    const multipart = (fields: URLSearchParams, withLetter: boolean) => {
      const form = new FormData();
      for (const [k, v] of fields) form.append(k, v);
      if (withLetter)
        form.set(
          "letterFile",
          new File(["%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"], "surat.pdf", { type: "application/pdf" }),
        );
      return form;
    };
    const shown = await shownForm(t);
    const bad = fill(shown, { ...FIELDS, leaderName: "" });
    const withLetter = await send(t, multipart(bad, true));
    expect(withLetter.status).toBe(400);
    const html = await withLetter.text();
    expect(html).toContain('data-testid="letter-reattach"');
    expect(html).toContain("lampirkan lagi");
    expect(html).toMatch(/id="f-letterFile"[^>]*aria-describedby="f-letterFile-reattach"/);
    const withoutLetter = await send(t, multipart(bad, false));
    expect(await withoutLetter.text()).not.toContain('data-testid="letter-reattach"');
    // Attached again, it is stored once.
    const ok = await send(t, multipart(fill(shown, FIELDS), true));
    expect(ok.status).toBe(303);
    expect((await t.db.orm.select({ n: count() }).from(letterFiles).get())?.n).toBe(1);
  });
});
