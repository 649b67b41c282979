/**
 * @module The *daftar hadir* (attendance list) for the visitors' travel orders (SPPD), on A4: the host's
 * letterhead, the delegation and the visit dates, then No, Nama, Jabatan, Instansi and a signature column
 * (numbers alternating left and right, as on a paper list) in protocol precedence order. Walk-ins are marked.
 * Dates and the printing time carry the host's zone (paper-dates.ts).
 */
import type { AttendanceRow } from "../attendance/service";
import type { HostSettings } from "../host-settings/service";
import { translator } from "../i18n/dictionary";
import { footerText, visitDatesText } from "./paper-dates";
import { type Column, PAGE_WIDTH, Paper } from "./pdf-kit";

export interface PaperDelegation {
  code: string;
  institution: string;
  purpose: string;
  confirmedDates: { start: string; end: string };
}

export async function attendancePdf(input: {
  settings: HostSettings;
  delegation: PaperDelegation;
  rows: readonly AttendanceRow[];
  now: Date;
}): Promise<Uint8Array> {
  const t = translator("id");
  const { settings: s, delegation: d } = input;
  const paper = await Paper.create(s, {
    title: `${t("papers.attendanceHeading")} ${d.code}`,
    subject: d.institution,
    now: input.now,
  });
  paper.letterhead(s);
  paper.text(t("papers.attendanceHeading"), { size: 13, bold: true, center: true, underline: true });
  paper.gap(8);
  paper.facts([
    [t("papers.delegation"), `${d.institution} (${d.code})`],
    [t("papers.visitDates"), visitDatesText(d.confirmedDates, s.defaultTimeZone, input.now)],
    [t("papers.purpose"), d.purpose],
  ]);
  paper.gap(10);
  const sign = 92;
  const columns: Column[] = [
    { title: t("papers.no"), width: 28, align: "center" },
    { title: t("papers.name"), width: 140 },
    { title: t("papers.position"), width: 0 },
    { title: t("papers.institution"), width: 120 },
    { title: t("papers.signature"), width: sign },
  ];
  const rest = PAGE_WIDTH - columns.reduce((a, c) => a + c.width, 0);
  (columns[2] as Column).width = rest;
  const cells = input.rows.map((r, i) => [
    String(i + 1),
    r.walkIn ? `${r.name} ${t("papers.walkInMark")}` : r.name,
    r.title,
    r.institution ?? "",
    "",
  ]);
  paper.table(columns, cells, {
    minRow: 30,
    cell: (_page, row, col, box) => {
      if (col !== 4) return;
      // The signature column's number, left on odd rows and right on even ones, as on paper lists.
      paper.label(`${row + 1}.`, row % 2 === 0 ? box.x + 4 : box.x + box.w / 2, box.y + box.h - 11);
    },
  });
  return paper.finish((n, total) => footerText(t, { n, total }, input.now, s.defaultTimeZone));
}
