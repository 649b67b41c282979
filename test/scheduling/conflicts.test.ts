import { describe, expect, it } from "vitest";
import { type Closure, findConflicts, findJoinConflicts } from "../../src/scheduling/index.js";
import { at, makeBooking, makeVenue } from "./fixtures.js";

const slot = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe("findConflicts: venue concurrency and buffers", () => {
  const existing = makeBooking("2026-03-02T09:00:00+07:00", "2026-03-02T10:00:00+07:00", { itemId: "a" });

  it("touching bookings don't conflict", () => {
    const before = findConflicts({
      ...slot("2026-03-02T08:00:00+07:00", "2026-03-02T09:00:00+07:00"),
      groupSize: 10,
      venue: makeVenue(),
      venueBookings: [existing],
    });
    const after = findConflicts({
      ...slot("2026-03-02T10:00:00+07:00", "2026-03-02T11:00:00+07:00"),
      groupSize: 10,
      venue: makeVenue(),
      venueBookings: [existing],
    });
    expect(before).toEqual([]);
    expect(after).toEqual([]);
  });

  it("a buffer makes touching bookings conflict, naming the item and its times", () => {
    const conflicts = findConflicts({
      ...slot("2026-03-02T10:00:00+07:00", "2026-03-02T11:00:00+07:00"),
      groupSize: 10,
      venue: makeVenue({ bufferMinutes: 15 }),
      venueBookings: [existing],
    });
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: "venue",
        hard: true,
        itemId: "a",
        start: existing.start,
        end: existing.end,
      }),
    ]);
    // …and 15 minutes later it is fine again.
    expect(
      findConflicts({
        ...slot("2026-03-02T10:15:00+07:00", "2026-03-02T11:00:00+07:00"),
        groupSize: 10,
        venue: makeVenue({ bufferMinutes: 15 }),
        venueBookings: [existing],
      }),
    ).toEqual([]);
  });

  it("with concurrentGroups = 2, one other session fits and two at once don't", () => {
    const venue = makeVenue({ concurrentGroups: 2 });
    const b = makeBooking("2026-03-02T09:30:00+07:00", "2026-03-02T10:30:00+07:00", { itemId: "b" });
    const candidate = {
      ...slot("2026-03-02T09:00:00+07:00", "2026-03-02T11:00:00+07:00"),
      groupSize: 10,
      venue,
    };
    expect(findConflicts({ ...candidate, venueBookings: [existing] })).toEqual([]);
    const both = findConflicts({ ...candidate, venueBookings: [existing, b] });
    expect(both.map((c) => [c.kind, c.itemId])).toEqual([
      ["venue", "a"],
      ["venue", "b"],
    ]);
  });

  it("two other sessions one after the other leave room for a second group all along", () => {
    const venue = makeVenue({ concurrentGroups: 2 });
    const later = makeBooking("2026-03-02T10:00:00+07:00", "2026-03-02T11:00:00+07:00", { itemId: "c" });
    const conflicts = findConflicts({
      ...slot("2026-03-02T09:00:00+07:00", "2026-03-02T11:00:00+07:00"),
      groupSize: 10,
      venue,
      venueBookings: [existing, later],
    });
    expect(conflicts).toEqual([]);
  });
});

describe("findConflicts: capacity", () => {
  const merged = makeBooking("2026-03-02T09:00:00+07:00", "2026-03-02T11:00:00+07:00", {
    itemId: "tour",
    groupSize: 60,
    delegationIds: ["d1", "d2"],
  });

  it("a merged session counts as one group but with both groups' people", () => {
    const venue = makeVenue({ concurrentGroups: 2, capacity: 100 });
    const ok = findConflicts({
      ...slot("2026-03-02T10:00:00+07:00", "2026-03-02T12:00:00+07:00"),
      groupSize: 40,
      venue,
      venueBookings: [merged],
    });
    expect(ok).toEqual([]);
    const tooMany = findConflicts({
      ...slot("2026-03-02T10:00:00+07:00", "2026-03-02T12:00:00+07:00"),
      groupSize: 41,
      venue,
      venueBookings: [merged],
    });
    expect(tooMany).toEqual([
      {
        kind: "capacity",
        hard: true,
        start: at("2026-03-02T10:00:00+07:00"),
        end: at("2026-03-02T11:00:00+07:00"),
        reason: "101 people at once, capacity 100",
      },
    ]);
  });

  it("a group larger than the venue conflicts on its own", () => {
    const conflicts = findConflicts({
      ...slot("2026-03-02T10:00:00+07:00", "2026-03-02T11:00:00+07:00"),
      groupSize: 120,
      venue: makeVenue({ capacity: 100 }),
    });
    expect(conflicts.map((c) => [c.kind, c.start, c.end])).toEqual([
      ["capacity", at("2026-03-02T10:00:00+07:00"), at("2026-03-02T11:00:00+07:00")],
    ]);
  });
});

