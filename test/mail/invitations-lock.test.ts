/**
 * "Send invitations" composes outside the writer lock: every mail, calendar and PDF of a send is rendered
 * while no write of the process holds the lock (the lock is held only to re-plan and enqueue). If the
 * visit changes after composing began, the send composes again: what is queued shows the new state.
 * The send here mixes both forms: the contact gets the itinerary mail, the participants one calendar
 * invitation per session.
 */

import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../../db/client";
import { outboxMessages } from "../../db/schema/outbox";
import type { RecipientChoice } from "../../src/mail/invitation-recipients";
import { sendInvitations } from "../../src/mail/invitations";
import { freshDb } from "../helpers/db";
import { book, makeDelegation, makeParticipant, makeVenue, move } from "../helpers/factories";
import { TEST_LINK_SECRET } from "../helpers/test-app";

const probe = vi.hoisted(() => ({
  calls: [] as { what: string; locked: boolean }[],
  db: null as { writing(): boolean } | null,
  /** Runs once, during the first PDF composition (a change made by someone else meanwhile). */
  duringPdf: null as null | (() => Promise<void>),
}));

function record(what: string) {
  probe.calls.push({ what, locked: probe.db?.writing() ?? false });
}

vi.mock("../../src/mail/compose", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/mail/compose")>();
  return {
    ...real,
    composeMail: (...args: Parameters<typeof real.composeMail>) => {
      probe.calls.push({ what: "mail", locked: probe.db?.writing() ?? false });
      return real.composeMail(...args);
    },
  };
});
vi.mock("../../src/calendar/invitation", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/calendar/invitation")>();
  return {
    ...real,
    invitationCalendar: (...args: Parameters<typeof real.invitationCalendar>) => {
      probe.calls.push({ what: "calendar", locked: probe.db?.writing() ?? false });
      return real.invitationCalendar(...args);
    },
  };
});
vi.mock("../../src/calendar/delegation-calendar", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/calendar/delegation-calendar")>();
  return {
    ...real,
    delegationCalendar: (...args: Parameters<typeof real.delegationCalendar>) => {
      probe.calls.push({ what: "itinerary-calendar", locked: probe.db?.writing() ?? false });
      return real.delegationCalendar(...args);
    },
  };
});
vi.mock("../../src/itinerary/pdf", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/itinerary/pdf")>();
  return {
    ...real,
    itineraryPdf: async (...args: Parameters<typeof real.itineraryPdf>) => {
      probe.calls.push({ what: "pdf", locked: probe.db?.writing() ?? false });
      const change = probe.duringPdf;
      probe.duringPdf = null;
      if (change) await change();
      return real.itineraryPdf(...args);
    },
  };
});

const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  probe.calls = [];
  probe.db = null;
  probe.duringPdf = null;
});

const ORGANIZER = { name: "Protokol Banyuwangi", email: "protokol@banyuwangikab.go.id" };

async function visit() {
  const db = await freshDb();
  dbs.push(db);
  probe.db = db;
  const venue = await makeVenue(db);
  const d = await makeDelegation(db, { language: "en" });
  const choice: RecipientChoice[] = [{ key: "contact", form: "itinerary" }];
  for (let i = 1; i <= 3; i++) {
    const p = await makeParticipant(db, d.id, { name: `Peserta ${i}`, email: `peserta${i}@example.go.id` });
    choice.push({ key: `participant:${p.id}`, form: "sessions" });
  }
  const items = [];
  for (let k = 0; k < 3; k++) {
    const h = 9 + k;
    items.push(
      await book(db, d.id, {
        title: `Sesi ${k + 1}`,
        titleEn: `Session ${k + 1}`,
        startsAt: `2026-03-10T${String(h).padStart(2, "0")}:00:00+07:00`,
        endsAt: `2026-03-10T${String(h).padStart(2, "0")}:45:00+07:00`,
        venueId: venue.id,
      }),
    );
  }
  const ctx = {
    db,
    now: new Date("2026-03-02T02:00:00Z"),
    baseUrl: "http://localhost:8787",
    linkSecret: TEST_LINK_SECRET,
    actor: { id: null, label: "test" },
    organizer: ORGANIZER,
    hostTimeZone: "Asia/Jakarta",
  };
  return { db, d, items, ctx, choice };
}

describe("send invitations and the writer lock", () => {
  it("renders every mail, calendar and PDF while the writer lock is free", async () => {
    const { db, d, ctx, choice } = await visit();
    const { queued } = await sendInvitations(ctx, d.id, choice);
    // 3 sessions × 3 participants, plus the one itinerary mail to the contact.
    expect(queued).toBe(3 * 3 + 1);
    const rows = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.delegationId, d.id));
    expect(rows).toHaveLength(queued);
    const kinds = new Set(probe.calls.map((c) => c.what));
    expect(kinds).toEqual(new Set(["mail", "calendar", "itinerary-calendar", "pdf"]));
    expect(probe.calls.filter((c) => c.locked)).toEqual([]);
    // And the probe does see the lock when it is held (the check above can fail).
    await db.writeTransaction(async () => record("inside"));
    expect(probe.calls.at(-1)).toEqual({ what: "inside", locked: true });
  });

  it("composes again when the visit changes meanwhile: the queued messages show the change", async () => {
    const { db, d, items, ctx, choice } = await visit();
    const first = items[0]!;
    probe.duringPdf = async () => {
      await move(db, first.id, first.version, { title: "Sesi pembuka", titleEn: "Opening session" });
    };
    const { queued } = await sendInvitations(ctx, d.id, choice);
    expect(queued).toBe(3 * 3 + 1);
    expect(probe.calls.filter((c) => c.what === "pdf")).toHaveLength(2);
    const rows = await db.orm.select().from(outboxMessages).where(eq(outboxMessages.delegationId, d.id));
    const firstItem = rows.filter((r) => r.itemId === first.id);
    expect(firstItem).toHaveLength(3);
    for (const r of firstItem) {
      expect(r.subject).toContain("Opening session");
      expect(r.icsContent).toContain("Opening session");
      expect(r.sequence).toBeGreaterThan(0);
    }
    expect(rows.some((r) => r.subject.includes("Session 1"))).toBe(false);
    const itinerary = rows.find((r) => r.kind === "itinerary")!;
    expect(itinerary.text).toContain("Opening session");
    expect(probe.calls.filter((c) => c.locked)).toEqual([]);
  });

  it("a second send right after the first queues nothing", async () => {
    const { d, ctx, choice } = await visit();
    expect((await sendInvitations(ctx, d.id, choice)).queued).toBeGreaterThan(0);
    expect(await sendInvitations(ctx, d.id, choice)).toEqual({ queued: 0, messages: [] });
  });
});
