/**
 * @module Data of the day grid: every active venue on one local date, laid out as 15-minute slots between
 * a first and last hour wide enough for every venue's opening hours and every booking. Each venue is read
 * in its own zone; overlapping bookings (a venue holding several groups) go on separate lanes.
 */
import { inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { delegations } from "../../db/schema/delegations";
import type { AgendaItemView } from "../bookings/items";
import type { VenueRow } from "../bookings/load";
import { isTentative } from "../calendar/tentative";
import { zoneLabel } from "../scheduling/index";
import { listVenues } from "../venues/service";
import { venueCalendar } from "./load";

export const SLOT_MINUTES = 15;

export interface GridBlock {
  item: AgendaItemView;
  /** First and one-past-last slot index within the grid's hours. */
  from: number;
  to: number;
  codes: string[];
  tentative: boolean;
}

interface GridVenue {
  id: string;
  name: string;
  zone: string;
  /** Per slot: closed (outside opening hours, holiday or blackout). */
  closed: boolean[];
  /** Non-overlapping rows of blocks, at least one (empty when nothing is booked). */
  lanes: GridBlock[][];
}

export interface DayGrid {
  date: string;
  firstHour: number;
  lastHour: number;
  slots: number;
  venues: GridVenue[];
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

function rangesOf(hours: string[]): [number, number][] {
  return hours.map((r) => {
    const [a, b] = r.split("–");
    return [minutesOf(a ?? "00:00"), minutesOf(b ?? "00:00")];
  });
}

/** Places blocks on the fewest lanes so that none overlaps another on its lane (first fit, by start). */
export function laneOut(blocks: GridBlock[]): GridBlock[][] {
  const lanes: GridBlock[][] = [];
  for (const b of [...blocks].sort((x, y) => x.from - y.from)) {
    const lane = lanes.find((l) => (l[l.length - 1] as GridBlock).to <= b.from);
    if (lane) lane.push(b);
    else lanes.push([b]);
  }
  return lanes.length > 0 ? lanes : [[]];
}

export async function loadDayGrid(q: Queryable, date: string, now: number): Promise<DayGrid> {
  const venues: VenueRow[] = await listVenues(q, { activeOnly: true });
  const perVenue = await Promise.all(
    venues.map(async (v) => ({ venue: v, day: (await venueCalendar(q, v, date, 1))[0] })),
  );
  const ids = [...new Set(perVenue.flatMap((p) => p.day?.items.flatMap((i) => i.delegations) ?? []))].map(
    (d) => d.delegationId,
  );
  const statusRows =
    ids.length > 0
      ? await q
          .select({ id: delegations.id, status: delegations.status, code: delegations.code })
          .from(delegations)
          .where(inArray(delegations.id, [...new Set(ids)]))
          .all()
      : [];
  const byId = new Map(statusRows.map((r) => [r.id, r]));

  // Hours wide enough for every opening range and booking, 07–18 at least.
  let first = 7 * 60;
  let last = 18 * 60;
  for (const { day } of perVenue) {
    for (const [a, b] of rangesOf(day?.hours ?? [])) {
      first = Math.min(first, a);
      last = Math.max(last, b);
    }
    for (const i of day?.items ?? []) {
      const s = i.local.date === date ? minutesOf(i.local.start) : 0;
      const e = i.local.end <= i.local.start || i.local.date !== date ? 24 * 60 : minutesOf(i.local.end);
      first = Math.min(first, s);
      last = Math.max(last, e);
    }
  }
  const firstHour = Math.floor(first / 60);
  const lastHour = Math.min(24, Math.ceil(last / 60));
  const slots = ((lastHour - firstHour) * 60) / SLOT_MINUTES;
  const slotOf = (minutes: number) =>
    Math.max(0, Math.min(slots, Math.floor((minutes - firstHour * 60) / SLOT_MINUTES)));

  return {
    date,
    firstHour,
    lastHour,
    slots,
    venues: perVenue.map(({ venue, day }) => {
      const open = rangesOf(day?.hours ?? []);
      const shut = (day?.closures ?? []).map(
        (c) => [minutesOf(c.start), minutesOf(c.end)] as [number, number],
      );
      const closed = Array.from({ length: slots }, (_, k) => {
        const m = firstHour * 60 + k * SLOT_MINUTES;
        const inOpen = open.some(([a, b]) => m >= a && m < b);
        const inShut = shut.some(([a, b]) => m < b && m + SLOT_MINUTES > a);
        return !inOpen || inShut;
      });
      const blocks = (day?.items ?? []).map((item): GridBlock => {
        const s = item.local.date === date ? minutesOf(item.local.start) : 0;
        const e =
          item.local.end <= item.local.start || item.local.date !== date
            ? 24 * 60
            : minutesOf(item.local.end);
        const parties = item.delegations.map((d) => byId.get(d.delegationId));
        return {
          item,
          from: slotOf(s),
          to: Math.min(slots, Math.max(slotOf(s) + 1, Math.ceil((e - firstHour * 60) / SLOT_MINUTES))),
          codes: parties.map((p) => p?.code ?? "").filter(Boolean),
          tentative: isTentative(parties.map((p) => p?.status)),
        };
      });
      return {
        id: venue.id,
        name: venue.name,
        zone: zoneLabel(venue.timeZone, now),
        closed,
        lanes: laneOut(blocks),
      };
    }),
  };
}
