/**
 * @module `SEED=demo`, the humas part: three visits that already happened (confirmed for past dates,
 * checked in with a walk-in, written up, completed) and their follow-up commitments in every status —
 * open, in progress, done with evidence, dropped with a reason — some of them overdue, so the board,
 * the home page and the reminders have something to show on first start. Every name is FICTIONAL.
 */
import type { Db } from "../../db/client";
import type { Seeder } from "../../db/seed";
import { checkIn, getAttendance } from "../attendance/service";
import { SYSTEM_ACTOR } from "../audit/record";
import { createCommitment, transitionCommitment } from "../commitments/service";
import { createDelegation } from "../delegations/intake";
import { transitionDelegation } from "../delegations/lifecycle";
import { addParticipant } from "../delegations/participants";
import { seedTopics } from "../delegations/topics";
import { auditedTransaction } from "../http/service-context";
import { addDays, localDateOf } from "../scheduling/zoned-time";
import { STARTER_TIME_ZONE } from "../venues/seed";
import { completeVisit } from "./complete";
import { saveOutcome } from "./service";

interface PastVisit {
  institution: string;
  provinceCode: string;
  regencyCode: string | null;
  leader: { name: string; title: string };
  daysAgo: number;
  roster: { name: string; title: string }[];
  walkIn: { name: string; title: string };
  summary: string;
  commitments: {
    party: "host" | "visitor";
    what: string;
    owner: string;
    email: string;
    due: number;
    path: ("in_progress" | "done" | "dropped")[];
  }[];
}

const VISITS: PastVisit[] = [
  {
    institution: "Pemerintah Kabupaten Lombok Timur",
    provinceCode: "52",
    regencyCode: "52.03",
    leader: { name: "H. Lalu Contoh, S.H.", title: "Bupati Lombok Timur" },
    daysAgo: 60,
    roster: [
      { name: "H. Lalu Contoh, S.H.", title: "Bupati Lombok Timur" },
      { name: "Baiq Teladan, S.E.", title: "Kepala Dinas Penanaman Modal dan PTSP Kabupaten Lombok Timur" },
      { name: "Made Sampel", title: "Staf" },
    ],
    walkIn: { name: "Ahmad Peraga, S.Kom.", title: "Kepala Bidang Aplikasi Informatika" },
    summary:
      "Rombongan mempelajari Mal Pelayanan Publik dan aplikasi antrean daring; Lombok Timur berencana membuka MPP tahun depan (data contoh).",
    commitments: [
      {
        party: "visitor",
        what: "Membuka Mal Pelayanan Publik Lombok Timur",
        owner: "Baiq Teladan (contoh)",
        email: "dpmptsp@example.org",
        due: 120,
        path: ["in_progress"],
      },
      {
        party: "host",
        what: "Mengirim SOP dan alur layanan MPP",
        owner: "Tim Humas (contoh)",
        email: "humas@example.org",
        due: -40,
        path: ["in_progress", "done"],
      },
      {
        party: "visitor",
        what: "Mengirim laporan hasil kunjungan ke Bupati Banyuwangi",
        owner: "Made Sampel (contoh)",
        email: "sekretariat@example.org",
        due: -20,
        path: [],
      },
    ],
  },
  {
    institution: "Pemerintah Kota Ternate",
    provinceCode: "82",
    regencyCode: null,
    leader: { name: "Dr. Rahman Ilustrasi, M.Si.", title: "Wali Kota Ternate" },
    daysAgo: 25,
    roster: [
      { name: "Dr. Rahman Ilustrasi, M.Si.", title: "Wali Kota Ternate" },
      { name: "Siti Percontohan, S.Sos.", title: "Sekretaris Daerah Kota Ternate" },
    ],
    walkIn: { name: "Yanti Model", title: "Staf" },
    summary: "Fokus pada Smart Kampoeng dan layanan desa digital (data contoh).",
    commitments: [
      {
        party: "host",
        what: "Mendampingi uji coba Smart Kampoeng di dua kelurahan",
        owner: "Tim Humas (contoh)",
        email: "humas@example.org",
        due: -3,
        path: ["in_progress"],
      },
      {
        party: "visitor",
        what: "Menyusun peraturan wali kota tentang layanan kelurahan digital",
        owner: "Siti Percontohan (contoh)",
        email: "setda@example.org",
        due: 5,
        path: [],
      },
      {
        party: "visitor",
        what: "Kunjungan balasan tim Banyuwangi",
        owner: "Siti Percontohan (contoh)",
        email: "setda@example.org",
        due: 30,
        path: ["dropped"],
      },
    ],
  },
  {
    institution: "Pemerintah Kabupaten Sleman",
    provinceCode: "34",
    regencyCode: "34.04",
    leader: { name: "Sri Simulasi, S.T.", title: "Wakil Bupati Sleman" },
    daysAgo: 2,
    roster: [
      { name: "Sri Simulasi, S.T.", title: "Wakil Bupati Sleman" },
      { name: "Agus Templat", title: "Kepala Dinas Komunikasi dan Informatika Kabupaten Sleman" },
    ],
    walkIn: { name: "Dewi Uji", title: "Staf" },
    summary: "Belajar Pasar Pelayanan Publik (data contoh).",
    commitments: [
      {
        party: "visitor",
        what: "Menyiapkan Pasar Pelayanan Publik di Pasar Prambanan",
        owner: "Agus Templat (contoh)",
        email: "kominfo@example.org",
        due: 45,
        path: [],
      },
    ],
  },
];

