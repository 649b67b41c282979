/**
 * @module The *surat keterangan kunjungan*: a letter on the host's letterhead confirming that the named
 * officials (in precedence order) visited on the confirmed dates, with its number (from the host settings'
 * format), place and date (the visit's last day), and the signing official's name, title and NIP. The
 * signature itself is added by hand (wet ink or the office's electronic signature system). The visit's
 * dates and the printing time carry the host's zone; the letter's own date (place, date) is a calendar
 * date as letters are dated.
 */
import type { AttendanceRow } from "../attendance/service";
import { type HostSettings, letterNumberOf } from "../host-settings/service";
import { translator } from "../i18n/dictionary";
import { formatLocalDate } from "../i18n/format";
import type { PaperDelegation } from "./attendance-pdf";
import { footerText, visitDatesText } from "./paper-dates";
import { A4, type Column, PAGE_WIDTH, Paper } from "./pdf-kit";

/** "Banyuwangi, 11 Maret 2026" (no weekday, as letters are dated). */
function letterDate(city: string, isoDate: string) {
  return `${city}, ${formatLocalDate(isoDate, "id").replace(/^[^,]+, /, "")}`;
}

/** The purpose inside a sentence: no final stop, a capitalised first word lowered ("MPP" stays). */
function inSentence(purpose: string) {
  const p = purpose.trim().replace(/[.\s]+$/, "");
  return /^\p{Lu}\p{Ll}/u.test(p) ? p.charAt(0).toLocaleLowerCase("id") + p.slice(1) : p;
}

export async function visitLetterPdf(input: {
  settings: HostSettings;
  delegation: PaperDelegation;
  rows: readonly AttendanceRow[];
  now: Date;
}): Promise<Uint8Array> {
  const t = translator("id");
  const { settings: s, delegation: d } = input;
  const paper = await Paper.create(s, {
    title: `${t("papers.letterHeading")} ${d.code}`,
    subject: d.institution,
    now: input.now,
  });
  paper.letterhead(s);
  paper.text(t("papers.letterHeading"), { size: 13, bold: true, center: true, underline: true });
  const number = letterNumberOf(s.letterNumberFormat, d.code, d.confirmedDates.end.slice(0, 4));
  paper.text(`${t("papers.number")}: ${number}`, { size: 11, center: true });
  paper.gap(14);
  paper.text(t("papers.letterOpening", { title: s.signatoryTitle, government: s.governmentName }));
  paper.gap(6);
  const columns: Column[] = [
    { title: t("papers.no"), width: 28, align: "center" },
    { title: t("papers.name"), width: 170 },
    { title: t("papers.position"), width: PAGE_WIDTH - 28 - 170 },
  ];
  paper.table(
    columns,
    input.rows.map((r, i) => [
      String(i + 1),
      r.name,
      r.institution && !r.title.includes(r.institution) ? `${r.title}, ${r.institution}` : r.title,
    ]),
  );
  paper.gap(10);
  paper.text(
    t("papers.letterBody", {
      government: s.governmentName,
      dates: visitDatesText(d.confirmedDates, s.defaultTimeZone, input.now),
      purpose: inSentence(d.purpose),
    }),
  );
  paper.gap(6);
  paper.text(t("papers.letterClosing"));
  paper.gap(24);
  paper.ensure(130);
  const x = A4.width / 2 + 20;
  paper.text(letterDate(s.city, d.confirmedDates.end), { x });
  paper.text(`${s.signatoryTitle},`, { x, bold: true });
  paper.gap(56);
  paper.text(s.signatoryName, { x, bold: true, underline: true });
  if (s.signatoryNip) paper.text(t("papers.nip", { nip: s.signatoryNip }), { x });
  return paper.finish((n, total) => footerText(t, { n, total }, input.now, s.defaultTimeZone));
}
