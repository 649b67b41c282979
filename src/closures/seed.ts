/**
 * @module Starter seeder: this year's and next year's national holidays from date-holidays (ID), marked
 * unreviewed so an admin checks them against the SKB 3 Menteri and adds *cuti bersama* (see
 * docs/holiday-review-2026-2027.md). Existing (date, kind) rows are left alone, so it is idempotent.
 * date-holidays (every country's data) is imported only when the seeder runs, and the holidays are
 * computed before the write transaction opens.
 */

import type { Db } from "../../db/client";
import { closures } from "../../db/schema/closures";
import type { Seeder } from "../../db/seed";
import { SYSTEM_ACTOR } from "../audit/record";
import { newId } from "../auth/encoding";
import { auditedTransaction } from "../http/service-context";
import { localDateOf } from "../scheduling/zoned-time";
import { STARTER_TIME_ZONE } from "../venues/seed";

export async function seedNationalHolidays(db: Db, years: readonly number[], now: Date): Promise<number> {
  const { nationalHolidays } = await import("./national-holidays");
  // date-holidays can give two holidays on one date (Natal and Isra Mikraj on 25 Dec 2027): one row.
  const byDate = new Map<string, string[]>();
  for (const year of years) {
    for (const h of nationalHolidays(year)) byDate.set(h.date, [...(byDate.get(h.date) ?? []), h.name]);
  }
  let added = 0;
  await auditedTransaction(
    db,
    SYSTEM_ACTOR,
    now,
  )(async (tx, audit) => {
    for (const [date, names] of byDate) {
      const inserted = await tx
        .insert(closures)
        .values({
          id: newId(),
          date,
          kind: "national_holiday",
          name: names.join(" / "),
          source: "date-holidays",
          reviewed: false,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: closures.id });
      added += inserted.length;
    }
    await audit("closure.seed", { type: "closure", id: years.join(",") }, undefined, { years, added });
  });
  return added;
}

export const nationalHolidaySeeder: Seeder = {
  name: "closures:national-holidays",
  kinds: ["starter"],
  async run(db, now) {
    // "This year" where the starter data lives (Banyuwangi's zone).
    const year = Number(localDateOf(now.getTime(), STARTER_TIME_ZONE).slice(0, 4));
    await seedNationalHolidays(db, [year, year + 1], now);
  },
};