async function seedDemoFollowUp(db: Db, now: Date) {
  await seedTopics(db, now);
  const today = localDateOf(now.getTime(), STARTER_TIME_ZONE);
  for (const [i, v] of VISITS.entries()) {
    const day = addDays(today, -v.daysAgo);
    const at = (d: string) => new Date(`${d}T03:00:00Z`);
    const created = at(addDays(day, -30));
    const past = {
      db,
      actor: SYSTEM_ACTOR,
      now: created,
      config: { hostTimeZone: STARTER_TIME_ZONE },
      transaction: auditedTransaction(db, SYSTEM_ACTOR, created),
    };
    const { delegation } = await createDelegation(
      past,
      {
        institution: v.institution,
        provinceCode: v.provinceCode,
        regencyCode: v.regencyCode,
        leaderName: v.leader.name,
        leaderTitle: v.leader.title,
        purpose: "Studi banding pelayanan publik (data contoh).",
        topics: ["mpp"],
        expectedSize: v.roster.length + 2,
        preferredDates: { start: day, end: day },
        alternativeDates: [],
        contactName: "Narahubung (contoh)",
        contactEmail: `kontak${i + 1}@example.org`,
        contactPhone: "+6281200000002",
        letterNumber: `00${i + 1}/CONTOH/2026`,
        letterDate: addDays(day, -35),
        language: "id",
        notes: "Data demo — nama fiktif.",
      },
      { source: "staff" },
    );
    for (const p of v.roster)
      await addParticipant(past, delegation.id, {
        ...p,
        institution: v.institution,
        email: null,
        phone: null,
        needs: null,
        rank: null,
      });
    const confirmed = await transitionDelegation(past, delegation.id, {
      to: "confirmed",
      dates: { start: day, end: day },
    });
    const onDay = {
      db,
      actor: SYSTEM_ACTOR,
      now: at(day),
      transaction: auditedTransaction(db, SYSTEM_ACTOR, at(day)),
    };
    const roster = await getAttendance(db, delegation.id);
    await checkIn(onDay, delegation.id, {
      marks: roster.participants.map((p, n) => ({
        participantId: p.id,
        attended: n < roster.participants.length - 1 || i !== 0,
      })),
      walkIns: [{ ...v.walkIn, institution: v.institution }],
    });
    const after = {
      db,
      actor: SYSTEM_ACTOR,
      now: at(addDays(day, 1)),
      transaction: auditedTransaction(db, SYSTEM_ACTOR, at(addDays(day, 1))),
    };
    await saveOutcome(after, delegation.id, {
      summary: v.summary,
      summaryEn: null,
      shown: "Mal Pelayanan Publik, Smart Kampoeng (data contoh).",
      discussed: null,
      pressReleaseUrl: null,
      media: [],
      documentation: [],
      internalNotes: null,
      version: 0,
    });
    // The most recent visit is left for humas to complete.
    if (v.daysAgo > 2) await completeVisit(after, delegation.id, { version: confirmed.version });
    for (const c of v.commitments) {
      const { commitment } = await createCommitment(after, {
        delegationId: delegation.id,
        party: c.party,
        ownerUserId: null,
        ownerName: c.owner,
        ownerEmail: c.email,
        what: c.what,
        targetDate: addDays(today, c.due),
        // Demo owners are fictional: no reminders are mailed to them.
        remindersEnabled: false,
      });
      let version = commitment.version;
      for (const to of c.path) {
        const r = await transitionCommitment(after, commitment.id, {
          to,
          reason: to === "dropped" ? "Anggaran perjalanan dinas tahun ini dipangkas (contoh)." : null,
          evidence:
            to === "done"
              ? { url: "https://example.org/sop-mpp", note: "Dikirim lewat e-mail (contoh)." }
              : null,
          version,
        });
        version = r.commitment.version;
      }
    }
  }
}

export const demoFollowUpSeeder: Seeder = {
  name: "outcomes:demo-past-visits",
  kinds: ["demo"],
  run: async (db, now) => {
    await seedDemoFollowUp(db, now);
  },
};
