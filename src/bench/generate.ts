/**
 * @module Generates a bench database at a chosen scale: venues with split weekday hours, hosts (a tenth
 * with weekly availability), delegations with five-item visits spread over three years of working days,
 * national holidays, a Friday-prayer blackout for all venues, an admin user and an API token.
 * Rows are bulk-inserted (this is a fixture, not the booking service: the bench measures that separately).
 */
import { rmSync } from "node:fs";
import type { Db } from "../../db/client";
import { openDatabase } from "../../db/open-node";
import { agendaItemDelegations, agendaItemHosts, agendaItems } from "../../db/schema/agenda";
import { closures } from "../../db/schema/closures";
import { delegations } from "../../db/schema/delegations";
import { blackouts, hosts, venues, type WeeklyHoursJson } from "../../db/schema/venues";
import { createApiToken } from "../auth/api-tokens";
import { newId } from "../auth/encoding";
import { createPasswordHasher } from "../auth/password";
import { nodeScrypt } from "../auth/scrypt-node";
import { auditedTransaction } from "../http/service-context";
import { addDays, localToInstant, weekdayOf } from "../scheduling/index";
import { createUser } from "../users/service";
import { STARTER_TIME_ZONE } from "../venues/seed";
import { prng } from "./stats";

interface Scale {
  items: number;
  venues: number;
  hosts: number;
}

export interface Dataset {
  db: Db;
  path: string;
  venueIds: string[];
  hostIds: string[];
  /** First and last local date with generated items. */
  firstDate: string;
  lastDate: string;
  token: string;
  adminId: string;
}

const FIRST_DATE = "2025-01-01";
const YEARS = 3;
const NOW = new Date("2025-01-01T00:00:00Z");

const split = (from: string, to: string) => [
  { from, to: "12:00" },
  { from: "13:00", to },
];
const HOURS: WeeklyHoursJson = {
  "1": split("08:00", "16:00"),
  "2": split("08:00", "16:00"),
  "3": split("08:00", "16:00"),
  "4": split("08:00", "16:00"),
  "5": [
    { from: "08:00", to: "11:00" },
    { from: "13:00", to: "16:00" },
  ],
  "6": [{ from: "08:00", to: "12:00" }],
};

async function insertChunked<T>(db: Db, rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
  void db;
}