describe("findConflicts: hosts and delegations", () => {
  const hostItem = makeBooking("2026-03-02T09:00:00+07:00", "2026-03-02T10:00:00+07:00", {
    itemId: "talk",
    hostIds: ["h1", "h2"],
    title: "Paparan MPP",
  });
  const delegationItem = makeBooking("2026-03-02T13:00:00+07:00", "2026-03-02T14:00:00+07:00", {
    itemId: "lunch",
    delegationIds: ["d1"],
  });
  const otherDelegationItem = makeBooking("2026-03-02T09:00:00+07:00", "2026-03-02T15:00:00+07:00", {
    itemId: "other",
    delegationIds: ["d9"],
  });

  it("a host already booked conflicts once per shared host", () => {
    const conflicts = findConflicts({
      ...slot("2026-03-02T09:30:00+07:00", "2026-03-02T10:30:00+07:00"),
      groupSize: 10,
      hostIds: ["h2", "h3"],
      hostBookings: [hostItem],
    });
    expect(conflicts).toEqual([
      {
        kind: "host",
        hard: true,
        itemId: "talk",
        hostId: "h2",
        start: hostItem.start,
        end: hostItem.end,
        reason: "host already booked: Paparan MPP",
      },
    ]);
    const otherHost = findConflicts({
      ...slot("2026-03-02T09:30:00+07:00", "2026-03-02T10:30:00+07:00"),
      groupSize: 10,
      hostIds: ["h3"],
      hostBookings: [hostItem],
    });
    expect(otherHost).toEqual([]);
  });

  it("the venue's buffer applies to hosts too", () => {
    const input = {
      ...slot("2026-03-02T10:00:00+07:00", "2026-03-02T11:00:00+07:00"),
      groupSize: 10,
      hostIds: ["h1"],
      hostBookings: [hostItem],
    };
    expect(findConflicts(input)).toEqual([]);
    expect(findConflicts({ ...input, venue: makeVenue({ bufferMinutes: 15 }) }).map((c) => c.kind)).toEqual([
      "host",
    ]);
  });

  it("the delegation already elsewhere conflicts; other delegations' items don't", () => {
    const conflicts = findConflicts({
      ...slot("2026-03-02T12:30:00+07:00", "2026-03-02T13:30:00+07:00"),
      groupSize: 10,
      delegationId: "d1",
      delegationBookings: [delegationItem, otherDelegationItem],
    });
    expect(conflicts.map((c) => [c.kind, c.itemId, c.hard])).toEqual([["delegation", "lunch", true]]);
  });

  it("moving an item ignores the item itself everywhere", () => {
    const self = makeBooking("2026-03-02T09:00:00+07:00", "2026-03-02T10:00:00+07:00", {
      itemId: "self",
      delegationIds: ["d1"],
      hostIds: ["h1"],
    });
    const input = {
      ...slot("2026-03-02T09:30:00+07:00", "2026-03-02T10:30:00+07:00"),
      groupSize: 10,
      delegationId: "d1",
      venue: makeVenue(),
      hostIds: ["h1"],
      venueBookings: [self],
      hostBookings: [self],
      delegationBookings: [self],
    };
    // The delegation's own session at the venue is not another group: the clash is the delegation's.
    expect(findConflicts(input).map((c) => c.kind)).toEqual(["host", "delegation"]);
    expect(findConflicts({ ...input, ignoreItemId: "self" })).toEqual([]);
  });
});

