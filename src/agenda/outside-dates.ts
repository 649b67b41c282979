/**
 * @module Which agenda items fall outside a visit's dates: an item is outside when its start or end, read
 * as a date in the item's own zone (its venue's, the host's without a venue), is before the first or after
 * the last day of the range. Pure; cancelled items never count. A visit's dates are its confirmed dates
 * once confirmed, else the dates it asked for (first choice and alternatives).
 */
import type { DateRange } from "../../db/schema/delegations";
import { localDateOf } from "../scheduling/zoned-time";

export interface DatedItem {
  id: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: string;
}

export function isOutside(item: DatedItem, range: DateRange): boolean {
  const first = localDateOf(item.startsAt.getTime(), item.timeZone);
  // The end is exclusive: an item ending at 24:00 still belongs to its day.
  const last = localDateOf(item.endsAt.getTime() - 1, item.timeZone);
  return first < range.start || last > (range.end || range.start);
}

/** The scheduled items outside `range` (none without a range). */
export function itemsOutside<T extends DatedItem>(
  items: readonly T[],
  range: DateRange | null | undefined,
): T[] {
  if (!range) return [];
  return items.filter((i) => i.status === "scheduled" && isOutside(i, range));
}

/** The dates a visit is expected on: the confirmed range, else every range the visitors asked for. */
export function visitRanges(d: {
  confirmedDates: DateRange | null;
  preferredDates: DateRange;
  alternativeDates?: readonly DateRange[];
}): DateRange[] {
  return d.confirmedDates ? [d.confirmedDates] : [d.preferredDates, ...(d.alternativeDates ?? [])];
}

/** True when a time span (read in `timeZone`) falls outside every one of `ranges` (never without ranges). */
export function outsideAll(span: Omit<DatedItem, "id" | "status">, ranges: readonly DateRange[]): boolean {
  const item = { ...span, id: "", status: "scheduled" };
  return ranges.length > 0 && ranges.every((r) => isOutside(item, r));
}
