/**
 * @module `SEED=demo`, the results part: two years of visits that already happened — from regencies and
 * cities across Indonesia, on several topics, with the standard MPP programme, attendance (walk-ins
 * included), an outcome, a survey answered by the contact person, follow-up commitments (on time, late,
 * open, dropped), about half published on the public log and a third with a saved press release — plus
 * the yearly targets of both years, so the reports, `/kunjungan` and the board look real on a first
 * start. Deterministic (a fixed pseudo-random sequence); every name is FICTIONAL.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { feedbackLinks } from "../../db/schema/feedback";
import { tourTemplates } from "../../db/schema/templates";
import type { Seeder } from "../../db/seed";
import { checkIn, getAttendance } from "../attendance/service";
import { SYSTEM_ACTOR } from "../audit/record";
import { newId } from "../auth/encoding";
import { createCommitment, transitionCommitment } from "../commitments/service";
import { createDelegation } from "../delegations/intake";
import { transitionDelegation } from "../delegations/lifecycle";
import { addParticipant } from "../delegations/participants";
import { seedTopics } from "../delegations/topics";
import { loadSurvey, saveResponse } from "../feedback/survey";
import { newSurveyToken } from "../feedback/tokens";
import { linkExpiry } from "../feedback/window";
import { AppError } from "../http/errors";
import { auditedTransaction } from "../http/service-context";
import { completeVisit } from "../outcomes/complete";
import { saveOutcome } from "../outcomes/service";
import { currentPressRelease, savePressRelease } from "../press/service";
import { publishVisit } from "../publicity/service";
import { findProvince, findRegency } from "../regions/regions";
import { addDays, localDateOf, weekdayOf } from "../scheduling/zoned-time";
import { saveTarget } from "../targets/service";
import { applyTemplate } from "../templates/apply";
import { MPP_TEMPLATE_NAME, STARTER_TIME_ZONE } from "../venues/seed";

/** Where visitors come from: regency or city codes (the province is the code's first part). */
const ORIGINS = [
  "35.09",
  "35.78",
  "35.15",
  "32.04",
  "32.11",
  "33.19",
  "33.74",
  "34.01",
  "51.03",
  "51.04",
  "73.71",
  "73.03",
  "13.71",
  "13.01",
  "64.71",
  "64.02",
  "61.71",
  "61.01",
  "71.71",
  "71.02",
  "53.01",
  "53.12",
  "63.71",
  "63.09",
  "16.71",
  "16.06",
  "91.03",
  "81.71",
  "52.71",
  "12.07",
  "12.71",
  "33.26",
] as const;

const TOPIC_SETS = [
  ["mpp"],
  ["mpp", "perizinan"],
  ["smart-kampoeng"],
  ["pasar-pelayanan-publik", "umkm"],
  ["pariwisata"],
  ["kesehatan"],
  ["mpp", "tata-kelola"],
  ["pendidikan", "smart-kampoeng"],
] as const;

const GIVEN = ["Agus", "Sri", "Bambang", "Dewi", "Hendra", "Nurul", "Yusuf", "Rina", "Made", "Lestari"];
const FAMILY = ["Contoh", "Teladan", "Sampel", "Percontohan", "Ilustrasi", "Peraga", "Simulasi", "Model"];

const USEFUL = [
  "Alur antrean MPP dan pembagian loket per instansi.",
  "Cara desa mengelola layanan daring lewat Smart Kampoeng.",
  "Penjelasan perizinan satu pintu dan target waktu layanan.",
  "Diskusi dengan petugas loket tentang standar pelayanan.",
];
const REPLICATE = [
  "Kami akan membuka MPP dengan pola yang sama.",
  "Layanan administrasi kependudukan di tingkat desa.",
  "Papan informasi waktu layanan di setiap loket.",
];

/** A fixed pseudo-random sequence (mulberry32), so every demo database is the same. */
function sequence(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

/** Who wrote the demo's press releases and publications (shown as the author of a saved version). */
const DEMO_HUMAS = { id: null, label: "Tim Humas (contoh)" };

const at = (date: string) => new Date(`${date}T03:00:00Z`);

/** The visit days: one or two a month over the 24 months before this one, on weekdays. */
function visitDays(today: string, rnd: ReturnType<typeof sequence>): string[] {
  const days: string[] = [];
  const [y, m] = today.split("-").map(Number) as [number, number];
  for (let back = 24; back >= 1; back--) {
    const month = new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 7);
    const n = rnd.next() < 0.55 ? 1 : 2;
    for (let k = 0; k < n; k++) {
      let day = `${month}-${String(2 + Math.floor(rnd.next() * 24)).padStart(2, "0")}`;
      while (weekdayOf(day) >= 6) day = addDays(day, 1);
      if (day < addDays(today, -7)) days.push(day);
    }
  }
  return days.sort();
}

