/**
 * @module Yearly targets the reports measure against ("Kinerja harus berdasarkan target"): visits,
 * visitors, commitments done on time (percent) and the average rating (1–5). One row per calendar year;
 * a null figure has no target.
 */
import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const yearlyTargets = sqliteTable("yearly_targets", {
  year: integer("year").primaryKey(),
  visits: integer("visits"),
  visitors: integer("visitors"),
  commitmentsOnTimePct: integer("commitments_on_time_pct"),
  averageRating: real("average_rating"),
  version: integer("version").notNull().default(1),
  updatedBy: text("updated_by"),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
