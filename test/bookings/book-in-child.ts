/**
 * @module Child process for the two-process race test: opens the same database (a file, or a libSQL server), says "ready",
 * waits for the go file, books through the booking service and prints one JSON line with the outcome.
 * Usage: tsx test/bookings/book-in-child.ts <database URL> <delegation id> <venue id> <go file>
 */

import { existsSync } from "node:fs";
import { openDatabase } from "../../db/open-node";
import { bookItem } from "../../src/bookings/service";
import { DEFAULT_HOST_TIME_ZONE } from "../../src/config";
import { AppError } from "../../src/http/errors";
import { auditedTransaction } from "../../src/http/service-context";

const [dbUrl, delegationId, venueId, goFile] = process.argv.slice(2) as [string, string, string, string];

async function main() {
  const db = await openDatabase({ url: dbUrl, migrate: false });
  process.stdout.write("ready\n");
  while (!existsSync(goFile)) await new Promise((r) => setTimeout(r, 5));
  try {
    const item = await bookItem(
      {
        actor: { id: null, label: `child ${process.pid}` },
        now: new Date("2026-03-02T02:00:00Z"),
        config: { hostTimeZone: DEFAULT_HOST_TIME_ZONE },
        transaction: auditedTransaction(
          db,
          { id: null, label: `child ${process.pid}` },
          new Date("2026-03-02T02:00:00Z"),
        ),
      },
      delegationId,
      {
        title: "Tur MPP",
        kind: "tour",
        startsAt: new Date("2026-03-10T09:00:00+07:00"),
        endsAt: new Date("2026-03-10T10:00:00+07:00"),
        venueId,
      },
    );
    process.stdout.write(`${JSON.stringify({ outcome: "booked", itemId: item.id })}\n`);
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      process.stdout.write(`${JSON.stringify({ outcome: "conflict", details: error.details })}\n`);
    } else {
      process.stdout.write(`${JSON.stringify({ outcome: "error", message: String(error) })}\n`);
      process.exitCode = 1;
    }
  } finally {
    db.close();
  }
}

void main();
