/**
 * @module Change notes in the reader's language: "Kunjungan MPP dipindah 09.00 → 10.00 WIB",
 * "MPP tour moved 09:00 → 10:00 WIB". Times are in the item's (venue's) zone; the date is repeated only
 * when it changed.
 */
import type { AgendaChange, PublishedItem } from "../../db/schema/sharing";
import type { Translate } from "../i18n/dictionary";
import { localized } from "../i18n/dictionary";
import { formatDate, formatTime } from "../i18n/format";

type Locale = "id" | "en";

function title(item: PublishedItem, locale: Locale): string {
  return localized(locale, item.title, item.titleEn);
}

function shortDate(ms: number, locale: Locale, timeZone: string): string {
  return formatDate(new Date(ms), locale, timeZone);
}

/** "Senin, 2 Maret 2026, 09.00 WIB". */
function when(item: PublishedItem, locale: Locale): string {
  return `${shortDate(item.startsAt, locale, item.timeZone)}, ${formatTime(new Date(item.startsAt), locale, item.timeZone)}`;
}

function span(item: PublishedItem, locale: Locale, withZone: boolean): string {
  const start = formatTime(new Date(item.startsAt), locale, item.timeZone, false);
  const end = formatTime(new Date(item.endsAt), locale, item.timeZone, withZone);
  return `${start}–${end}`;
}

/** The moved note's "from → to": start times when only the start moved with the same length, else ranges. */
function moved(before: PublishedItem, after: PublishedItem, locale: Locale): { from: string; to: string } {
  const sameLength = before.endsAt - before.startsAt === after.endsAt - after.startsAt;
  const sameDay =
    shortDate(before.startsAt, locale, before.timeZone) === shortDate(after.startsAt, locale, after.timeZone);
  const sameZone = before.timeZone === after.timeZone;
  const time = (item: PublishedItem, zone: boolean) =>
    sameLength ? formatTime(new Date(item.startsAt), locale, item.timeZone, zone) : span(item, locale, zone);
  const from = time(before, !sameZone);
  const to = time(after, true);
  if (sameDay) return { from, to };
  return {
    from: `${shortDate(before.startsAt, locale, before.timeZone)} ${from}`,
    to: `${shortDate(after.startsAt, locale, after.timeZone)} ${to}`,
  };
}

export function describeChange(change: AgendaChange, t: Translate, locale: Locale): string {
  const { before, after } = change;
  const item = (after ?? before) as PublishedItem;
  switch (change.kind) {
    case "moved":
      if (!before || !after) break;
      return t("change.moved", { title: title(after, locale), ...moved(before, after, locale) });
    case "venue":
      return t("change.venue", {
        title: title(item, locale),
        from: before?.venueName ?? t("change.noVenue"),
        to: after?.venueName ?? t("change.noVenue"),
      });
    case "retitled":
      if (!before || !after) break;
      return t("change.retitled", { from: title(before, locale), to: title(after, locale) });
    case "added":
      return t("change.added", { title: title(item, locale), when: when(item, locale) });
    case "cancelled":
      return t("change.cancelled", { title: title(item, locale), when: when(item, locale) });
    case "restored":
      return t("change.restored", { title: title(item, locale), when: when(item, locale) });
    case "removed":
      return t("change.removed", { title: title(item, locale), when: when(item, locale) });
  }
  return title(item, locale);
}
