/**
 * The outcome, check-in and completion API: write with `version`, bad input refused with field details and
 * nothing written, check-in all or nothing, completing refused before the last day (venue zone) and without
 * a summary, reopening by protocol with a reason — each step audited.
 */
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema/audit";
import { delegations, participants } from "../../db/schema/delegations";
import { visitOutcomes } from "../../db/schema/outcomes";
import { book, makeDelegation, makeParticipant, makeVenue } from "../helpers/factories";
import { json, makeTestApp, renewSessions, type TestApp } from "../helpers/test-app";

const OUTCOME = {
  summary: "Rombongan mempelajari MPP.",
  pressReleaseUrl: "https://banyuwangikab.go.id/berita/kepri",
  media: [
    {
      outlet: "Radar Banyuwangi",
      title: "Kepri belajar MPP",
      url: "https://radar.example/a",
      date: "2026-03-17",
    },
  ],
  documentation: [{ label: "Album foto", url: "https://photos.example/album" }],
  version: 0,
};

async function setup() {
  const t = await makeTestApp();
  const humas = await t.as("humas");
  const d = await makeDelegation(t.db, { confirmedDates: { start: "2026-03-16", end: "2026-03-17" } });
  return { t, humas, d };
}

async function counts(t: TestApp) {
  const n = async (table: typeof auditEvents | typeof visitOutcomes | typeof participants) =>
    (await t.db.orm.select({ n: count() }).from(table))[0]?.n;
  return {
    audit: await n(auditEvents),
    outcomes: await n(visitOutcomes),
    participants: await n(participants),
  };
}

describe("outcome API", () => {
  it("writes with version 0, then the current version; a stale one is 409; each write audited", async () => {
    const { t, humas, d } = await setup();
    const url = `/api/v1/delegations/${d.id}/outcome`;
    const first = await t.app.request(url, json(humas.headers, OUTCOME, "PUT"));
    expect(first.status).toBe(200);
    expect(((await first.json()) as { outcome: { version: number } }).outcome.version).toBe(1);
    expect((await t.app.request(url, json(humas.headers, { ...OUTCOME, version: 0 }, "PUT"))).status).toBe(
      409,
    );
    const second = await t.app.request(
      url,
      json(humas.headers, { ...OUTCOME, summaryEn: "They studied the MPP.", version: 1 }, "PUT"),
    );
    expect(second.status).toBe(200);
    const read = (await (await t.app.request(url, { headers: humas.headers })).json()) as {
      outcome: { summaryEn: string; media: unknown[] };
      attendance: unknown;
    };
    expect(read.outcome.summaryEn).toBe("They studied the MPP.");
    expect(read.attendance).toEqual({ attended: 0, listed: 0 });
    const audit = await t.db.orm.select().from(auditEvents).where(eq(auditEvents.entityId, d.id));
    expect(audit.map((a) => a.action)).toEqual(["outcome.create", "outcome.update"]);
  });

  it.each([
    ["100 KB of text", { summary: "x".repeat(100 * 1024) }, "summary"],
    ["a bad press link", { pressReleaseUrl: "javascript:alert(1)" }, "pressReleaseUrl"],
    ["a bad media link", { media: [{ ...OUTCOME.media[0], url: "ftp://x" }] }, "media.0.url"],
    ["a bad media date", { media: [{ ...OUTCOME.media[0], date: "17-03-2026" }] }, "media.0.date"],
    ["no summary", { summary: "  " }, "summary"],
  ])("refuses %s with a 400 naming the field, and writes nothing", async (_n, change, field) => {
    const { t, humas, d } = await setup();
    const before = await counts(t);
    const res = await t.app.request(
      `/api/v1/delegations/${d.id}/outcome`,
      json(humas.headers, { ...OUTCOME, ...change }, "PUT"),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { fields: Record<string, string[]> } } };
    expect(Object.keys(body.error.details.fields)).toContain(field);
    expect(await counts(t)).toEqual(before);
  });
});

