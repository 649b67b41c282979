/**
 * @module What changed between two published versions of an itinerary, item by item. Pure. Only what a
 * visitor plans around counts (time, place, title, cancellation, added or removed items): the same
 * material fields that raise an item's calendar SEQUENCE. Notes and dress code edits refresh the page
 * without a change note.
 */
import type { AgendaChange, PublishedItem } from "../../db/schema/sharing";
import type { AgendaEntry } from "./load-agenda";

export function publishedItemOf(item: AgendaEntry): PublishedItem {
  return {
    id: item.id,
    title: item.title,
    titleEn: item.titleEn ?? null,
    startsAt: item.startsAt.getTime(),
    endsAt: item.endsAt.getTime(),
    timeZone: item.timeZone,
    venueId: item.venue?.id ?? null,
    venueName: item.venue?.name ?? null,
    status: item.status,
  };
}

function sameItem(a: PublishedItem, b: PublishedItem): boolean {
  return (
    a.title === b.title &&
    a.titleEn === b.titleEn &&
    a.startsAt === b.startsAt &&
    a.endsAt === b.endsAt &&
    a.venueId === b.venueId &&
    a.venueName === b.venueName &&
    a.status === b.status
  );
}

/** True when the two snapshots show the same agenda. */
export function sameSnapshot(a: readonly PublishedItem[], b: readonly PublishedItem[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((i) => [i.id, i]));
  return a.every((i) => {
    const other = byId.get(i.id);
    return other !== undefined && sameItem(i, other);
  });
}

/** The changes from `before` to `after`, in the order of `after` (removed items last). */
export function diffSnapshots(
  before: readonly PublishedItem[],
  after: readonly PublishedItem[],
): AgendaChange[] {
  const old = new Map(before.map((i) => [i.id, i]));
  const changes: AgendaChange[] = [];
  const push = (kind: AgendaChange["kind"], b: PublishedItem | null, a: PublishedItem | null) =>
    changes.push({ kind, itemId: (a ?? b)?.id ?? "", before: b, after: a });
  for (const item of after) {
    const prev = old.get(item.id);
    if (!prev) {
      if (item.status === "scheduled") push("added", null, item);
      continue;
    }
    if (prev.status !== item.status) {
      push(item.status === "cancelled" ? "cancelled" : "restored", prev, item);
      if (item.status === "cancelled") continue;
    }
    if (prev.startsAt !== item.startsAt || prev.endsAt !== item.endsAt) push("moved", prev, item);
    if (prev.venueId !== item.venueId) push("venue", prev, item);
    if (prev.title !== item.title || prev.titleEn !== item.titleEn) push("retitled", prev, item);
  }
  const now = new Set(after.map((i) => i.id));
  for (const item of before) {
    if (!now.has(item.id) && item.status === "scheduled") push("removed", item, null);
  }
  return changes;
}