export async function generate(path: string, scale: Scale, seed = 42): Promise<Dataset> {
  rmSync(path, { force: true });
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  const db = await openDatabase({ url: `file:${path}` });
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

  const venueRows = Array.from({ length: scale.venues }, (_, i) => ({
    id: newId(),
    name: `Venue ${i + 1}`,
    address: `Jl. Bench ${i + 1}, Banyuwangi`,
    capacity: 40 + Math.floor(rand() * 110),
    concurrentGroups: rand() < 0.3 ? 2 : 1,
    bufferMinutes: pick([0, 15, 15, 30]),
    weeklyHours: HOURS,
    timeZone: STARTER_TIME_ZONE,
    opensOnHolidays: false,
    active: true,
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
  }));
  const hostRows = Array.from({ length: scale.hosts }, (_, i) => ({
    id: newId(),
    name: `Host ${i + 1}`,
    title: "Kepala Bidang",
    weeklyAvailability: i % 10 === 0 ? HOURS : null,
    timeZone: STARTER_TIME_ZONE,
    active: true,
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
  }));

  const workdays: string[] = [];
  const lastDate = addDays(FIRST_DATE, YEARS * 365 - 1);
  for (let d = FIRST_DATE; d <= lastDate; d = addDays(d, 1)) if (weekdayOf(d) <= 5) workdays.push(d);

  const perVisit = 5;
  const visits = Math.ceil(scale.items / perVisit);
  const delegationRows: (typeof delegations.$inferInsert)[] = [];
  const itemRows: (typeof agendaItems.$inferInsert)[] = [];
  const linkRows: (typeof agendaItemDelegations.$inferInsert)[] = [];
  const hostLinkRows: (typeof agendaItemHosts.$inferInsert)[] = [];
  for (let v = 0; v < visits; v++) {
    const delegationId = newId();
    const size = 10 + Math.floor(rand() * 30);
    const date = pick(workdays);
    delegationRows.push({
      id: delegationId,
      code: `SB-BENCH-${v}`,
      status: "confirmed",
      institution: `Pemerintah Kabupaten ${v}`,
      leaderName: "Bench",
      leaderTitle: "Sekretaris Daerah",
      purpose: "bench",
      topics: ["mpp"],
      expectedSize: size,
      preferredDates: { start: date, end: date },
      alternativeDates: [],
      contactName: "Bench",
      contactEmail: "bench@example.go.id",
      contactPhone: "+620000",
      source: "staff",
      createdAt: NOW,
      updatedAt: NOW,
    });
    let start = localToInstant({
      date,
      time: pick(["08:00", "08:30", "09:00", "13:00"]),
      timeZone: STARTER_TIME_ZONE,
    });
    for (let k = 0; k < perVisit && itemRows.length < scale.items; k++) {
      const minutes = pick([30, 45, 60, 90]);
      const end = start + minutes * 60_000;
      const id = newId();
      itemRows.push({
        id,
        kind: pick(["reception", "presentation", "tour", "discussion", "meal"] as const),
        title: `Agenda ${v}.${k}`,
        startsAt: new Date(start),
        endsAt: new Date(end),
        venueId: pick(venueRows).id,
        groupSize: size,
        status: rand() < 0.03 ? "cancelled" : "scheduled",
        calendarUid: `${id}@sambang`,
        createdAt: NOW,
        updatedAt: NOW,
      });
      linkRows.push({ itemId: id, delegationId, groupSize: size });
      const hostCount = pick([0, 1, 1, 2]);
      const chosen = new Set<string>();
      while (chosen.size < hostCount) chosen.add(pick(hostRows).id);
      for (const hostId of chosen) {
        hostLinkRows.push({ itemId: id, hostId, startsAt: new Date(start), endsAt: new Date(end) });
      }
      start = end + pick([0, 0, 15]) * 60_000;
    }
  }

  const holidayRows = [] as (typeof closures.$inferInsert)[];
  for (let y = 0; y < YEARS; y++) {
    for (const md of [
      "01-01",
      "03-19",
      "03-20",
      "03-21",
      "04-03",
      "05-01",
      "05-14",
      "05-27",
      "06-01",
      "08-17",
      "12-25",
    ]) {
      holidayRows.push({
        id: newId(),
        date: `${2025 + y}-${md}`,
        kind: "national_holiday",
        name: `Libur ${md}`,
        source: "admin",
        createdAt: NOW,
        updatedAt: NOW,
      });
    }
  }

  await db.writeTransaction(async (tx) => {
    await tx.insert(venues).values(venueRows);
    await tx.insert(hosts).values(hostRows);
    await insertChunked(db, delegationRows, 500, (c) => tx.insert(delegations).values(c));
    await insertChunked(db, itemRows, 1000, (c) => tx.insert(agendaItems).values(c));
    await insertChunked(db, linkRows, 3000, (c) => tx.insert(agendaItemDelegations).values(c));
    await insertChunked(db, hostLinkRows, 3000, (c) => tx.insert(agendaItemHosts).values(c));
    await tx.insert(closures).values(holidayRows);
    await tx.insert(blackouts).values({
      id: newId(),
      venueId: null,
      kind: "weekly",
      weekdays: [5],
      fromTime: "11:30",
      toTime: "13:00",
      reason: "Salat Jumat",
      createdAt: NOW,
      updatedAt: NOW,
    });
  });
  await db.client.execute("ANALYZE");
  await db.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");

  const passwords = createPasswordHasher(nodeScrypt, { ln: 10, r: 8, p: 1 });
  const admin = await createUser(
    { passwords, now: NOW, transaction: auditedTransaction(db, { id: null, label: "bench" }, NOW) },
    {
      email: "bench@sambang.local",
      name: "Bench",
      role: "admin",
      locale: "id",
      password: "bench-password-long",
    },
  );
  const { token } = await createApiToken(
    { now: NOW, transaction: auditedTransaction(db, { id: null, label: "bench" }, NOW) },
    { owner: admin.id, name: "bench" },
  );
  return {
    db,
    path,
    venueIds: venueRows.map((v) => v.id),
    hostIds: hostRows.map((h) => h.id),
    firstDate: FIRST_DATE,
    lastDate,
    token,
    adminId: admin.id,
  };
}
