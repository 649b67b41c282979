/**
 * @module Factories for booking tests: each test says only what matters (a venue's capacity, a
 * delegation's size). Delegations are inserted directly: their lifecycle belongs to another feature.
 */
import type { Db } from "../../db/client";
import { closures } from "../../db/schema/closures";
import { delegations } from "../../db/schema/delegations";
import type { WeeklyHoursJson } from "../../db/schema/venues";
import { newId } from "../../src/auth/encoding";
import type { HostCreate, VenueCreate } from "../../src/venues/schemas";
import { createHost, createVenue } from "../../src/venues/service";

const TEST_ACTOR = { id: null, label: "test" };
const NOW = new Date("2026-03-02T02:00:00Z");

export const weekdayHours = (from = "08:00", to = "16:00"): WeeklyHoursJson => ({
  "1": [{ from, to }],
  "2": [{ from, to }],
  "3": [{ from, to }],
  "4": [{ from, to }],
  "5": [{ from, to }],
});

export function makeVenue(db: Db, overrides: Partial<VenueCreate> = {}) {
  return createVenue(
    { db, actor: TEST_ACTOR, now: NOW },
    {
      name: `Venue ${newId().slice(0, 6)}`,
      address: "Jl. Test 1, Banyuwangi",
      capacity: 100,
      concurrentGroups: 1,
      bufferMinutes: 0,
      weeklyHours: weekdayHours(),
      timeZone: "Asia/Jakarta",
      opensOnHolidays: false,
      active: true,
      ...overrides,
    },
  );
}

export function makeHost(db: Db, overrides: Partial<HostCreate> = {}) {
  return createHost(
    { db, actor: TEST_ACTOR, now: NOW },
    {
      name: `Host ${newId().slice(0, 6)}`,
      title: "Kepala Dinas",
      timeZone: "Asia/Jakarta",
      active: true,
      ...overrides,
    },
  );
}

let seq = 0;
export async function makeDelegation(
  db: Db,
  overrides: Partial<typeof delegations.$inferInsert> = {},
): Promise<typeof delegations.$inferSelect> {
  seq += 1;
  const row = {
    id: newId(),
    code: `SB-2026-${String(seq).padStart(4, "0")}-${newId().slice(0, 4)}`,
    status: "confirmed" as const,
    institution: `Pemerintah Kabupaten Uji ${seq}`,
    leaderName: "Ibu Uji",
    leaderTitle: "Sekretaris Daerah",
    purpose: "Studi banding Mal Pelayanan Publik",
    topics: ["mpp"],
    expectedSize: 20,
    preferredDates: { start: "2026-03-10", end: "2026-03-10" },
    alternativeDates: [],
    contactName: "Pak Kontak",
    contactEmail: "kontak@example.go.id",
    contactPhone: "+628123456789",
    source: "staff" as const,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
  await db.writeTransaction(async (tx) => {
    await tx.insert(delegations).values(row);
  });
  return (await db.orm.query.delegations.findFirst({ where: (d, { eq }) => eq(d.id, row.id) }))!;
}

export async function makeClosure(db: Db, date: string, name = "Hari libur") {
  const id = newId();
  await db.writeTransaction(async (tx) => {
    await tx
      .insert(closures)
      .values({ id, date, kind: "national_holiday", name, source: "admin", createdAt: NOW, updatedAt: NOW });
  });
  return id;
}

export const json = (headers: Record<string, string>, body?: unknown, method = "POST"): RequestInit => ({
  method,
  headers: { ...headers, "Content-Type": "application/json" },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
