/**
 * @module Agenda items: a delegation's rundown. An item that holds a venue or hosts is a booking and is
 * written only by the booking service (src/bookings/). A session may be shared by two delegations
 * (a merged tour): `agenda_item_delegations` links them. Instants are stored UTC (ms); each item has a
 * stable calendar UID and a SEQUENCE that rises on every material change.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { delegations } from "./delegations";
import { hosts, venues } from "./venues";

export const AGENDA_KINDS = [
  "reception",
  "presentation",
  "tour",
  "meal",
  "discussion",
  "travel",
  "other",
] as const;
export const AGENDA_STATUSES = ["scheduled", "cancelled"] as const;

export const agendaItems = sqliteTable(
  "agenda_items",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: AGENDA_KINDS }).notNull(),
    title: text("title").notNull(),
    titleEn: text("title_en"),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    venueId: text("venue_id").references(() => venues.id),
    /** People expected (all delegations together), for venue capacity. */
    groupSize: integer("group_size").notNull(),
    personInCharge: text("person_in_charge"),
    dressCode: text("dress_code"),
    notes: text("notes"),
    notesEn: text("notes_en"),
    status: text("status", { enum: AGENDA_STATUSES }).notNull().default("scheduled"),
    /** Closure override: protocol staff booked despite a closure, with this reason. */
    overrideReason: text("override_reason"),
    calendarUid: text("calendar_uid").notNull().unique(),
    sequence: integer("sequence").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("agenda_venue_time_idx").on(t.venueId, t.startsAt, t.endsAt),
    index("agenda_time_idx").on(t.startsAt),
  ],
);

export const agendaItemDelegations = sqliteTable(
  "agenda_item_delegations",
  {
    itemId: text("item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    delegationId: text("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    groupSize: integer("group_size").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.delegationId] }),
    index("aid_delegation_idx").on(t.delegationId, t.itemId),
  ],
);

export const agendaItemHosts = sqliteTable(
  "agenda_item_hosts",
  {
    itemId: text("item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    hostId: text("host_id")
      .notNull()
      .references(() => hosts.id),
    /**
     * Copies of the item's times (kept in step by the booking service, the only writer), so a host's
     * bookings in a window are one range scan of `aih_host_time_idx` instead of a join over all their items.
     */
    startsAt: integer("starts_at", { mode: "timestamp_ms" }),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.hostId] }),
    index("aih_host_idx").on(t.hostId, t.itemId),
    index("aih_host_time_idx").on(t.hostId, t.startsAt),
  ],
);
