/**
 * @module Dates and times on the SPPD papers, each with its zone: the visit's dates in the host's zone
 * ("Senin, 16 Maret 2026 – Selasa, 17 Maret 2026 (WIB)") and the page footer's moment of printing
 * ("Dibuat oleh Sambang Rabu, 18 Maret 2026, 10.00 WIB"). A visitor from a WITA or WIT province reads
 * which clock the dates are on. The papers are in Indonesian (they go into Indonesian travel claims).
 */
import type { Translate } from "../i18n/dictionary";
import { formatDateTime } from "../i18n/format";
import { dateRangeText } from "../mail/compose";
import { zoneLabel } from "../scheduling/zoned-time";

/** The visit's dates in the host's zone, with its label. */
export function visitDatesText(dates: { start: string; end: string }, timeZone: string, at: Date): string {
  return `${dateRangeText(dates, "id")} (${zoneLabel(timeZone, at.getTime())})`;
}

/** "Halaman 1 dari 2 · Dibuat oleh Sambang Rabu, 18 Maret 2026, 10.00 WIB". */
export function footerText(t: Translate, page: { n: number; total: number }, now: Date, timeZone: string) {
  return `${t("papers.page", page)} · ${t("papers.generated", { date: formatDateTime(now, "id", timeZone) })}`;
}
