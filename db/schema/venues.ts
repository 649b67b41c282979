/**
 * @module Venues and hosts: the scarce resources agenda items book. Weekly hours are local wall times
 * in the venue's own IANA zone; blackouts close a venue (or every venue) for a one-off range or weekly.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** ISO weekday 1 = Monday … 7 = Sunday → local "HH:MM" ranges (several a day allowed). */
export type WeeklyHoursJson = Partial<
  Record<"1" | "2" | "3" | "4" | "5" | "6" | "7", { from: string; to: string }[]>
>;

export const venues = sqliteTable("venues", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  address: text("address").notNull(),
  mapUrl: text("map_url"),
  capacity: integer("capacity").notNull(),
  concurrentGroups: integer("concurrent_groups").notNull().default(1),
  bufferMinutes: integer("buffer_minutes").notNull().default(0),
  weeklyHours: text("weekly_hours", { mode: "json" }).$type<WeeklyHoursJson>().notNull(),
  timeZone: text("time_zone").notNull().default("Asia/Jakarta"),
  opensOnHolidays: integer("opens_on_holidays", { mode: "boolean" }).notNull().default(false),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  version: integer("version").notNull().default(1),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

export const hosts = sqliteTable("hosts", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  title: text("title").notNull(),
  agency: text("agency"),
  email: text("email"),
  phone: text("phone"),
  /** Optional weekly availability; null means "whenever not booked". */
  weeklyAvailability: text("weekly_availability", { mode: "json" }).$type<WeeklyHoursJson>(),
  timeZone: text("time_zone").notNull().default("Asia/Jakarta"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  version: integer("version").notNull().default(1),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

export const blackouts = sqliteTable(
  "blackouts",
  {
    id: text("id").primaryKey(),
    /** Null closes every venue. */
    venueId: text("venue_id").references(() => venues.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["once", "weekly"] }).notNull(),
    /** For `once`: the closed range as instants. */
    startsAt: integer("starts_at", { mode: "timestamp_ms" }),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }),
    /** For `weekly`: ISO weekdays and local times. */
    weekdays: text("weekdays", { mode: "json" }).$type<number[]>(),
    fromTime: text("from_time"),
    toTime: text("to_time"),
    reason: text("reason").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("blackouts_venue_idx").on(t.venueId)],
);
