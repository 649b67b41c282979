/**
 * @module Test data. Delegations, participants and closures are inserted directly (their lifecycles
 * belong to other features); venues and hosts go through the venue service; agenda items go through the
 * real booking service (`book`, `move`, `cancel`) or, for rows the service would not produce (hostile
 * text straight in the database), `insertAgendaRow`.
 *
 * The defaults are plain — a venue open on weekdays 08:00–16:00 for one group at a time and closed on
 * holidays, a host without e-mail, unique names and codes — so each test says only what matters (a
 * venue's capacity, a delegation's size). Tests that print an agenda (itinerary, calendar files,
 * invitations, feeds) start from one fixed cast instead: `BADUNG_DELEGATION`, `MPP_VENUE` (open round the
 * clock for five groups) and `BUDI_HOST`, whose text they assert.
 */
import type { Db } from "../../db/client";
import { agendaItemDelegations, agendaItemHosts, agendaItems } from "../../db/schema/agenda";
import { closures } from "../../db/schema/closures";
import { delegations, participants } from "../../db/schema/delegations";
import { feedbackLinks } from "../../db/schema/feedback";
import { visitOutcomes } from "../../db/schema/outcomes";
import type { WeeklyHoursJson } from "../../db/schema/venues";
import { newId } from "../../src/auth/encoding";
import { bookItem, cancelItem, changeItem } from "../../src/bookings/service";
import { DEFAULT_HOST_TIME_ZONE } from "../../src/config";
import { newSurveyToken } from "../../src/feedback/tokens";
import { DEFAULT_HOST_SETTINGS, saveHostSettings } from "../../src/host-settings/service";
import { auditedTransaction } from "../../src/http/service-context";
import type { HostCreate, VenueCreate } from "../../src/venues/schemas";
import { createHost, createVenue } from "../../src/venues/service";

const ACTOR = { id: null, label: "test" };
const NOW = new Date("2026-03-02T02:00:00Z");
/** When the fixed cast was created (the day before the tests' `NOW`). */
const CAST_CREATED = new Date("2026-03-01T00:00:00Z");

export const weekdayHours = (from = "08:00", to = "16:00"): WeeklyHoursJson => ({
  "1": [{ from, to }],
  "2": [{ from, to }],
  "3": [{ from, to }],
  "4": [{ from, to }],
  "5": [{ from, to }],
});

const ALL_DAY = [{ from: "00:00", to: "24:00" }];
const EVERY_DAY_ALL_DAY: WeeklyHoursJson = {
  "1": ALL_DAY,
  "2": ALL_DAY,
  "3": ALL_DAY,
  "4": ALL_DAY,
  "5": ALL_DAY,
  "6": ALL_DAY,
  "7": ALL_DAY,
};

type DelegationFields = Partial<typeof delegations.$inferInsert>;

/** The delegation agenda, itinerary and calendar tests book for (Badung, Bali: WITA). */
export const BADUNG_DELEGATION = {
  institution: "Pemerintah Kabupaten Badung",
  provinceCode: "51",
  regencyCode: "51.03",
  leaderName: "I Made Contoh",
  purpose: "Studi banding MPP",
  expectedSize: 12,
  preferredDates: { start: "2026-03-10", end: "2026-03-11" },
  contactName: "Ni Luh Kontak",
  contactEmail: "kontak@badungkab.go.id",
  contactPhone: "0812-3456-7890",
  createdAt: CAST_CREATED,
  updatedAt: CAST_CREATED,
} satisfies DelegationFields;

/** The venue agenda tests book: always open, room for five groups at once, so only the test's point conflicts. */
export const MPP_VENUE = {
  name: "Mal Pelayanan Publik Banyuwangi",
  address: "Jl. Jenderal Sudirman No. 1, Banyuwangi",
  mapUrl: "https://maps.example/mpp",
  concurrentGroups: 5,
  weeklyHours: EVERY_DAY_ALL_DAY,
  opensOnHolidays: true,
} satisfies Partial<VenueCreate>;

