/**
 * @module Gathers what the SPPD papers need — the delegation (confirmed or completed, with dates), the host
 * settings and the people in precedence order — and builds the attendance PDF or CSV or the visit letter.
 */
import type { Db } from "../../db/client";
import { getAttendance } from "../attendance/service";
import { getDelegation } from "../delegations/queries";
import { getHostSettings } from "../host-settings/service";
import { AppError } from "../http/errors";
import { translator } from "../i18n/dictionary";
import { attendanceCsv, paperRoster } from "./attendance-csv";
import type { PaperDelegation } from "./attendance-pdf";

async function load(db: Db, delegationId: string) {
  const d = await getDelegation(db, delegationId);
  if ((d.status !== "confirmed" && d.status !== "completed") || !d.confirmedDates)
    throw new AppError("conflict", { messageKey: "papers.notConfirmed", details: { status: d.status } });
  const delegation: PaperDelegation = {
    code: d.code,
    institution: d.institution,
    purpose: d.purpose,
    confirmedDates: d.confirmedDates,
  };
  const [settings, attendance] = await Promise.all([getHostSettings(db.orm), getAttendance(db, d.id)]);
  return { delegation, settings, rows: attendance.participants };
}

export async function buildAttendancePdf(db: Db, delegationId: string, now: Date) {
  const { delegation, settings, rows } = await load(db, delegationId);
  return {
    code: delegation.code,
    bytes: await (await import("./attendance-pdf")).attendancePdf({
      settings,
      delegation,
      rows: paperRoster(rows),
      now,
    }),
  };
}

export async function buildVisitLetterPdf(db: Db, delegationId: string, now: Date) {
  const { delegation, settings, rows } = await load(db, delegationId);
  return {
    code: delegation.code,
    bytes: await (await import("./visit-letter-pdf")).visitLetterPdf({
      settings,
      delegation,
      rows: paperRoster(rows),
      now,
    }),
  };
}

export async function buildAttendanceCsv(db: Db, delegationId: string, locale: "id" | "en") {
  const d = await getDelegation(db, delegationId);
  const { participants } = await getAttendance(db, d.id);
  return { code: d.code, csv: attendanceCsv(participants, translator(locale)) };
}
