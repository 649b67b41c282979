/**
 * @module (e) The 3-year report (`buildReport`, every figure of the report page) over 5,000 completed
 * visits with rosters, commitments and feedback, added to the bench database by this section (rows coded
 * `SB-REPORT-…`, replaced on each run). Target: ≤ 200 ms.
 */
import { like } from "drizzle-orm";
import { delegations, participants } from "../../../db/schema/delegations";
import { feedbackLinks, feedbackResponses } from "../../../db/schema/feedback";
import { commitments } from "../../../db/schema/outcomes";
import { newId } from "../../auth/encoding";
import { buildReport } from "../../reports/summary";
import { addDays } from "../../scheduling/index";
import { summarise, timeMs } from "../stats";
import type { BenchContext, BenchSection } from "./types";

const DELEGATIONS = 5_000;
const PROVINCES = ["11", "12", "31", "32", "33", "34", "35", "36", "51", "52", "61", "63", "64", "73", "21"];

async function addVisits(ctx: BenchContext) {
  const { data, rand } = ctx;
  const db = data.db;
  const span = Math.round((Date.parse(data.lastDate) - Date.parse(data.firstDate)) / 86_400_000);
  await db.writeTransaction(async (tx) => {
    await tx.delete(delegations).where(like(delegations.code, "SB-REPORT-%"));
  });
  const rows = {
    d: [] as (typeof delegations.$inferInsert)[],
    p: [] as (typeof participants.$inferInsert)[],
  };
  const cs: (typeof commitments.$inferInsert)[] = [];
  const links: (typeof feedbackLinks.$inferInsert)[] = [];
  const answers: (typeof feedbackResponses.$inferInsert)[] = [];
  for (let i = 0; i < DELEGATIONS; i++) {
    const id = newId();
    const start = addDays(data.firstDate, Math.floor(rand() * span));
    const created = new Date(Date.parse(`${start}T00:00:00Z`) - (7 + Math.floor(rand() * 60)) * 86_400_000);
    rows.d.push({
      id,
      code: `SB-REPORT-${i}`,
      status: rand() < 0.1 ? "cancelled" : "completed",
      institution: `Pemerintah Kabupaten Laporan ${i}`,
      provinceCode: PROVINCES[i % PROVINCES.length],
      leaderName: "Bench",
      leaderTitle: "Bupati",
      purpose: "bench",
      topics: rand() < 0.5 ? ["mpp"] : ["mpp", "pasar-pelayanan-publik"],
      expectedSize: 20,
      preferredDates: { start, end: start },
      alternativeDates: [],
      confirmedDates: { start, end: addDays(start, 1) },
      contactName: "Bench",
      contactEmail: "bench@example.go.id",
      contactPhone: "+620000",
      source: "staff",
      createdAt: created,
      updatedAt: created,
    });
    for (let p = 0; p < 15; p++)
      rows.p.push({
        id: newId(),
        delegationId: id,
        name: `P${p}`,
        title: "Staf",
        precedenceRank: 50,
        attended: rand() < 0.9,
        walkIn: p === 14,
        createdAt: created,
        updatedAt: created,
      });
    for (let c = 0; c < 2; c++)
      cs.push({
        id: newId(),
        delegationId: id,
        party: "visitor",
        ownerName: "Bench",
        ownerEmail: "bench@example.go.id",
        what: "Tindak lanjut",
        targetDate: addDays(start, 90),
        status: rand() < 0.6 ? "done" : "open",
        completedOn: addDays(start, 60 + Math.floor(rand() * 60)),
        createdAt: created,
        updatedAt: created,
      });
    const linkId = newId();
    links.push({
      id: linkId,
      delegationId: id,
      tokenHash: newId() + newId(),
      recipientName: "Bench",
      recipientEmail: "bench@example.go.id",
      createdAt: created,
      expiresAt: created,
    });
    if (rand() < 0.6)
      answers.push({
        linkId,
        delegationId: id,
        overallRating: 3 + Math.floor(rand() * 3),
        sessionRatings: {},
        createdAt: created,
        updatedAt: created,
      });
  }
  const chunks = async <T>(list: T[], insert: (c: T[]) => Promise<unknown>) => {
    for (let i = 0; i < list.length; i += 500) await insert(list.slice(i, i + 500));
  };
  await db.writeTransaction(async (tx) => {
    await chunks(rows.d, (c) => tx.insert(delegations).values(c));
    await chunks(rows.p, (c) => tx.insert(participants).values(c));
    await chunks(cs, (c) => tx.insert(commitments).values(c));
    await chunks(links, (c) => tx.insert(feedbackLinks).values(c));
    await chunks(answers, (c) => tx.insert(feedbackResponses).values(c));
  });
}

export const reportSection: BenchSection = {
  id: "report",
  title: "(e) 3-year report over 5,000 delegations (every figure of the report page)",
  async run(ctx) {
    await addVisits(ctx);
    const db = ctx.data.db.orm;
    const range = { from: ctx.data.firstDate, to: ctx.data.lastDate };
    const now = new Date(`${ctx.data.lastDate}T12:00:00Z`);
    const samples: number[] = [];
    let visits = 0;
    const rounds = Math.max(10, Math.min(50, ctx.args.iterations));
    for (let i = 0; i < rounds + 3; i++) {
      const ms = await timeMs(async () => {
        visits = (await buildReport(db, { range, now })).visits.value;
      });
      if (i >= 3) samples.push(ms);
    }
    const s = summarise(samples);
    return [
      {
        label: `median (${s.n} reports, ${range.from} – ${range.to})`,
        value: s.median,
        unit: "ms",
        target: 200,
      },
      { label: "p99", value: s.p99, unit: "ms", target: 200 },
      { label: "visits counted", value: visits, unit: "visits" },
    ];
  },
};
