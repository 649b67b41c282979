/**
 * The delegation workflow queues its notices itself, in the transaction of the change: a public request
 * queues "request received" with the status link; each transition queues its notice to the contact person.
 */
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outboxMessages } from "../../db/schema/outbox";
import { delegationsApp, json, makeRequest, readyToComplete } from "../delegations/helpers";

async function outboxOf(t: Awaited<ReturnType<typeof delegationsApp>>, delegationId: string) {
  return t.db.orm
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.delegationId, delegationId))
    .orderBy(asc(outboxMessages.createdAt))
    .all();
}

describe("workflow notices from the delegation services", () => {
  it("a public request queues one receipt with the private status link", async () => {
    const t = await delegationsApp();
    const r = await makeRequest(t);
    const queued = await outboxOf(t, r.id);
    expect(queued.map((m) => m.kind)).toEqual(["request_received"]);
    expect(queued[0]?.text).toContain(r.statusUrl);
    expect(queued[0]?.status).toBe("queued");
  });

  it("proposing dates, confirming and cancelling each queue their notice; completing queues the survey", async () => {
    const t = await delegationsApp();
    const r = await makeRequest(t);
    const staff = await t.as("protocol");
    const steps = [
      { to: "requested", dates: [{ start: "2026-04-06" }] },
      { to: "confirmed", dates: { start: "2026-03-16", end: "2026-03-17" } },
      { to: "completed" },
    ];
    for (const body of steps) {
      t.clock.advance(1000);
      const restore = body.to === "completed" ? await readyToComplete(t, r.id) : null;
      const res = await t.app.request(
        `/api/v1/delegations/${r.id}/transition`,
        json("POST", body, staff.headers),
      );
      restore?.();
      expect(res.status).toBe(200);
    }
    expect((await outboxOf(t, r.id)).map((m) => m.kind)).toEqual([
      "request_received",
      "dates_proposed",
      "confirmed",
      "feedback_request",
    ]);

    const other = await makeRequest(t);
    const res = await t.app.request(
      `/api/v1/delegations/${other.id}/transition`,
      json("POST", { to: "cancelled", reason: "Bentrok dengan agenda DPRD" }, staff.headers),
    );
    expect(res.status).toBe(200);
    const cancelled = (await outboxOf(t, other.id)).find((m) => m.kind === "cancelled");
    expect(cancelled?.text).toContain("Bentrok dengan agenda DPRD");
  });

  it("a refused transition queues nothing", async () => {
    const t = await delegationsApp();
    const r = await makeRequest(t);
    const staff = await t.as("protocol");
    const res = await t.app.request(
      `/api/v1/delegations/${r.id}/transition`,
      json("POST", { to: "completed" }, staff.headers),
    );
    expect(res.status).toBe(409);
    expect((await outboxOf(t, r.id)).map((m) => m.kind)).toEqual(["request_received"]);
  });
});
