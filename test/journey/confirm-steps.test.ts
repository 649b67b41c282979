/**
 * Destructive and outward actions have a confirmation step: the first POST answers the confirmation page
 * (200) and changes nothing; only the page's own button (the same POST with `confirmed=yes`) acts.
 */
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/schema/auth";
import { delegations, participants } from "../../db/schema/delegations";
import { outboxMessages } from "../../db/schema/outbox";
import { shareLinks } from "../../db/schema/sharing";
import { book, makeDelegation, makeParticipant, makeVenue } from "../helpers/factories";
import { makeTestApp, type TestApp } from "../helpers/test-app";

function form(t: TestApp, headers: Record<string, string>, path: string, fields: Record<string, string>) {
  return t.app.request(path, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

/** Posts once (expects the confirmation page, nothing done), then confirms; returns the second answer. */
async function confirmTwice(
  t: TestApp,
  headers: Record<string, string>,
  path: string,
  fields: Record<string, string>,
  unchanged: () => Promise<void>,
) {
  const first = await form(t, headers, path, fields);
  expect(first.status).toBe(200);
  const html = await first.text();
  expect(html).toContain('data-testid="confirm-step"');
  expect(html).toContain(`action="${path}"`);
  expect(html).toContain('name="confirmed" value="yes"');
  for (const [k, v] of Object.entries(fields)) expect(html).toContain(`name="${k}" value="${v}"`);
  await unchanged();
  const second = await form(t, headers, path, { ...fields, confirmed: "yes" });
  expect(second.status).toBeLessThan(400);
  return second;
}

describe("confirmation steps", () => {
  it("decline and cancel happen only after confirming; the reason is shown on the step", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const statusOf = async (id: string) =>
      (await t.db.orm.query.delegations.findFirst({ where: eq(delegations.id, id) }))!.status;
    for (const [status, to] of [
      ["requested", "declined"],
      ["confirmed", "cancelled"],
    ] as const) {
      const d = await makeDelegation(t.db, { status });
      const path = `/delegations/${d.id}/transition`;
      const first = await form(t, headers, path, { to, reason: "Jadwal bupati penuh", version: "1" });
      expect(await first.text()).toContain("Jadwal bupati penuh");
      await confirmTwice(t, headers, path, { to, reason: "Jadwal bupati penuh", version: "1" }, async () => {
        expect(await statusOf(d.id)).toBe(status);
      });
      expect(await statusOf(d.id)).toBe(to);
    }
  });

  it("a missing reason is a field error at once (no confirmation of an action that cannot happen)", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const d = await makeDelegation(t.db);
    const res = await form(t, headers, `/delegations/${d.id}/transition`, { to: "cancelled", version: "1" });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('data-testid="confirm-step"');
  });

  it("deleting a participant, revoking links, deactivating a user and sending invitations are confirmed first", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const admin = await t.as("admin");
    const d = await makeDelegation(t.db);
    const p = await makeParticipant(t.db, d.id, { name: "Ibu Wakil", email: "wakil@example.go.id" });
    const venue = await makeVenue(t.db);
    await book(t.db, d.id, {
      title: "Tur",
      startsAt: "2026-03-10T09:00:00+07:00",
      endsAt: "2026-03-10T10:00:00+07:00",
      venueId: venue.id,
    });

    const rows = () => t.db.orm.select().from(participants).where(eq(participants.delegationId, d.id)).all();
    const delPath = `/delegations/${d.id}/participants/${p.id}/delete`;
    const first = await form(t, headers, delPath, {});
    expect(await first.text()).toContain("Ibu Wakil");
    await confirmTwice(t, headers, delPath, {}, async () => expect(await rows()).toHaveLength(1));
    expect(await rows()).toHaveLength(0);

    expect((await form(t, headers, `/delegations/${d.id}/share`, {})).status).toBeLessThan(400);
    const live = () =>
      t.db.orm
        .select()
        .from(shareLinks)
        .where(and(eq(shareLinks.delegationId, d.id), isNull(shareLinks.revokedAt)))
        .all();
    expect(await live()).toHaveLength(1);
    await confirmTwice(t, headers, `/delegations/${d.id}/share/revoke`, {}, async () =>
      expect(await live()).toHaveLength(1),
    );
    expect(await live()).toHaveLength(0);

    const queued = () =>
      t.db.orm.select().from(outboxMessages).where(eq(outboxMessages.delegationId, d.id)).all();
    const before = (await queued()).length;
    await confirmTwice(
      t,
      headers,
      `/delegations/${d.id}/invitations/send`,
      { "to.contact": "yes", "form.contact": "itinerary" },
      async () => expect(await queued()).toHaveLength(before),
    );
    expect((await queued()).length).toBeGreaterThan(before);

    const victim = await t.addUser("viewer");
    const disabledAt = async () =>
      (await t.db.orm.query.users.findFirst({ where: eq(users.id, victim.id) }))!.disabledAt;
    await confirmTwice(t, admin.headers, `/admin/users/${victim.id}/disable`, {}, async () =>
      expect(await disabledAt()).toBeNull(),
    );
    expect(await disabledAt()).not.toBeNull();
  });
});
