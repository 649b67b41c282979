import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agendaItems } from "../../db/schema/agenda";
import { freshDb } from "../helpers/db";
import { makeDelegation, makeVenue } from "../helpers/factories";

interface Child {
  proc: ChildProcess;
  ready: Promise<void>;
  result: Promise<{ outcome: string; details?: Array<{ kind: string }>; message?: string }>;
}

function startChild(args: string[]): Child {
  const proc = spawn("npx", ["tsx", "test/bookings/book-in-child.ts", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  proc.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes("ready\n")) onReady();
  });
  proc.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const result = new Promise<{ outcome: string }>((resolve, reject) => {
    proc.on("close", () => {
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (!line) reject(new Error(`child printed no result; stderr: ${err}`));
      else resolve(JSON.parse(line));
    });
  });
  return { proc, ready, result };
}

describe("two processes booking the same slot on one database file", () => {
  it("exactly one wins; the other gets a conflict, not a crash or SQLITE_BUSY", async () => {
    const db = await freshDb();
    const venue = await makeVenue(db);
    const [a, b] = [await makeDelegation(db), await makeDelegation(db)];
    const go = join(dirname(db.path), "go");
    const children = [startChild([db.url, a.id, venue.id, go]), startChild([db.url, b.id, venue.id, go])];
    await Promise.all(children.map((c) => c.ready));
    writeFileSync(go, "go");
    const results = await Promise.all(children.map((c) => c.result));
    const outcomes = results.map((r) => r.outcome).sort();
    expect(outcomes, JSON.stringify(results)).toEqual(["booked", "conflict"]);
    const loser = results.find((r) => r.outcome === "conflict");
    expect(loser?.details?.[0]?.kind).toBe("venue");
    const rows = await db.orm.select().from(agendaItems).where(eq(agendaItems.venueId, venue.id)).all();
    expect(rows).toHaveLength(1);
    db.close();
  }, 60_000);
});
