/**
 * @module `SEED=demo`: the seed story's delegation — the Governor of Kepulauan Riau with the Vice-Chair of
 * the provincial DPRD, the Regents of Karimun and Lingga, the Vice-Regents of Anambas and Natuna, the acting
 * Regent of Bintan and provincial agency heads — as a confirmed visit with its roster. Every name is
 * FICTIONAL (surnames such as "Contoh", "Teladan", "Sampel" mean "example"); only the offices are real.
 */

import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { tourTemplates } from "../../db/schema/templates";
import type { Seeder } from "../../db/seed";
import { SYSTEM_ACTOR } from "../audit/record";
import { AppError } from "../http/errors";
import { auditedTransaction } from "../http/service-context";
import { addDays, localDateOf, weekdayOf } from "../scheduling/index";
import { applyTemplate } from "../templates/apply";
import { MPP_TEMPLATE_NAME, STARTER_TIME_ZONE } from "../venues/seed";
import { createDelegation } from "./intake";
import { transitionDelegation } from "./lifecycle";
import { addParticipant } from "./participants";
import { seedTopics } from "./topics";

const DEMO_ROSTER: readonly { name: string; title: string; institution: string; needs?: string }[] = [
  {
    name: "H. Arif Contoh, S.E., M.M.",
    title: "Gubernur Kepulauan Riau",
    institution: "Pemerintah Provinsi Kepulauan Riau",
  },
  {
    name: "Hj. Sari Teladan, S.H.",
    title: "Wakil Ketua DPRD Provinsi Kepulauan Riau",
    institution: "DPRD Provinsi Kepulauan Riau",
  },
  { name: "Darma Sampel, S.Sos.", title: "Bupati Karimun", institution: "Pemerintah Kabupaten Karimun" },
  { name: "Hendra Percontohan, S.T.", title: "Bupati Lingga", institution: "Pemerintah Kabupaten Lingga" },
  {
    name: "Nurul Ilustrasi, S.Pd.",
    title: "Wakil Bupati Kepulauan Anambas",
    institution: "Pemerintah Kabupaten Kepulauan Anambas",
    needs: "Makanan vegetarian",
  },
  { name: "Yusuf Peraga, S.IP.", title: "Wakil Bupati Natuna", institution: "Pemerintah Kabupaten Natuna" },
  {
    name: "Dr. Rudi Simulasi, M.Si.",
    title: "Pj. Bupati Bintan",
    institution: "Pemerintah Kabupaten Bintan",
  },
  {
    name: "Lestari Uji, S.E., M.Ak.",
    title: "Kepala Dinas Penanaman Modal dan PTSP Provinsi Kepulauan Riau",
    institution: "DPMPTSP Provinsi Kepulauan Riau",
  },
  {
    name: "Fajar Model, S.Kom.",
    title: "Kepala Dinas Komunikasi dan Informatika Provinsi Kepulauan Riau",
    institution: "Diskominfo Provinsi Kepulauan Riau",
  },
  {
    name: "Wulan Templat, S.H., M.H.",
    title: "Kepala Biro Pemerintahan Setda Provinsi Kepulauan Riau",
    institution: "Setda Provinsi Kepulauan Riau",
    needs: "Akses kursi roda",
  },
  { name: "Andi Staf", title: "Ajudan Gubernur", institution: "Pemerintah Provinsi Kepulauan Riau" },
];

/** A Tuesday about five weeks ahead, two days long. */
function demoDates(now: Date) {
  let start = addDays(localDateOf(now.getTime(), STARTER_TIME_ZONE), 35);
  while (weekdayOf(start) !== 2) start = addDays(start, 1);
  return { start, end: addDays(start, 1) };
}

async function seedDemoDelegation(db: Db, now: Date) {
  await seedTopics(db, now);
  const ctx = {
    db,
    actor: SYSTEM_ACTOR,
    now,
    config: { hostTimeZone: STARTER_TIME_ZONE },
    transaction: auditedTransaction(db, SYSTEM_ACTOR, now),
  };
  const dates = demoDates(now);
  const { delegation } = await createDelegation(
    ctx,
    {
      institution: "Pemerintah Provinsi Kepulauan Riau",
      provinceCode: "21",
      regencyCode: null,
      leaderName: "H. Arif Contoh, S.E., M.M.",
      leaderTitle: "Gubernur Kepulauan Riau",
      purpose:
        "Studi banding Mal Pelayanan Publik, Pasar Pelayanan Publik dan Smart Kampoeng bersama bupati se-Kepulauan Riau (data contoh).",
      topics: ["mpp", "pasar-pelayanan-publik", "smart-kampoeng"],
      expectedSize: 25,
      preferredDates: dates,
      alternativeDates: [],
      contactName: "Rina Narahubung (contoh)",
      contactEmail: "protokol.kepri@example.org",
      contactPhone: "+6281200000001",
      letterNumber: "005/CONTOH/2026",
      letterDate: localDateOf(now.getTime(), STARTER_TIME_ZONE),
      language: "id",
      notes: "Data demo — nama fiktif.",
    },
    { source: "staff" },
  );
  for (const p of DEMO_ROSTER) {
    await addParticipant(ctx, delegation.id, {
      name: p.name,
      title: p.title,
      institution: p.institution,
      email: null,
      phone: null,
      needs: p.needs ?? null,
      rank: null,
    });
  }
  await transitionDelegation(ctx, delegation.id, {
    to: "confirmed",
    dates,
    message: "Kunjungan dikonfirmasi. Tim protokol akan mengirim agenda.",
  });
  await bookDemoAgenda(db, now, delegation.id, dates.start);
  return delegation.id;
}

/**
 * Books the standard half-day MPP visit on the first day, when the starter template exists and the slot is
 * free (a demo on an edited database may have neither; then the agenda is simply left empty).
 */
async function bookDemoAgenda(db: Db, now: Date, delegationId: string, date: string) {
  const template = await db.orm
    .select({ id: tourTemplates.id })
    .from(tourTemplates)
    .where(eq(tourTemplates.name, MPP_TEMPLATE_NAME))
    .get();
  if (!template) return;
  try {
    await applyTemplate(
      {
        actor: SYSTEM_ACTOR,
        now,
        config: { hostTimeZone: STARTER_TIME_ZONE },
        transaction: auditedTransaction(db, SYSTEM_ACTOR, now),
      },
      delegationId,
      { templateId: template.id, date },
    );
  } catch (error) {
    if (!(error instanceof AppError && error.code === "conflict")) throw error;
  }
}

export const demoDelegationSeeder: Seeder = {
  name: "delegations:demo-kepri",
  kinds: ["demo"],
  run: async (db, now) => {
    await seedDemoDelegation(db, now);
  },
};
