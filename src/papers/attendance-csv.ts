/**
 * @module The attendance list as CSV (No, Nama, Jabatan, Instansi, Hadir), in precedence order, the same
 * people as the PDF: those checked in when check-in has begun, otherwise the whole roster.
 */
import type { AttendanceRow } from "../attendance/service";
import { toCsv } from "../csv/write";
import type { Translate } from "../i18n/dictionary";

export function attendanceCsv(rows: readonly AttendanceRow[], t: Translate): string {
  return toCsv(
    [
      t("papers.no"),
      t("papers.name"),
      t("papers.position"),
      t("papers.institution"),
      t("attendance.present"),
      t("attendance.walkIn"),
    ],
    rows.map((r, i) => [
      i + 1,
      r.name,
      r.title,
      r.institution ?? "",
      r.attended === true ? t("attendance.present") : r.attended === false ? t("attendance.absent") : "",
      r.walkIn ? t("attendance.walkIn") : "",
    ]),
  );
}

/** Who goes on the papers: the people marked present once check-in has begun, else everyone listed. */
export function paperRoster(rows: readonly AttendanceRow[]): AttendanceRow[] {
  const checkedIn = rows.some((r) => r.attended !== null);
  return checkedIn ? rows.filter((r) => r.attended === true) : [...rows];
}