describe("findConflicts: closed venue (soft)", () => {
  const closures: Closure[] = [
    {
      kind: "recurring",
      id: "break",
      reason: "Istirahat siang",
      weekdays: [1, 2, 3, 4, 5],
      from: "12:00",
      to: "13:00",
    },
    { kind: "date", id: "nyepi", reason: "Hari Suci Nyepi", date: "2026-03-19" },
    {
      kind: "one-off",
      id: "bupati",
      reason: "Acara Bupati",
      venueId: "mpp",
      start: at("2026-03-03T10:00:00+07:00"),
      end: at("2026-03-03T11:00:00+07:00"),
    },
    {
      kind: "one-off",
      id: "elsewhere",
      reason: "Other venue",
      venueId: "pendopo",
      start: at("2026-03-03T00:00:00+07:00"),
      end: at("2026-03-04T00:00:00+07:00"),
    },
  ];

  it("outside opening hours in the venue's zone: 08:00 WITA is 00:00Z", () => {
    const venue = makeVenue({ timeZone: "Asia/Makassar" });
    const early = findConflicts({
      ...slot("2026-03-01T23:30:00Z", "2026-03-02T01:00:00Z"),
      groupSize: 10,
      venue,
    });
    expect(early).toEqual([
      {
        kind: "closed",
        hard: false,
        start: at("2026-03-02T07:30:00+08:00"),
        end: at("2026-03-02T08:00:00+08:00"),
        reason: "outside opening hours",
      },
    ]);
    // 08:00 WITA sharp is open; the same booking read in WIB would not be.
    expect(
      findConflicts({ ...slot("2026-03-02T00:00:00Z", "2026-03-02T01:00:00Z"), groupSize: 10, venue }),
    ).toEqual([]);
    expect(
      findConflicts({
        ...slot("2026-03-02T00:00:00Z", "2026-03-02T01:00:00Z"),
        groupSize: 10,
        venue: makeVenue(),
      }).map((c) => c.kind),
    ).toEqual(["closed"]);
  });

  it("set-up time (the buffer) must fall inside opening hours too", () => {
    const conflicts = findConflicts({
      ...slot("2026-03-02T08:00:00+07:00", "2026-03-02T09:00:00+07:00"),
      groupSize: 10,
      venue: makeVenue({ bufferMinutes: 15 }),
    });
    expect(conflicts.map((c) => [c.kind, c.start, c.end])).toEqual([
      ["closed", at("2026-03-02T07:45:00+07:00"), at("2026-03-02T08:00:00+07:00")],
    ]);
  });

  it("a recurring break names its closure", () => {
    const conflicts = findConflicts({
      ...slot("2026-03-02T11:30:00+07:00", "2026-03-02T12:30:00+07:00"),
      groupSize: 10,
      venue: makeVenue(),
      closures,
    });
    expect(conflicts).toEqual([
      {
        kind: "closed",
        hard: false,
        closureId: "break",
        reason: "Istirahat siang",
        start: at("2026-03-02T12:00:00+07:00"),
        end: at("2026-03-02T12:30:00+07:00"),
      },
    ]);
  });

  it("a holiday closes the venue unless it opens on holidays; blackouts only hit their venue", () => {
    const onNyepi = {
      ...slot("2026-03-19T09:00:00+07:00", "2026-03-19T10:00:00+07:00"),
      groupSize: 10,
      closures,
    };
    expect(findConflicts({ ...onNyepi, venue: makeVenue() }).map((c) => c.closureId)).toEqual(["nyepi"]);
    expect(findConflicts({ ...onNyepi, venue: makeVenue({ opensOnHolidays: true }) })).toEqual([]);
    const blackout = {
      ...slot("2026-03-03T09:30:00+07:00", "2026-03-03T10:30:00+07:00"),
      groupSize: 10,
      closures,
    };
    expect(
      findConflicts({ ...blackout, venue: makeVenue() }).map((c) => [c.closureId, c.start, c.end]),
    ).toEqual([["bupati", at("2026-03-03T10:00:00+07:00"), at("2026-03-03T10:30:00+07:00")]]);
    expect(findConflicts({ ...blackout, venue: makeVenue({ id: "smart-kampoeng" }) })).toEqual([]);
  });

  it("a host outside weekly availability is a soft 'unavailable' conflict", () => {
    const conflicts = findConflicts({
      ...slot("2026-03-06T10:00:00+07:00", "2026-03-06T12:00:00+07:00"),
      groupSize: 10,
      hostIds: ["h1"],
      hostAvailability: [
        { hostId: "h1", timeZone: "Asia/Jakarta", weeklyHours: { 5: [{ from: "08:00", to: "11:00" }] } },
        { hostId: "h2", timeZone: "Asia/Jakarta", weeklyHours: {} },
      ],
    });
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: "unavailable",
        hard: false,
        hostId: "h1",
        start: at("2026-03-06T11:00:00+07:00"),
      }),
    ]);
  });
});

