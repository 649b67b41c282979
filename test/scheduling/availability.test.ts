import { describe, expect, it } from "vitest";
import {
  type Closure,
  type ExistingBooking,
  type FindFreeSlotsInput,
  findConflicts,
  findFreeSlots,
  type VenueRules,
  type WeeklyHours,
} from "../../src/scheduling/index.js";
import { at, makeBooking, makeVenue } from "./fixtures.js";

const MIN = 60_000;
const iso = (instants: number[]) => instants.map((t) => new Date(t).toISOString());
const monday = { from: at("2026-03-02T00:00:00+07:00"), to: at("2026-03-03T00:00:00+07:00") };
const mondayMorning: WeeklyHours = { 1: [{ from: "08:00", to: "12:00" }] };

describe("findFreeSlots: basics", () => {
  it("returns quarter-hour starts where the booking fits around an existing one", () => {
    const slots = findFreeSlots({
      ...monday,
      durationMinutes: 60,
      groupSize: 10,
      venue: makeVenue({ weeklyHours: mondayMorning }),
      venueBookings: [makeBooking("2026-03-02T09:00:00+07:00", "2026-03-02T10:00:00+07:00")],
    });
    expect(slots).toEqual(
      ["08:00", "10:00", "10:15", "10:30", "10:45", "11:00"].map((t) => at(`2026-03-02T${t}:00+07:00`)),
    );
  });

  it("keeps the buffer from other sessions and inside opening hours", () => {
    const slots = findFreeSlots({
      ...monday,
      durationMinutes: 60,
      groupSize: 10,
      venue: makeVenue({ weeklyHours: mondayMorning, bufferMinutes: 15 }),
      venueBookings: [makeBooking("2026-03-02T09:00:00+07:00", "2026-03-02T10:00:00+07:00")],
    });
    expect(slots).toEqual(["10:15", "10:30", "10:45"].map((t) => at(`2026-03-02T${t}:00+07:00`)));
  });

  it("aligns the grid to the venue's wall clock: WITA and a +05:45 zone", () => {
    const wita = findFreeSlots({
      from: at("2026-03-01T12:00:00Z"),
      to: at("2026-03-02T12:00:00Z"),
      durationMinutes: 60,
      groupSize: 10,
      gridMinutes: 60,
      venue: makeVenue({ timeZone: "Asia/Makassar", weeklyHours: { 1: [{ from: "08:00", to: "11:00" }] } }),
    });
    expect(iso(wita)).toEqual([
      "2026-03-02T00:00:00.000Z",
      "2026-03-02T01:00:00.000Z",
      "2026-03-02T02:00:00.000Z",
    ]);
    const nepal = findFreeSlots({
      from: at("2026-03-02T00:00:00Z"),
      to: at("2026-03-03T00:00:00Z"),
      durationMinutes: 30,
      groupSize: 10,
      gridMinutes: 30,
      venue: makeVenue({ timeZone: "Asia/Kathmandu", weeklyHours: { 1: [{ from: "09:00", to: "10:00" }] } }),
    });
    expect(nepal).toEqual([at("2026-03-02T09:00:00+05:45"), at("2026-03-02T09:30:00+05:45")]);
  });

  it("steps by wall-clock hours across a DST jump (no 02:00 on 29 March in Berlin)", () => {
    const slots = findFreeSlots({
      from: at("2026-03-29T00:00:00+01:00"),
      to: at("2026-03-30T00:00:00+02:00"),
      durationMinutes: 60,
      groupSize: 1,
      gridMinutes: 60,
      venue: makeVenue({ timeZone: "Europe/Berlin", weeklyHours: { 7: [{ from: "00:00", to: "24:00" }] } }),
    });
    expect(slots).toHaveLength(23);
    expect(slots.slice(0, 3)).toEqual([
      at("2026-03-29T00:00:00+01:00"),
      at("2026-03-29T01:00:00+01:00"),
      at("2026-03-29T03:00:00+02:00"),
    ]);
    expect(slots.at(-1)).toBe(at("2026-03-29T23:00:00+02:00"));
  });

  it("returns nothing for a group larger than the venue, and merged sessions count both groups", () => {
    const venue = makeVenue({ weeklyHours: mondayMorning, capacity: 100, concurrentGroups: 2 });
    expect(findFreeSlots({ ...monday, durationMinutes: 60, groupSize: 101, venue })).toEqual([]);
    const merged = makeBooking("2026-03-02T08:00:00+07:00", "2026-03-02T11:00:00+07:00", {
      groupSize: 70,
      delegationIds: ["d1", "d2"],
    });
    const slots = findFreeSlots({
      ...monday,
      durationMinutes: 60,
      groupSize: 40,
      venue,
      venueBookings: [merged],
    });
    expect(slots).toEqual([at("2026-03-02T11:00:00+07:00")]);
    const small = findFreeSlots({
      ...monday,
      durationMinutes: 60,
      groupSize: 30,
      venue,
      venueBookings: [merged],
    });
    expect(small).toHaveLength(13);
  });

  it("honours hosts' bookings and weekly availability, the delegation, and ignores the moved item", () => {
    const moved = makeBooking("2026-03-02T08:00:00+07:00", "2026-03-02T09:00:00+07:00", {
      itemId: "moved",
      delegationIds: ["d1"],
    });
    const input: FindFreeSlotsInput = {
      ...monday,
      durationMinutes: 60,
      groupSize: 10,
      gridMinutes: 60,
      venue: makeVenue({ weeklyHours: mondayMorning }),
      venueBookings: [moved],
      hosts: [
        {
          id: "h1",
          bookings: [makeBooking("2026-03-02T10:00:00+07:00", "2026-03-02T10:30:00+07:00")],
          weeklyAvailability: { 1: [{ from: "07:00", to: "11:30" }] },
        },
      ],
      delegationId: "d1",
      delegationBookings: [moved],
    };
    expect(findFreeSlots(input)).toEqual([at("2026-03-02T09:00:00+07:00")]);
    expect(findFreeSlots({ ...input, ignoreItemId: "moved" })).toEqual([
      at("2026-03-02T08:00:00+07:00"),
      at("2026-03-02T09:00:00+07:00"),
    ]);
  });

  it("without a venue uses the given zone's grid and only hosts' rules", () => {
    const slots = findFreeSlots({
      from: at("2026-03-02T08:00:00+09:00"),
      to: at("2026-03-02T10:00:00+09:00"),
      durationMinutes: 30,
      groupSize: 10,
      gridMinutes: 30,
      timeZone: "Asia/Jayapura",
      hosts: [
        { id: "h1", bookings: [makeBooking("2026-03-02T08:30:00+09:00", "2026-03-02T09:00:00+09:00")] },
      ],
    });
    expect(slots).toEqual([
      at("2026-03-02T08:00:00+09:00"),
      at("2026-03-02T09:00:00+09:00"),
      at("2026-03-02T09:30:00+09:00"),
    ]);
  });

  it("rejects ranges over 180 days, empty ranges and grids that don't divide a day", () => {
    const base = { durationMinutes: 60, groupSize: 1 };
    expect(() => findFreeSlots({ ...base, from: 0, to: 181 * 86_400_000 })).toThrow(/180/);
    expect(() => findFreeSlots({ ...base, from: 10, to: 10 })).toThrow(/empty/);
    expect(() => findFreeSlots({ ...base, from: 0, to: 86_400_000, gridMinutes: 7 })).toThrow(/divide/);
    expect(
      findFreeSlots({ ...base, from: 0, to: 180 * 86_400_000, gridMinutes: 1440, timeZone: "Asia/Jakarta" }),
    ).toHaveLength(180);
  });

  it("needs a zone when there is no venue: the pure core never guesses one", () => {
    expect(() => findFreeSlots({ durationMinutes: 60, groupSize: 1, from: 0, to: 86_400_000 })).toThrow(
      /timeZone/,
    );
  });
});

