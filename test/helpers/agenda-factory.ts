/**
 * @module Test data for agenda, itinerary and calendar tests: delegations, venues, hosts and participants
 * inserted directly, and agenda items either through the real booking service (`book`, `move`, `cancel`)
 * or, for rows the service would not produce (hostile text straight in the database), `insertAgendaRow`.
 */
import type { Db } from "../../db/client";
import { agendaItemDelegations, agendaItemHosts, agendaItems } from "../../db/schema/agenda";
import { delegations, participants } from "../../db/schema/delegations";
import { hosts, venues } from "../../db/schema/venues";
import { newId } from "../../src/auth/encoding";
import { bookItem, cancelItem, changeItem } from "../../src/bookings/service";

const ALL_DAY = { from: "00:00", to: "24:00" };
const EVERY_DAY = {
  1: [ALL_DAY],
  2: [ALL_DAY],
  3: [ALL_DAY],
  4: [ALL_DAY],
  5: [ALL_DAY],
  6: [ALL_DAY],
  7: [ALL_DAY],
};
const ACTOR = { id: null, label: "test" };
let counter = 0;

export async function makeDelegation(db: Db, fields: Partial<typeof delegations.$inferInsert> = {}) {
  counter += 1;
  const now = new Date("2026-03-01T00:00:00Z");
  const row = {
    id: newId(),
    code: `SB-2026-${String(9000 + counter).padStart(4, "0")}`,
    status: "confirmed" as const,
    institution: "Pemerintah Kabupaten Badung",
    provinceCode: "51",
    regencyCode: "51.03",
    leaderName: "I Made Contoh",
    leaderTitle: "Sekretaris Daerah",
    purpose: "Studi banding MPP",
    topics: ["mpp"],
    expectedSize: 12,
    preferredDates: { start: "2026-03-10", end: "2026-03-11" },
    alternativeDates: [],
    contactName: "Ni Luh Kontak",
    contactEmail: "kontak@badungkab.go.id",
    contactPhone: "0812-3456-7890",
    language: "id" as const,
    source: "staff" as const,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await db.writeTransaction((tx) => tx.insert(delegations).values(row));
  return row;
}

export async function makeVenue(db: Db, fields: Partial<typeof venues.$inferInsert> = {}) {
  const now = new Date("2026-03-01T00:00:00Z");
  const row = {
    id: newId(),
    name: "Mal Pelayanan Publik Banyuwangi",
    address: "Jl. Jenderal Sudirman No. 1, Banyuwangi",
    mapUrl: "https://maps.example/mpp",
    capacity: 100,
    concurrentGroups: 5,
    bufferMinutes: 0,
    weeklyHours: EVERY_DAY,
    timeZone: "Asia/Jakarta",
    opensOnHolidays: true,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await db.writeTransaction((tx) => tx.insert(venues).values(row));
  return row;
}

export async function makeHost(db: Db, fields: Partial<typeof hosts.$inferInsert> = {}) {
  const now = new Date("2026-03-01T00:00:00Z");
  const row = {
    id: newId(),
    name: "Budi Santoso",
    title: "Kepala DPMPTSP",
    agency: "DPMPTSP Banyuwangi",
    email: "budi@banyuwangikab.go.id",
    phone: "0813 1111 2222",
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await db.writeTransaction((tx) => tx.insert(hosts).values(row));
  return row;
}

export async function makeParticipant(
  db: Db,
  delegationId: string,
  fields: Partial<typeof participants.$inferInsert> = {},
) {
  const now = new Date("2026-03-01T00:00:00Z");
  const row = {
    id: newId(),
    delegationId,
    name: "Peserta",
    title: "Staf",
    email: null,
    precedenceRank: 50,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await db.writeTransaction((tx) => tx.insert(participants).values(row));
  return row;
}

export function bookingCtx(db: Db, now = new Date("2026-03-02T02:00:00Z")) {
  return { db, actor: ACTOR, now };
}

/** Books an item through the booking service (the production path). */
export function book(
  db: Db,
  delegationId: string,
  input: {
    title: string;
    titleEn?: string;
    startsAt: string;
    endsAt: string;
    venueId?: string | null;
    hostIds?: string[];
    kind?: "reception" | "presentation" | "tour" | "meal" | "discussion" | "travel" | "other";
    personInCharge?: string;
    dressCode?: string;
    notes?: string;
  },
  now?: Date,
) {
  return bookItem(bookingCtx(db, now), delegationId, {
    kind: input.kind ?? "tour",
    title: input.title,
    titleEn: input.titleEn,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    venueId: input.venueId ?? null,
    hostIds: input.hostIds,
    personInCharge: input.personInCharge,
    dressCode: input.dressCode,
    notes: input.notes,
  });
}

export function move(db: Db, itemId: string, version: number, patch: Record<string, unknown>, now?: Date) {
  const converted: Record<string, unknown> = { ...patch, version };
  for (const k of ["startsAt", "endsAt"])
    if (typeof patch[k] === "string") converted[k] = new Date(patch[k] as string);
  return changeItem(bookingCtx(db, now), itemId, converted as never);
}

export function cancel(db: Db, itemId: string, version?: number, now?: Date) {
  return cancelItem(bookingCtx(db, now), itemId, version);
}

/** Inserts an agenda row directly (for content the booking service would never be asked to write). */
export async function insertAgendaRow(
  db: Db,
  input: { delegationId: string; venueId?: string | null; hostIds?: string[] } & Partial<
    typeof agendaItems.$inferInsert
  >,
) {
  const id = newId();
  const now = new Date("2026-03-02T00:00:00Z");
  const { delegationId, hostIds = [], ...fields } = input;
  const row = {
    id,
    kind: "tour" as const,
    title: "Kunjungan",
    startsAt: new Date("2026-03-10T02:00:00Z"),
    endsAt: new Date("2026-03-10T03:00:00Z"),
    groupSize: 10,
    calendarUid: `${id}@sambang`,
    sequence: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await db.writeTransaction(async (tx) => {
    await tx.insert(agendaItems).values(row);
    await tx.insert(agendaItemDelegations).values({ itemId: id, delegationId, groupSize: 10 });
    for (const hostId of hostIds) await tx.insert(agendaItemHosts).values({ itemId: id, hostId });
  });
  return row;
}