describe("findConflicts: everything at once", () => {
  it("reports every conflict sorted by start, hard and soft told apart", () => {
    const venueItem = makeBooking("2026-03-02T11:00:00+07:00", "2026-03-02T12:00:00+07:00", { itemId: "v" });
    const hostItem = makeBooking("2026-03-02T11:30:00+07:00", "2026-03-02T12:30:00+07:00", {
      itemId: "h",
      hostIds: ["h1"],
    });
    const delegationItem = makeBooking("2026-03-02T10:30:00+07:00", "2026-03-02T11:15:00+07:00", {
      itemId: "d",
      delegationIds: ["d1"],
    });
    const conflicts = findConflicts({
      ...slot("2026-03-02T11:00:00+07:00", "2026-03-02T12:30:00+07:00"),
      groupSize: 150,
      delegationId: "d1",
      venue: makeVenue(),
      hostIds: ["h1"],
      venueBookings: [venueItem],
      hostBookings: [hostItem],
      delegationBookings: [delegationItem],
      closures: [
        { kind: "recurring", id: "break", reason: "Istirahat", weekdays: [1], from: "12:00", to: "13:00" },
      ],
    });
    expect(conflicts.map((c) => [c.kind, c.itemId ?? c.closureId ?? null, c.hard])).toEqual([
      ["delegation", "d", true],
      ["venue", "v", true],
      ["capacity", null, true],
      ["host", "h", true],
      ["closed", "break", false],
    ]);
  });

  it("rejects a booking that ends before it starts", () => {
    expect(() =>
      findConflicts({ ...slot("2026-03-02T11:00:00+07:00", "2026-03-02T11:00:00+07:00"), groupSize: 1 }),
    ).toThrow(/end after/);
  });
});

describe("findJoinConflicts", () => {
  const session = makeBooking("2026-03-02T09:00:00+07:00", "2026-03-02T11:00:00+07:00", {
    itemId: "tour",
    groupSize: 40,
    delegationIds: ["d1"],
  });
  const venue = makeVenue({ capacity: 100 });

  it("counts both groups against capacity", () => {
    expect(
      findJoinConflicts({ session, groupSize: 60, delegationId: "d2", venue, venueBookings: [session] }),
    ).toEqual([]);
    const over = findJoinConflicts({
      session,
      groupSize: 61,
      delegationId: "d2",
      venue,
      venueBookings: [session],
    });
    expect(over.map((c) => [c.kind, c.start, c.end])).toEqual([["capacity", session.start, session.end]]);
  });

  it("counts other sessions at a venue that holds several groups", () => {
    const other = makeBooking("2026-03-02T10:00:00+07:00", "2026-03-02T12:00:00+07:00", { groupSize: 30 });
    const wide = makeVenue({ capacity: 100, concurrentGroups: 2 });
    const over = findJoinConflicts({
      session,
      groupSize: 31,
      delegationId: "d2",
      venue: wide,
      venueBookings: [session, other],
    });
    expect(over.map((c) => [c.kind, c.start, c.end])).toEqual([
      ["capacity", at("2026-03-02T10:00:00+07:00"), session.end],
    ]);
  });

  it("the joining delegation must be free, and not already in the session", () => {
    const busy = makeBooking("2026-03-02T10:30:00+07:00", "2026-03-02T12:00:00+07:00", {
      itemId: "busy",
      delegationIds: ["d2"],
    });
    const conflicts = findJoinConflicts({
      session,
      groupSize: 10,
      delegationId: "d2",
      venue,
      venueBookings: [session],
      delegationBookings: [busy],
    });
    expect(conflicts.map((c) => [c.kind, c.itemId])).toEqual([["delegation", "busy"]]);
    const again = findJoinConflicts({ session, groupSize: 10, delegationId: "d1", venue });
    expect(again.map((c) => [c.kind, c.itemId])).toEqual([["delegation", "tour"]]);
  });
});