/** Deterministic pseudo-random numbers so a failing case can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

interface Scenario {
  input: FindFreeSlotsInput & { venue: VenueRules };
  hostBookings: ExistingBooking[];
  hostHours: WeeklyHours;
}

function makeScenario(seed: number, timeZone: string, dayStart: number): Scenario {
  const rnd = random(seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  const quarter = (day: number) => dayStart + day * 86_400_000 + (6 * 60 + pick(48) * 15) * MIN;
  const bookings = (n: number, extra: (i: number) => Partial<ExistingBooking>): ExistingBooking[] =>
    Array.from({ length: n }, (_, i) => {
      const start = quarter(pick(4)) + pick(3) * 5 * MIN;
      return {
        itemId: `s${seed}-${i}-${pick(1e6)}`,
        start,
        end: start + (15 + pick(8) * 15) * MIN,
        groupSize: 5 + pick(40),
        delegationIds: [`x${i}`],
        ...extra(i),
      };
    });
  const venueBookings = bookings(6, (i) => (i === 0 ? { delegationIds: ["x0", "x1"] } : {}));
  const hostBookings = bookings(3, () => ({ hostIds: ["h1"] }));
  const delegationBookings = bookings(2, () => ({ delegationIds: ["d1"] }));
  const hours: WeeklyHours = {};
  for (let d = 1 as 1 | 2 | 3 | 4 | 5 | 6 | 7; d <= 7; d++) {
    hours[d as 1] = [
      { from: "07:30", to: "11:45" },
      { from: "13:00", to: rnd() < 0.5 ? "16:00" : "24:00" },
    ];
  }
  const hostHours: WeeklyHours = {
    1: [{ from: "08:00", to: "15:00" }],
    2: [{ from: "09:00", to: "14:00" }],
    3: [],
  };
  for (const d of [4, 5, 6, 7] as const) hostHours[d] = [{ from: "06:00", to: "20:00" }];
  const dateOf = (day: number) =>
    new Date(dayStart + day * 86_400_000 + 12 * 3_600_000).toISOString().slice(0, 10);
  const closures: Closure[] = [
    { kind: "recurring", id: "jumatan", reason: "Salat Jumat", weekdays: [5, 2], from: "11:30", to: "13:15" },
    { kind: "date", id: "holiday", reason: "Libur nasional", date: dateOf(pick(4)) },
    {
      kind: "one-off",
      id: "blackout",
      reason: "Acara",
      venueId: "mpp",
      start: quarter(pick(4)),
      end: quarter(pick(4)) + 3 * 3_600_000,
    },
  ];
  const venue = makeVenue({
    timeZone,
    capacity: 60,
    concurrentGroups: 1 + pick(2),
    bufferMinutes: [0, 10, 15, 30][pick(4)] as number,
    weeklyHours: hours,
    opensOnHolidays: rnd() < 0.3,
  });
  return {
    input: {
      from: dayStart,
      to: dayStart + 4 * 86_400_000,
      durationMinutes: 15 + pick(8) * 15,
      groupSize: 5 + pick(30),
      venue,
      venueBookings,
      hosts: [{ id: "h1", bookings: hostBookings, weeklyAvailability: hostHours }],
      delegationId: "d1",
      delegationBookings,
      closures,
    },
    hostBookings,
    hostHours,
  };
}

describe("findFreeSlots agrees with findConflicts", () => {
  const cases: Array<[string, string]> = [
    ["Asia/Jakarta", "2026-03-02T00:00:00+07:00"],
    ["Asia/Makassar", "2026-03-04T00:00:00+08:00"],
    ["Asia/Jayapura", "2026-03-05T00:00:00+09:00"],
    ["Europe/Berlin", "2026-03-27T00:00:00+01:00"],
  ];
  for (const [timeZone, startIso] of cases) {
    it(`a brute-force scan over every quarter hour finds exactly the same slots (${timeZone})`, () => {
      for (let seed = 1; seed <= 12; seed++) {
        const { input, hostBookings, hostHours } = makeScenario(seed, timeZone, at(startIso));
        const slots = findFreeSlots(input);
        const expected: number[] = [];
        for (let s = input.from; s < input.to; s += 15 * MIN) {
          const conflicts = findConflicts({
            start: s,
            end: s + input.durationMinutes * MIN,
            groupSize: input.groupSize,
            venue: input.venue,
            venueBookings: input.venueBookings ?? [],
            hostIds: ["h1"],
            hostBookings,
            hostAvailability: [{ hostId: "h1", weeklyHours: hostHours, timeZone }],
            delegationId: "d1",
            delegationBookings: input.delegationBookings ?? [],
            closures: input.closures ?? [],
          });
          if (conflicts.length === 0) expected.push(s);
        }
        expect(iso(slots), `seed ${seed}`).toEqual(iso(expected));
        expect(slots.length, `seed ${seed} should leave some room and block some`).toBeLessThan(4 * 96);
      }
    });
  }

  it("the scenarios are not trivial: some slots free, many blocked", () => {
    let free = 0;
    for (let seed = 1; seed <= 12; seed++) {
      free += findFreeSlots(makeScenario(seed, "Asia/Jakarta", at("2026-03-02T00:00:00+07:00")).input).length;
    }
    expect(free).toBeGreaterThan(50);
    expect(free).toBeLessThan(12 * 4 * 96 * 0.6);
  });
});
