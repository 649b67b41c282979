/**
 * @module Small factories for scheduling tests: each test states only what matters to it.
 */
import type { ExistingBooking, VenueRules, WeeklyHours } from "../../src/scheduling/index.js";

/** Parses an RFC 3339 string with an explicit offset (tests never rely on the machine's zone). */
export const at = (iso: string): number => {
  if (!/(Z|[+-]\d\d:\d\d)$/.test(iso)) throw new Error(`test instant needs an offset: ${iso}`);
  return Date.parse(iso);
};

export const officeHours: WeeklyHours = {
  1: [{ from: "08:00", to: "16:00" }],
  2: [{ from: "08:00", to: "16:00" }],
  3: [{ from: "08:00", to: "16:00" }],
  4: [{ from: "08:00", to: "16:00" }],
  5: [{ from: "08:00", to: "16:00" }],
};

export function makeVenue(overrides: Partial<VenueRules> = {}): VenueRules {
  return {
    id: "mpp",
    capacity: 100,
    concurrentGroups: 1,
    bufferMinutes: 0,
    timeZone: "Asia/Jakarta",
    weeklyHours: officeHours,
    ...overrides,
  };
}

let counter = 0;
export function makeBooking(
  start: string,
  end: string,
  overrides: Partial<ExistingBooking> = {},
): ExistingBooking {
  counter++;
  return {
    itemId: `item-${counter}`,
    start: at(start),
    end: at(end),
    groupSize: 20,
    delegationIds: [`del-${counter}`],
    ...overrides,
  };
}