function origin(code: string) {
  const regency = findRegency(code);
  const province = findProvince(code.slice(0, 2));
  if (!regency || !province) throw new Error(`demo seed: unknown region ${code}`);
  const place = regency.name.replace(/^(Kabupaten|Kota) /, "");
  const kota = regency.kind === "kota";
  return {
    regencyCode: code,
    provinceCode: province.code,
    institution: `Pemerintah ${regency.name}`,
    place,
    head: kota ? `Wali Kota ${place}` : `Bupati ${place}`,
    deputy: kota ? `Wakil Wali Kota ${place}` : `Wakil Bupati ${place}`,
    area: regency.name,
  };
}

async function mppTemplateId(db: Db): Promise<string | null> {
  const row = await db.orm
    .select({ id: tourTemplates.id })
    .from(tourTemplates)
    .where(eq(tourTemplates.name, MPP_TEMPLATE_NAME))
    .get();
  return row?.id ?? null;
}

async function seedVisit(db: Db, today: string, day: string, n: number, rnd: ReturnType<typeof sequence>) {
  const o = origin(ORIGINS[n % ORIGINS.length] as string);
  const person = () => `${rnd.pick(GIVEN)} ${rnd.pick(FAMILY)}`;
  const ctxAt = (date: string) => ({
    db,
    actor: SYSTEM_ACTOR,
    now: at(date),
    config: { hostTimeZone: STARTER_TIME_ZONE },
    transaction: auditedTransaction(db, SYSTEM_ACTOR, at(date)),
  });
  const requested = ctxAt(addDays(day, -(20 + Math.floor(rnd.next() * 40))));
  const leadsHead = rnd.next() < 0.6;
  const leader = { name: `${person()} (contoh)`, title: leadsHead ? o.head : o.deputy };
  const roster = [
    leader,
    { name: person(), title: `Kepala Dinas Penanaman Modal dan PTSP ${o.area}` },
    { name: person(), title: `Kepala Dinas Komunikasi dan Informatika ${o.area}` },
    { name: person(), title: `Kepala Bagian Organisasi Setda ${o.area}` },
    { name: person(), title: "Staf" },
  ].slice(0, 3 + Math.floor(rnd.next() * 3));
  const { delegation } = await createDelegation(
    requested,
    {
      institution: o.institution,
      provinceCode: o.provinceCode,
      regencyCode: o.regencyCode,
      leaderName: leader.name,
      leaderTitle: leader.title,
      purpose: "Studi banding inovasi pelayanan publik (data contoh).",
      topics: [...rnd.pick(TOPIC_SETS)],
      expectedSize: roster.length + 2,
      preferredDates: { start: day, end: day },
      alternativeDates: [],
      contactName: `${person()} (contoh)`,
      contactEmail: `narahubung${n + 1}@example.org`,
      contactPhone: "+6281200000003",
      letterNumber: `${String(100 + n)}/CONTOH/${day.slice(0, 4)}`,
      letterDate: addDays(day, -60),
      language: "id",
      notes: "Data demo — nama fiktif.",
    },
    { source: n % 3 === 0 ? "staff" : "public_form" },
  );
  for (const p of roster)
    await addParticipant(requested, delegation.id, {
      ...p,
      institution: o.institution,
      email: null,
      phone: null,
      needs: null,
      rank: null,
    });
  const confirmed = await transitionDelegation(requested, delegation.id, {
    to: "confirmed",
    dates: { start: day, end: day },
  });
  const template = await mppTemplateId(db);
  if (template)
    try {
      await applyTemplate(requested, delegation.id, { templateId: template, date: day });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }

  const onDay = ctxAt(day);
  const list = await getAttendance(db, delegation.id);
  await checkIn(onDay, delegation.id, {
    marks: list.participants.map((p, i) => ({ participantId: p.id, attended: i !== 3 })),
    walkIns: rnd.next() < 0.5 ? [{ name: person(), title: "Staf", institution: o.institution }] : [],
  });
  const after = ctxAt(addDays(day, 1));
  await saveOutcome(after, delegation.id, {
    summary: `Rombongan ${o.institution} mempelajari layanan publik Banyuwangi dan berencana menerapkannya di ${o.place} (data contoh).`,
    summaryEn: null,
    shown: "Mal Pelayanan Publik, loket perizinan dan layanan desa digital (data contoh).",
    discussed: null,
    pressReleaseUrl: null,
    media: [],
    documentation: [],
    internalNotes: "Catatan internal contoh.",
    version: 0,
  });
  // No config: no survey mails to the fictional contacts (their answers are seeded below).
  await completeVisit({ now: after.now, transaction: after.transaction }, delegation.id, {
    version: confirmed.version,
  });
  await answerSurvey(db, delegation.id, day, rnd);
  await seedCommitments(db, today, day, delegation.id, o.place, rnd);
  const humas = {
    now: after.now,
    actor: DEMO_HUMAS,
    transaction: auditedTransaction(db, DEMO_HUMAS, after.now),
  };
  if (n % 2 === 0)
    await publishVisit(humas, delegation.id, {
      title: `Kunjungan ${leader.title} ke Banyuwangi`,
      summary: `${leader.title} dan rombongan belajar tentang pelayanan publik di Banyuwangi (data contoh).`,
      photoUrl: null,
      photoAlt: null,
      links: [{ label: "Berita kunjungan (contoh)", url: "https://example.org/berita" }],
    });
  if (n % 3 === 0) {
    const draft = await currentPressRelease(db.orm, delegation.id, STARTER_TIME_ZONE);
    const { savedAt: _s, authorLabel: _a, ...input } = draft;
    await savePressRelease(humas, delegation.id, input);
  }
}

