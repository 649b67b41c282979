/**
 * @module Which seeders have run on this database (each runs once; see db/seed.ts).
 */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const seedRuns = sqliteTable("seed_runs", {
  name: text("name").primaryKey(),
  at: integer("at", { mode: "timestamp_ms" }).notNull(),
});
