/**
 * The venue's turnover buffer separates different groups, never one delegation's own consecutive items;
 * a clash that lies only in the buffer says so (`bufferMinutes`), and the free-slot search agrees.
 */
import { describe, expect, it } from "vitest";
import { findConflicts, findFreeSlots } from "../../src/scheduling/index.js";
import { at, makeBooking, makeVenue } from "./fixtures.js";

const slot = (start: string, end: string) => ({ start: at(start), end: at(end) });
const kemiren = makeVenue({ bufferMinutes: 15 });

describe("turnover buffer", () => {
  it("travel 13:30–14:15 then the venue at 14:15: books (no clash of a delegation with itself)", () => {
    const travel = makeBooking("2026-03-02T13:30:00+07:00", "2026-03-02T14:15:00+07:00", {
      itemId: "travel",
      delegationIds: ["d1"],
    });
    const conflicts = findConflicts({
      ...slot("2026-03-02T14:15:00+07:00", "2026-03-02T15:30:00+07:00"),
      groupSize: 20,
      delegationId: "d1",
      venue: kemiren,
      delegationBookings: [travel],
    });
    expect(conflicts).toEqual([]);
  });

  it("the delegation's own consecutive sessions at the venue need no buffer; another group's do", () => {
    const mine = makeBooking("2026-03-02T09:00:00+07:00", "2026-03-02T10:00:00+07:00", {
      itemId: "mine",
      delegationIds: ["d1"],
      hostIds: ["h1"],
    });
    const input = {
      ...slot("2026-03-02T10:00:00+07:00", "2026-03-02T11:00:00+07:00"),
      groupSize: 20,
      delegationId: "d1",
      venue: kemiren,
      hostIds: ["h1"],
      venueBookings: [mine],
      hostBookings: [mine],
      delegationBookings: [mine],
    };
    expect(findConflicts(input)).toEqual([]);
    const theirs = { ...mine, itemId: "theirs", delegationIds: ["d2"] };
    const clash = findConflicts({
      ...input,
      venueBookings: [theirs],
      hostBookings: [theirs],
      delegationBookings: [],
    });
    expect(clash.map((c) => [c.kind, c.itemId, c.bufferMinutes])).toEqual([
      ["venue", "theirs", 15],
      ["host", "theirs", 15],
    ]);
    // Times are the other session's own, never widened by the buffer.
    expect(clash[0]).toMatchObject({
      start: at("2026-03-02T09:00:00+07:00"),
      end: at("2026-03-02T10:00:00+07:00"),
    });
  });

  it("a clash with the requested times themselves carries no buffer mark", () => {
    const theirs = makeBooking("2026-03-02T09:30:00+07:00", "2026-03-02T10:30:00+07:00", {
      itemId: "theirs",
      delegationIds: ["d2"],
    });
    const [c] = findConflicts({
      ...slot("2026-03-02T09:00:00+07:00", "2026-03-02T10:00:00+07:00"),
      groupSize: 20,
      delegationId: "d1",
      venue: kemiren,
      venueBookings: [theirs],
    });
    expect(c).toMatchObject({ kind: "venue", itemId: "theirs" });
    expect(c?.bufferMinutes).toBeUndefined();
  });

  it("the free-slot search offers the start right after the delegation's own item, not after another group's", () => {
    const earlier = (delegationIds: string[]) =>
      makeBooking("2026-03-02T09:00:00+07:00", "2026-03-02T10:00:00+07:00", { itemId: "x", delegationIds });
    const search = (delegationIds: string[]) =>
      findFreeSlots({
        from: at("2026-03-02T10:00:00+07:00"),
        to: at("2026-03-02T10:30:00+07:00"),
        durationMinutes: 60,
        groupSize: 20,
        venue: kemiren,
        venueBookings: [earlier(delegationIds)],
        delegationId: "d1",
        delegationBookings: [earlier(delegationIds)],
      }).map((s) => new Date(s).toISOString());
    expect(search(["d1"])[0]).toBe("2026-03-02T03:00:00.000Z");
    expect(search(["d2"])[0]).toBe("2026-03-02T03:15:00.000Z");
  });
});