describe("check-in API", () => {
  it("marks and adds walk-ins in one call, all or nothing", async () => {
    const { t, humas, d } = await setup();
    const a = await makeParticipant(t.db, d.id, {
      name: "Darma Sampel",
      title: "Bupati Karimun",
      precedenceRank: 80,
    });
    const url = `/api/v1/delegations/${d.id}/attendance`;
    const before = await counts(t);
    const bad = await t.app.request(
      url,
      json(humas.headers, {
        marks: [
          { participantId: a.id, attended: true },
          { participantId: "someone-else", attended: true },
        ],
        walkIns: [{ name: "Rudi", title: "Pj. Bupati Bintan" }],
      }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: { fields: object } } }).error.details.fields).toEqual({
      "marks.1.participantId": ["attendance.unknownParticipant"],
    });
    expect(await counts(t)).toEqual(before);
    const ok = await t.app.request(
      url,
      json(humas.headers, {
        marks: [{ participantId: a.id, attended: true }],
        walkIns: [{ name: "Rudi Simulasi", title: "Gubernur Kepulauan Riau" }],
      }),
    );
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as {
      participants: { name: string; walkIn: boolean; attended: boolean }[];
      attended: number;
    };
    expect(body.attended).toBe(2);
    expect(body.participants.map((p) => [p.name, p.walkIn])).toEqual([
      ["Rudi Simulasi", true],
      ["Darma Sampel", false],
    ]);
  });
});

describe("completing a visit", () => {
  it("is refused before the last day and without a summary, allowed after, and reopened by protocol with a reason", async () => {
    const { t, humas, d } = await setup();
    // The venue is in WITA: the last day begins there an hour before it does in WIB.
    const venue = await makeVenue(t.db, {
      timeZone: "Asia/Makassar",
      weeklyHours: { "1": [{ from: "00:00", to: "24:00" }], "2": [{ from: "00:00", to: "24:00" }] },
    });
    await book(t.db, d.id, {
      title: "Kunjungan MPP",
      startsAt: "2026-03-17T09:00:00+08:00",
      endsAt: "2026-03-17T11:00:00+08:00",
      venueId: venue.id,
    });
    const complete = (version: number) =>
      t.app.request(`/api/v1/delegations/${d.id}/complete`, json(humas.headers, { version }));
    const reason = async (res: Response) =>
      ((await res.json()) as { error: { details: { reason: string } } }).error.details.reason;
    t.clock.set("2026-03-16T23:30:00+07:00"); // 00.30 WITA on the 17th: the last day has begun at the venue
    await renewSessions(t);
    let res = await complete(d.version);
    expect(res.status).toBe(409);
    expect(await reason(res)).toBe("no_summary");
    t.clock.set("2026-03-16T22:30:00+07:00"); // 23.30 WITA on the 16th
    await t.app.request(`/api/v1/delegations/${d.id}/outcome`, json(humas.headers, OUTCOME, "PUT"));
    res = await complete(d.version);
    expect(res.status).toBe(409);
    const err = (await res.clone().json()) as { error: { message: string } };
    expect(err.error.message).toBe(
      "Kunjungan baru dapat ditandai selesai mulai hari terakhirnya (2026-03-17, zona waktu lokasi).",
    );
    expect(await reason(res)).toBe("too_early");
    t.clock.set("2026-03-16T23:30:00+07:00");
    res = await complete(d.version);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { delegation: { status: string } }).delegation.status).toBe("completed");

    const protocol = await t.as("protocol");
    const current = (await t.db.orm.select().from(delegations).where(eq(delegations.id, d.id)).get())!;
    const reopen = (headers: Record<string, string>, body: object) =>
      t.app.request(`/api/v1/delegations/${d.id}/reopen`, json(headers, body));
    expect((await reopen(humas.headers, { reason: "Salah klik", version: current.version })).status).toBe(
      403,
    );
    expect((await reopen(protocol.headers, { reason: " ", version: current.version })).status).toBe(400);
    const back = await reopen(protocol.headers, {
      reason: "Laporan hasil perlu dilengkapi",
      version: current.version,
    });
    expect(back.status).toBe(200);
    expect(((await back.json()) as { delegation: { status: string } }).delegation.status).toBe("confirmed");
    const audit = await t.db.orm.select().from(auditEvents).where(eq(auditEvents.entityId, d.id));
    expect(audit.map((a) => a.action)).toContain("delegation.reopen");
    expect(audit.find((a) => a.action === "delegation.reopen")?.after).toMatchObject({
      reason: "Laporan hasil perlu dilengkapi",
    });
  });
});
