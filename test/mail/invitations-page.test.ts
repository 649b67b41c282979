/**
 * The invitations page as staff use it: every candidate ticked with a default form, "preview" answered
 * by the confirm step with exactly the mails that will go out (nothing queued yet), the confirmed POST
 * answering 303 back to the page where each recipient's last message shows its status. Nobody ticked is
 * a field error with the choices kept; a preview made stale by an agenda change is shown again (409).
 */

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agendaItems } from "../../db/schema/agenda";
import { outboxMessages } from "../../db/schema/outbox";
import { changeItem } from "../../src/bookings/service";
import { DEFAULT_HOST_TIME_ZONE } from "../../src/config";
import { auditedTransaction } from "../../src/http/service-context";
import { book, makeDelegation, makeHost, makeParticipant, makeVenue } from "../helpers/factories";
import { makeTestApp, type TestApp } from "../helpers/test-app";

function post(t: TestApp, headers: Record<string, string>, path: string, fields: Record<string, string>) {
  return t.app.request(path, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

async function setup() {
  const t = await makeTestApp();
  const { headers } = await t.as("protocol");
  const d = await makeDelegation(t.db, { contactName: "Pak Kontak", contactEmail: "kontak@example.go.id" });
  const p = await makeParticipant(t.db, d.id, { name: "Ibu Peserta", email: "peserta@example.go.id" });
  const venue = await makeVenue(t.db);
  const host = await makeHost(t.db, { name: "Pak Sekda", email: "sekda@banyuwangikab.go.id" });
  const item = await book(t.db, d.id, {
    title: "Paparan Sekda",
    startsAt: "2026-03-10T09:00:00+07:00",
    endsAt: "2026-03-10T10:00:00+07:00",
    venueId: venue.id,
    hostIds: [host.id],
  });
  const queued = async () =>
    (await t.db.orm.select().from(outboxMessages).where(eq(outboxMessages.delegationId, d.id))).length;
  return { t, headers, d, p, host, item, queued, path: `/delegations/${d.id}/invitations` };
}

describe("the invitations page", () => {
  it("ticks everyone with a default form, previews exactly the mails on the confirm step, then 303 and statuses", async () => {
    const { t, headers, d, p, host, queued, path } = await setup();
    const page = await (await t.app.request(path, { headers })).text();
    for (const key of ["contact", `participant:${p.id}`, `host:${host.id}`]) {
      expect(page).toMatch(new RegExp(`name="to\\.${key}" value="yes" checked`));
    }
    expect(page).toMatch(
      new RegExp(`name="form\\.host:${host.id}"[^>]*>.*?<option value="sessions" selected`, "s"),
    );

    const fields = {
      "to.contact": "yes",
      "form.contact": "itinerary",
      [`to.host:${host.id}`]: "yes",
      [`form.host:${host.id}`]: "sessions",
      [`form.participant:${p.id}`]: "itinerary",
    };
    const step = await post(t, headers, `${path}/send`, fields);
    expect(step.status).toBe(200);
    const html = await step.text();
    expect(html).toContain('data-testid="confirm-step"');
    expect(html.match(/data-testid="preview-mail"/g)).toHaveLength(2);
    expect(html).toContain(`Jadwal kunjungan · ${d.code}`);
    expect(html).toContain(`itinerary-${d.code}.pdf, itinerary-${d.code}.ics`);
    expect(html).toContain("Undangan: Paparan Sekda");
    expect(html).not.toContain("peserta@example.go.id");
    const basis = /name="basis" value="([0-9a-f]+)"/.exec(html)?.[1];
    expect(basis).toBeDefined();
    expect(await queued()).toBe(0);

    const done = await post(t, headers, `${path}/send`, { ...fields, basis: basis!, confirmed: "yes" });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`${path}?queued=2`);
    expect(await queued()).toBe(2);
    const after = await (await t.app.request(`${path}?queued=2`, { headers })).text();
    expect(after).toContain("2 pesan masuk antrean.");
    const statusOf = (key: string) =>
      new RegExp(`data-recipient="${key}".*?data-testid="recipient-status">(.*?)</td>`, "s").exec(after)?.[1];
    expect(statusOf("contact")).toContain('data-mail-state="queued"');
    expect(statusOf(`host:${host.id}`)).toContain('data-mail-state="queued"');
    expect(statusOf(`participant:${p.id}`)).toBe("—");
  });

  it("nobody ticked: the error beside the list, the choices kept, nothing queued", async () => {
    const { t, headers, host, queued, path } = await setup();
    const res = await post(t, headers, `${path}/send`, {
      "form.contact": "sessions",
      [`form.host:${host.id}`]: "itinerary",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('data-testid="choice-error"');
    expect(html).toContain("Pilih sedikitnya satu penerima.");
    expect(html).not.toMatch(/name="to\.contact" value="yes" checked/);
    expect(html).toMatch(/name="form\.contact"[^>]*>.*?<option value="sessions" selected/s);
    expect(await queued()).toBe(0);
  });

  it("a preview made stale by an agenda change is shown again with a warning, nothing queued", async () => {
    const { t, headers, item, queued, path } = await setup();
    const fields = { "to.contact": "yes", "form.contact": "sessions" };
    const html = await (await post(t, headers, `${path}/send`, fields)).text();
    const basis = /name="basis" value="([0-9a-f]+)"/.exec(html)![1]!;
    const row = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    await changeItem(
      {
        actor: { id: null, label: "test" },
        now: t.clock(),
        config: { hostTimeZone: DEFAULT_HOST_TIME_ZONE },
        transaction: auditedTransaction(t.db, { id: null, label: "test" }, t.clock()),
      },
      item.id,
      { version: row!.version, title: "Paparan Bupati" } as never,
    );
    const again = await post(t, headers, `${path}/send`, { ...fields, basis, confirmed: "yes" });
    expect(again.status).toBe(409);
    const text = await again.text();
    expect(text).toContain('data-testid="preview-warning"');
    expect(text).toContain("Undangan: Paparan Bupati");
    expect(await queued()).toBe(0);
  });

  it("switching the automatic notices answers 303", async () => {
    const { t, headers, path } = await setup();
    const res = await post(t, headers, `${path}/auto-notices`, { enabled: "false" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(path);
  });
});
