/**
 * @module Starter data of the scheduling feature for Banyuwangi Regency: the venues of the README, the
 * usual hosts (by office, not by name: people change, offices don't) and the standard half-day MPP
 * visit template. Everything is editable afterwards; addresses and hours are starting points to check.
 *
 * Hours: the MPP serves Mon–Thu 08:00–15:00 with a 12:00–13:00 break, Friday 08:00–15:00 with the
 * 11:00–13:00 Friday-prayer break, Saturday 08:00–12:00 (several ranges a day, not blackouts, so the
 * calendar shows them as hours). The Pendopo has no buffer so welcome, presentation, Q&A and lunch can
 * follow each other there; the MPP keeps 15 minutes between groups.
 */

import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { tourTemplates } from "../../db/schema/templates";
import { venues, type WeeklyHoursJson } from "../../db/schema/venues";
import type { Seeder } from "../../db/seed";
import { SYSTEM_ACTOR } from "../audit/record";
import { auditedTransaction } from "../http/service-context";
import { provinceTimeZone } from "../regions/regions";
import { createTemplate } from "../templates/service";
import { createHost, createVenue } from "./service";

/**
 * The starter data is Banyuwangi's (Jawa Timur, province 35): its venues, hosts and visit template are in
 * that province's zone, read from the province table rather than written out again.
 */
export const STARTER_TIME_ZONE: string = (() => {
  const zone = provinceTimeZone("35");
  if (!zone) throw new Error("regions: no time zone for Jawa Timur");
  return zone;
})();

const r = (from: string, to: string) => ({ from, to });
const monThu = (ranges: { from: string; to: string }[]) => ({
  "1": ranges,
  "2": ranges,
  "3": ranges,
  "4": ranges,
});

const MPP_HOURS: WeeklyHoursJson = {
  ...monThu([r("08:00", "12:00"), r("13:00", "15:00")]),
  "5": [r("08:00", "11:00"), r("13:00", "15:00")],
  "6": [r("08:00", "12:00")],
};
const OFFICE_HOURS: WeeklyHoursJson = {
  ...monThu([r("07:30", "16:00")]),
  "5": [r("07:30", "11:00"), r("13:00", "16:00")],
};

const STARTER_VENUES: readonly {
  key: string;
  name: string;
  address: string;
  capacity: number;
  concurrentGroups: number;
  bufferMinutes: number;
  weeklyHours: WeeklyHoursJson;
}[] = [
  {
    key: "mpp",
    name: "Mal Pelayanan Publik (MPP) Banyuwangi",
    address: "Jl. Jenderal Ahmad Yani, Taman Baru, Kec. Banyuwangi, Kabupaten Banyuwangi, Jawa Timur",
    capacity: 60,
    concurrentGroups: 2,
    bufferMinutes: 15,
    weeklyHours: MPP_HOURS,
  },
  {
    key: "pendopo",
    name: "Pendopo Sabha Swagata Blambangan",
    address: "Jl. Sritanjung No. 1, Kepatihan, Kec. Banyuwangi, Kabupaten Banyuwangi, Jawa Timur",
    capacity: 150,
    concurrentGroups: 1,
    bufferMinutes: 0,
    weeklyHours: { ...OFFICE_HOURS, "6": [r("08:00", "14:00")] },
  },
  {
    key: "pasar",
    name: "Pasar Pelayanan Publik Genteng",
    address: "Pasar Genteng, Jl. Gajah Mada, Genteng Kulon, Kec. Genteng, Kabupaten Banyuwangi, Jawa Timur",
    capacity: 30,
    concurrentGroups: 1,
    bufferMinutes: 15,
    weeklyHours: { ...monThu([r("07:00", "12:00")]), "5": [r("07:00", "11:00")], "6": [r("07:00", "11:00")] },
  },
  {
    key: "kampung",
    name: "Smart Kampoeng Desa Kemiren",
    address: "Balai Desa Kemiren, Kec. Glagah, Kabupaten Banyuwangi, Jawa Timur",
    capacity: 50,
    concurrentGroups: 1,
    bufferMinutes: 30,
    weeklyHours: {
      ...monThu([r("08:00", "12:00"), r("13:00", "15:00")]),
      "5": [r("08:00", "11:00"), r("13:00", "15:00")],
      "6": [r("08:00", "12:00")],
    },
  },
  {
    key: "room",
    name: "Ruang Rapat Jenggirat Tangi, Kantor Bupati",
    address: "Kantor Pemerintah Kabupaten Banyuwangi, Jl. Ahmad Yani No. 100, Banyuwangi, Jawa Timur",
    capacity: 40,
    concurrentGroups: 1,
    bufferMinutes: 15,
    weeklyHours: OFFICE_HOURS,
  },
];

