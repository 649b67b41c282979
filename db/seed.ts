/**
 * @module Seeding a fresh database. `starter` (the default) loads what a new regency needs: the Banyuwangi
 * venues, hosts and the half-day MPP visit template, plus this year's and next year's national holidays;
 * `demo` adds the seed story's delegation; `none` seeds nothing. Features declare their seeders and the
 * caller passes the list (src/features.ts); seeders run once per database (recorded in `seed_runs`) and
 * are idempotent.
 */
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { seedRuns } from "./schema/seed-runs";

export type SeedKind = "starter" | "demo" | "none";

export interface Seeder {
  /** Unique, stable name; a seeder that ran once never runs again on that database. */
  name: string;
  /** The seed kinds that include it (`demo` always includes `starter`). */
  kinds: readonly Exclude<SeedKind, "none">[];
  run(db: Db, now: Date): Promise<void>;
}

export async function runSeeders(db: Db, kind: SeedKind, now: Date, seeders: readonly Seeder[]) {
  if (kind === "none") return [];
  const wanted: string[] = kind === "demo" ? ["starter", "demo"] : ["starter"];
  const ran: string[] = [];
  for (const seeder of seeders) {
    if (!seeder.kinds.some((k) => wanted.includes(k))) continue;
    const done = await db.orm.select().from(seedRuns).where(eq(seedRuns.name, seeder.name)).get();
    if (done) continue;
    await seeder.run(db, now);
    await db.write(() =>
      db.orm.insert(seedRuns).values({ name: seeder.name, at: now }).onConflictDoNothing(),
    );
    ran.push(seeder.name);
  }
  return ran;
}
