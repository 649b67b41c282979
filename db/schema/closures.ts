/**
 * @module The working calendar: closed local dates (national holidays, cuti bersama, local holidays).
 * Holidays are seeded per year from date-holidays (ID) and reviewed by admins; a closure closes every
 * venue unless the venue opens on holidays, and does not count as a working day.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const CLOSURE_KINDS = ["national_holiday", "cuti_bersama", "local_holiday"] as const;

export const closures = sqliteTable(
  "closures",
  {
    id: text("id").primaryKey(),
    /** Local calendar date, "YYYY-MM-DD" (WIB). */
    date: text("date").notNull(),
    kind: text("kind", { enum: CLOSURE_KINDS }).notNull(),
    name: text("name").notNull(),
    source: text("source", { enum: ["date-holidays", "admin", "csv"] }).notNull(),
    reviewed: integer("reviewed", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("closures_date_kind_idx").on(t.date, t.kind), index("closures_date_idx").on(t.date)],
);