/** The contact person's link (no mail: the demo contacts are fictional) and their answer three days on. */
async function answerSurvey(db: Db, delegationId: string, day: string, rnd: ReturnType<typeof sequence>) {
  if (rnd.next() < 0.2) return; // not every visitor answers
  const sent = at(addDays(day, 1));
  const { token, tokenHash } = newSurveyToken();
  await db.writeTransaction((tx) =>
    tx.insert(feedbackLinks).values({
      id: newId(),
      delegationId,
      participantId: null,
      tokenHash,
      recipientName: "Narahubung (contoh)",
      recipientEmail: `survei-${delegationId}@example.org`,
      createdAt: sent,
      expiresAt: linkExpiry(sent),
    }),
  );
  const now = at(addDays(day, 3));
  const survey = await loadSurvey(db.orm, token, now);
  const rating = () => (rnd.next() < 0.15 ? 3 : rnd.next() < 0.55 ? 4 : 5);
  await saveResponse({ db, now }, token, {
    overallRating: rating(),
    sessionRatings: Object.fromEntries((survey?.sessions ?? []).map((s) => [s.id, rating()])),
    mostUseful: rnd.pick(USEFUL),
    willReplicate: rnd.pick(REPLICATE),
    comments: null,
    respondentName: null,
    respondentTitle: null,
  });
}

/** One or two promises; those due before today end on time, late, dropped, or still open (overdue). */
async function seedCommitments(
  db: Db,
  today: string,
  day: string,
  delegationId: string,
  place: string,
  rnd: ReturnType<typeof sequence>,
) {
  const promises = [
    {
      party: "visitor" as const,
      what: `Membuka Mal Pelayanan Publik ${place}`,
      due: 60 + Math.floor(rnd.next() * 120),
    },
    {
      party: "host" as const,
      what: "Mengirim SOP dan alur layanan MPP",
      due: 14 + Math.floor(rnd.next() * 20),
    },
  ].slice(0, 1 + Math.floor(rnd.next() * 2));
  for (const p of promises) {
    const targetDate = addDays(day, p.due);
    const ctx = (date: string) => ({
      now: at(date),
      transaction: auditedTransaction(db, SYSTEM_ACTOR, at(date)),
    });
    const { commitment } = await createCommitment(ctx(addDays(day, 1)), {
      delegationId,
      party: p.party,
      ownerUserId: null,
      ownerName: p.party === "host" ? "Tim Humas (contoh)" : "Kepala Dinas PTSP (contoh)",
      ownerEmail: p.party === "host" ? "humas@example.org" : "ptsp@example.org",
      what: p.what,
      targetDate,
      remindersEnabled: false,
    });
    const roll = rnd.next();
    const onTime = addDays(targetDate, -5);
    const late = addDays(targetDate, 12);
    const end =
      roll < 0.55 && onTime < today
        ? { to: "done" as const, on: onTime }
        : roll < 0.75 && late < today
          ? { to: "done" as const, on: late }
          : roll < 0.85 && onTime < today
            ? { to: "dropped" as const, on: onTime }
            : null;
    const started = await transitionCommitment(ctx(addDays(day, 7)), commitment.id, {
      to: "in_progress",
      reason: null,
      evidence: null,
      version: commitment.version,
    });
    if (!end) continue;
    await transitionCommitment(ctx(end.on), commitment.id, {
      to: end.to,
      reason: end.to === "dropped" ? "Anggaran tahun ini dialihkan (contoh)." : null,
      evidence: end.to === "done" ? { url: "https://example.org/bukti", note: "Bukti contoh." } : null,
      version: started.commitment.version,
    });
  }
}

export async function seedDemoResults(db: Db, now: Date) {
  await seedTopics(db, now);
  const today = localDateOf(now.getTime(), STARTER_TIME_ZONE);
  const rnd = sequence(20170);
  for (const [n, day] of visitDays(today, rnd).entries()) await seedVisit(db, today, day, n, rnd);
  const year = Number(today.slice(0, 4));
  const ctx = { now, actor: SYSTEM_ACTOR, transaction: auditedTransaction(db, SYSTEM_ACTOR, now) };
  await saveTarget(ctx, year - 1, {
    visits: 30,
    visitors: 150,
    commitmentsOnTimePct: 70,
    averageRating: 4.2,
  });
  await saveTarget(ctx, year, { visits: 30, visitors: 160, commitmentsOnTimePct: 75, averageRating: 4.3 });
}

export const demoResultsSeeder: Seeder = {
  name: "reports:demo-two-years",
  kinds: ["demo"],
  run: async (db, now) => {
    await seedDemoResults(db, now);
  },
};