/** The host agenda tests invite. */
export const BUDI_HOST = {
  name: "Budi Santoso",
  title: "Kepala DPMPTSP",
  agency: "DPMPTSP Banyuwangi",
  email: "budi@banyuwangikab.go.id",
  phone: "0813 1111 2222",
} satisfies Partial<HostCreate>;

let seq = 0;
export async function makeDelegation(
  db: Db,
  overrides: DelegationFields = {},
): Promise<typeof delegations.$inferSelect> {
  seq += 1;
  const row = {
    id: newId(),
    // The random suffix keeps codes unique across processes sharing one database.
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

export function makeVenue(db: Db, overrides: Partial<VenueCreate> = {}) {
  return createVenue(
    {
      now: NOW,
      config: { hostTimeZone: DEFAULT_HOST_TIME_ZONE },
      transaction: auditedTransaction(db, ACTOR, NOW),
    },
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
    {
      now: NOW,
      config: { hostTimeZone: DEFAULT_HOST_TIME_ZONE },
      transaction: auditedTransaction(db, ACTOR, NOW),
    },
    {
      name: `Host ${newId().slice(0, 6)}`,
      title: "Kepala Dinas",
      timeZone: "Asia/Jakarta",
      active: true,
      ...overrides,
    },
  );
}

export async function makeParticipant(
  db: Db,
  delegationId: string,
  fields: Partial<typeof participants.$inferInsert> = {},
) {
  const row = {
    id: newId(),
    delegationId,
    name: "Peserta",
    title: "Staf",
    email: null,
    precedenceRank: 50,
    createdAt: CAST_CREATED,
    updatedAt: CAST_CREATED,
    ...fields,
  };
  await db.writeTransaction((tx) => tx.insert(participants).values(row));
  return row;
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

export function bookingCtx(db: Db, now = NOW) {
  return {
    actor: ACTOR,
    now,
    config: { hostTimeZone: DEFAULT_HOST_TIME_ZONE },
    transaction: auditedTransaction(db, ACTOR, now),
  };
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
    createdAt: new Date("2026-03-02T00:00:00Z"),
    updatedAt: new Date("2026-03-02T00:00:00Z"),
    ...fields,
  };
  await db.writeTransaction(async (tx) => {
    await tx.insert(agendaItems).values(row);
    await tx.insert(agendaItemDelegations).values({ itemId: id, delegationId, groupSize: 10 });
    for (const hostId of hostIds) await tx.insert(agendaItemHosts).values({ itemId: id, hostId });
  });
  return row;
}

/** The outcome summary a visit needs before it can be completed. */
export function makeOutcome(db: Db, delegationId: string, now: Date, summary = "Rombongan mempelajari MPP.") {
  return db.writeTransaction((tx) =>
    tx
      .insert(visitOutcomes)
      .values({ delegationId, summary, media: [], documentation: [], createdAt: now, updatedAt: now }),
  );
}

/** A survey link for the delegation's contact, open for `days`; returns the link's secret token. */
export async function makeSurveyLink(
  db: Db,
  delegationId: string,
  now: Date,
  { recipientEmail = "kontak@example.go.id", days = 30 } = {},
): Promise<string> {
  const { token, tokenHash } = newSurveyToken();
  await db.writeTransaction((tx) =>
    tx.insert(feedbackLinks).values({
      id: newId(),
      delegationId,
      tokenHash,
      recipientName: "Pak Kontak",
      recipientEmail,
      createdAt: now,
      expiresAt: new Date(now.getTime() + days * 86_400_000),
    }),
  );
  return token;
}

type HostSettingsInput = Parameters<typeof saveHostSettings>[1];

/** Saves the host settings as the admin form does: the built-in defaults with `changes`, and a logo. */
export function saveTestHostSettings(
  db: Db,
  now: Date,
  changes: Partial<HostSettingsInput> = {},
  logo?: Uint8Array,
) {
  const { logo: _logo, logoType: _type, updatedAt: _at, ...defaults } = DEFAULT_HOST_SETTINGS;
  return saveHostSettings(
    { now, transaction: auditedTransaction(db, ACTOR, now) },
    { ...defaults, ...changes },
    logo,
  );
}
