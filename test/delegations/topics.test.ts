/** Admins maintain the visit topics: add, rename in both languages (id stays), (de)activate; all audited. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema/audit";
import { delegationsApp } from "./helpers";

function form(headers: Record<string, string>, fields: Record<string, string>): RequestInit {
  return {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  };
}

describe("topics admin page", () => {
  it("renames a topic in both languages and the public form shows the new name", async () => {
    const t = await delegationsApp();
    const { headers } = await t.as("admin");
    const res = await t.app.request(
      "/admin/topics/mpp",
      form(headers, { nameId: "Mal Pelayanan Publik Digital", nameEn: "Digital Public Service Mall" }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/admin/topics");
    const page = await (await t.app.request("/kunjungan/ajukan")).text();
    expect(page).toContain("Mal Pelayanan Publik Digital");
    const en = await (await t.app.request("/kunjungan/ajukan?lang=en")).text();
    expect(en).toContain("Digital Public Service Mall");
    const audit = await t.db.orm
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "topic.rename"))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.entityId).toBe("mpp");
  });

  it("refuses an empty name with the error beside that row's field, changing nothing", async () => {
    const t = await delegationsApp();
    const { headers } = await t.as("admin");
    const res = await t.app.request(
      "/admin/topics/mpp",
      form(headers, { nameId: "", nameEn: "Public Service Mall" }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="f-mpp-nameId-error"[^>]*>Wajib diisi\./);
    const audit = await t.db.orm
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "topic.rename"))
      .all();
    expect(audit).toHaveLength(0);
  });

  it("refuses a malformed activate form and lets protocol staff do neither", async () => {
    const t = await delegationsApp();
    const admin = await t.as("admin");
    expect(
      (await t.app.request("/admin/topics/mpp/active", form(admin.headers, { active: "maybe" }))).status,
    ).toBe(400);
    const protocol = await t.as("protocol");
    expect(
      (await t.app.request("/admin/topics/mpp", form(protocol.headers, { nameId: "x", nameEn: "y" }))).status,
    ).toBe(403);
  });
});
