/**
 * @module Subscription feeds for staff calendars (all bookings, one venue, one host), METHOD:PUBLISH.
 * Cancelled items stay in the feed as STATUS:CANCELLED for `CANCELLED_RETENTION_DAYS` after they were
 * cancelled, long enough for every subscribed client to refresh and drop them, then leave the feed. Past
 * items older than `PAST_WINDOW_DAYS` leave too, so a feed stays small. Sessions held only for visits not
 * yet confirmed are STATUS:TENTATIVE and say so in their title. Pure: callers pass `now`.
 */

import { translate } from "../i18n/dictionary.js";
import {
  type AgendaCalendarDelegation,
  type AgendaCalendarItem,
  type CalendarLocale,
  toCalendarEvent,
} from "./agenda-events.js";
import { buildCalendar } from "./build-ics.js";

export const CANCELLED_RETENTION_DAYS = 30;
export const PAST_WINDOW_DAYS = 180;
/** Subscribed clients are asked to refresh every 15 minutes. */
export const FEED_REFRESH_SECONDS = 900;
const DAY_MS = 86_400_000;

export interface FeedItem extends AgendaCalendarItem {
  cancelledAt?: Date | null;
  /** The delegation(s) the item belongs to; the first names the event's category and cancellation. */
  delegation: AgendaCalendarDelegation;
  /** e.g. "SB-2026-0042 · Pemkab Contoh", prefixed to the summary so staff see whose visit it is. */
  label?: string;
  /** Held only for visits not yet confirmed (no confirmed or completed party): a tentative booking. */
  tentative?: boolean;
}

/** Whether an item still belongs in a feed at `now`. */
export function inFeedWindow(item: FeedItem, now: Date): boolean {
  const t = now.getTime();
  if (item.endsAt.getTime() < t - PAST_WINDOW_DAYS * DAY_MS) return false;
  if (item.status === "cancelled") {
    const since = (item.cancelledAt ?? item.updatedAt ?? item.endsAt).getTime();
    return since >= t - CANCELLED_RETENTION_DAYS * DAY_MS;
  }
  return true;
}

export function feedCalendar(input: {
  name: string;
  items: readonly FeedItem[];
  now: Date;
  locale: CalendarLocale;
  /** Where staff open an item, e.g. `${baseUrl}/delegations/${id}/agenda`. */
  urlOf?: (item: FeedItem) => string | undefined;
}): string {
  const events = input.items
    .filter((item) => inFeedWindow(item, input.now))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((item) => {
      const event = toCalendarEvent(item, {
        delegation: item.delegation,
        locale: input.locale,
        url: input.urlOf?.(item),
      });
      if (item.label) event.summary = `${event.summary} (${item.label})`;
      if (item.tentative && event.status === "CONFIRMED") {
        event.status = "TENTATIVE";
        event.summary = `${event.summary} [${translate(input.locale, "grid.tentative")}]`;
      }
      return event;
    });
  return buildCalendar({
    method: "PUBLISH",
    name: input.name,
    now: input.now,
    events,
    refreshIntervalSeconds: FEED_REFRESH_SECONDS,
  });
}