const STARTER_HOSTS = [
  { key: "bupati", name: "Bupati Banyuwangi", title: "Bupati", agency: "Pemerintah Kabupaten Banyuwangi" },
  { key: "sekda", name: "Sekretaris Daerah", title: "Sekretaris Daerah", agency: "Sekretariat Daerah" },
  {
    key: "dpmptsp",
    name: "Kepala DPMPTSP",
    title: "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    agency: "DPMPTSP Kabupaten Banyuwangi",
  },
  {
    key: "guide",
    name: "Pemandu MPP",
    title: "Pemandu Mal Pelayanan Publik",
    agency: "DPMPTSP Kabupaten Banyuwangi",
  },
  {
    key: "kominfo",
    name: "Kepala Dinas Kominfo",
    title: "Kepala Dinas Komunikasi, Informatika dan Persandian",
    agency: "Diskominfo Kabupaten Banyuwangi",
  },
  { key: "kades", name: "Kepala Desa Kemiren", title: "Kepala Desa", agency: "Pemerintah Desa Kemiren" },
  {
    key: "protokol",
    name: "Kepala Bagian Protokol",
    title: "Kepala Bagian Protokol dan Komunikasi Pimpinan",
    agency: "Sekretariat Daerah",
  },
] as const;

/** The Bupati's diary is the scarcest: weekday office hours only. */
const BUPATI_HOURS: WeeklyHoursJson = {
  ...monThu([r("08:00", "15:00")]),
  "5": [r("08:00", "11:00"), r("13:00", "15:00")],
};

export const MPP_TEMPLATE_NAME = "Kunjungan setengah hari MPP";

async function seedScheduling(db: Db, now: Date): Promise<void> {
  const existing = await db.orm
    .select({ id: venues.id })
    .from(venues)
    .where(eq(venues.name, STARTER_VENUES[0]?.name ?? ""))
    .get();
  if (existing) return;
  const ctx = {
    now,
    config: { hostTimeZone: STARTER_TIME_ZONE },
    transaction: auditedTransaction(db, SYSTEM_ACTOR, now),
  };
  const venueIds: Record<string, string> = {};
  for (const v of STARTER_VENUES) {
    const { key, ...fields } = v;
    const row = await createVenue(ctx, {
      ...fields,
      weeklyHours: fields.weeklyHours,
      mapUrl: `https://www.openstreetmap.org/search?query=${encodeURIComponent(fields.name)}`,
      timeZone: STARTER_TIME_ZONE,
      opensOnHolidays: false,
      active: true,
    });
    venueIds[key] = row.id;
  }
  const hostIds: Record<string, string> = {};
  for (const h of STARTER_HOSTS) {
    const { key, ...fields } = h;
    const row = await createHost(ctx, {
      ...fields,
      weeklyAvailability: key === "bupati" ? BUPATI_HOURS : null,
      timeZone: STARTER_TIME_ZONE,
      active: true,
    });
    hostIds[key] = row.id;
  }
  const hasTemplate = await db.orm
    .select({ id: tourTemplates.id })
    .from(tourTemplates)
    .where(eq(tourTemplates.name, MPP_TEMPLATE_NAME))
    .get();
  if (hasTemplate) return;
  const v = (k: string) => venueIds[k] as string;
  const h = (k: string) => hostIds[k] as string;
  await createTemplate(ctx, {
    name: MPP_TEMPLATE_NAME,
    nameEn: "Half-day MPP visit",
    description: "Penyambutan di Pendopo, paparan, kunjungan ke MPP, tanya jawab dan jamuan makan siang.",
    defaultStartTime: "08:30",
    timeZone: STARTER_TIME_ZONE,
    active: true,
    items: [
      {
        offsetMinutes: 0,
        durationMinutes: 30,
        kind: "reception",
        venueId: v("pendopo"),
        hostIds: [h("sekda")],
        titleId: "Penyambutan di Pendopo Sabha Swagata Blambangan",
        titleEn: "Welcome at the Pendopo Sabha Swagata Blambangan",
      },
      {
        offsetMinutes: 30,
        durationMinutes: 60,
        kind: "presentation",
        venueId: v("pendopo"),
        hostIds: [h("dpmptsp")],
        titleId: "Paparan inovasi pelayanan publik Banyuwangi",
        titleEn: "Presentation: Banyuwangi's public-service innovations",
      },
      {
        offsetMinutes: 105,
        durationMinutes: 75,
        kind: "tour",
        venueId: v("mpp"),
        hostIds: [h("guide")],
        titleId: "Kunjungan ke Mal Pelayanan Publik",
        titleEn: "Tour of the Public Service Mall (MPP)",
      },
      {
        offsetMinutes: 195,
        durationMinutes: 45,
        kind: "discussion",
        venueId: v("pendopo"),
        hostIds: [h("dpmptsp")],
        titleId: "Diskusi dan tanya jawab",
        titleEn: "Questions and answers",
      },
      {
        offsetMinutes: 240,
        durationMinutes: 60,
        kind: "meal",
        venueId: v("pendopo"),
        hostIds: [],
        titleId: "Jamuan makan siang",
        titleEn: "Lunch",
      },
    ],
  });
}

export const schedulingSeeder: Seeder = {
  name: "scheduling:banyuwangi-venues-hosts-template",
  kinds: ["starter"],
  run: seedScheduling,
};
