/**
 * @module Form ↔ API shape for venues, hosts and blackouts: pages submit strings; these map them onto the
 * API schemas (so both paths validate alike) and map errors back onto form field names.
 */

import type { z } from "zod";
import type { AppContext } from "../http/context";
import type { FieldErrors } from "../http/validate";
import { fieldErrors, parseWith } from "../http/validate";
import type { Locale, Translate } from "../i18n/dictionary";
import { hoursProblemKey } from "../i18n/keys";
import { localToInstant } from "../scheduling/index";
import type { BlackoutRow } from "./blackouts";
import { blackoutCreateSchema, hostCreateSchema, venueCreateSchema } from "./schemas";
import type { HostRow, VenueRow } from "./service";
import { formatDayText, type RangeProblem, WEEKDAY_KEYS, weeklyHoursFromForm } from "./weekly-hours";

type Values = Record<string, string | string[] | undefined>;
const str = (v: Values, k: string): string => {
  const x = v[k];
  return (Array.isArray(x) ? x[0] : x)?.trim() ?? "";
};
const num = (v: Values, k: string): number | string => {
  const s = str(v, k);
  return s === "" ? "" : Number(s);
};
const checked = (v: Values, k: string) => str(v, k) === "on" || str(v, k) === "true";

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

function finish<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: Locale,
  t: Translate,
  hourErrors: Record<string, RangeProblem>,
  rename: (path: string) => string,
): Parsed<z.output<S>> {
  const result = parseWith(schema, input, locale);
  const errors: FieldErrors = {};
  for (const [field, problem] of Object.entries(hourErrors)) {
    errors[field] = [t(hoursProblemKey(problem))];
  }
  if (!result.success) {
    for (const [path, messages] of Object.entries(fieldErrors(result.error.issues, locale))) {
      errors[rename(path)] = messages;
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, data: result.data };
}

export function venueFromForm(values: Values, locale: Locale, t: Translate) {
  const { hours, errors: hourErrors } = weeklyHoursFromForm(values, "hours");
  const input = {
    name: str(values, "name"),
    address: str(values, "address"),
    mapUrl: str(values, "mapUrl"),
    capacity: num(values, "capacity"),
    concurrentGroups: num(values, "concurrentGroups") || 1,
    bufferMinutes: num(values, "bufferMinutes") || 0,
    weeklyHours: hours,
    timeZone: str(values, "timeZone") || undefined,
    opensOnHolidays: checked(values, "opensOnHolidays"),
    active: checked(values, "active"),
  };
  return finish(venueCreateSchema, input, locale, t, hourErrors, (p) =>
    p.startsWith("weeklyHours.") ? `hours${p.split(".")[1]}` : p,
  );
}

export function venueToForm(v: VenueRow): Record<string, string> {
  const out: Record<string, string> = {
    name: v.name,
    address: v.address,
    mapUrl: v.mapUrl ?? "",
    capacity: String(v.capacity),
    concurrentGroups: String(v.concurrentGroups),
    bufferMinutes: String(v.bufferMinutes),
    timeZone: v.timeZone,
    opensOnHolidays: v.opensOnHolidays ? "on" : "",
    active: v.active ? "on" : "",
    version: String(v.version),
  };
  for (const d of WEEKDAY_KEYS) out[`hours${d}`] = formatDayText(v.weeklyHours[d]);
  return out;
}

export function hostFromForm(values: Values, locale: Locale, t: Translate) {
  const { hours, errors: hourErrors } = weeklyHoursFromForm(values, "avail");
  const input = {
    name: str(values, "name"),
    title: str(values, "title"),
    agency: str(values, "agency"),
    email: str(values, "email"),
    phone: str(values, "phone"),
    weeklyAvailability: Object.keys(hours).length > 0 ? hours : null,
    timeZone: str(values, "timeZone") || undefined,
    active: checked(values, "active"),
  };
  return finish(hostCreateSchema, input, locale, t, hourErrors, (p) =>
    p.startsWith("weeklyAvailability.") ? `avail${p.split(".")[1]}` : p,
  );
}

export function hostToForm(h: HostRow): Record<string, string> {
  const out: Record<string, string> = {
    name: h.name,
    title: h.title,
    agency: h.agency ?? "",
    email: h.email ?? "",
    phone: h.phone ?? "",
    timeZone: h.timeZone,
    active: h.active ? "on" : "",
    version: String(h.version),
  };
  for (const d of WEEKDAY_KEYS) out[`avail${d}`] = formatDayText(h.weeklyAvailability?.[d]);
  return out;
}

/** A blackout from the form; one-off dates and times are read in `timeZone` (the venue's). */
export function blackoutFromForm(
  values: Values,
  venueId: string | null,
  timeZone: string,
  locale: Locale,
  t: Translate,
) {
  const kind = str(values, "kind") === "once" ? "once" : "weekly";
  const raw = values.weekdays;
  const weekdays = (Array.isArray(raw) ? raw : raw ? [raw] : []).map(Number);
  let input: Record<string, unknown>;
  if (kind === "once") {
    const date = str(values, "date");
    const endDate = str(values, "endDate") || date;
    const toInstant = (d: string, time: string) => {
      try {
        return new Date(localToInstant({ date: d, time, timeZone })).toISOString();
      } catch {
        return "";
      }
    };
    input = {
      kind,
      venueId,
      reason: str(values, "reason"),
      startsAt: toInstant(date, str(values, "fromTime") || "00:00"),
      endsAt: toInstant(endDate, str(values, "toTime") || "24:00"),
    };
  } else {
    input = {
      kind,
      venueId,
      reason: str(values, "reason"),
      weekdays,
      fromTime: str(values, "fromTime"),
      toTime: str(values, "toTime"),
    };
  }
  return finish(blackoutCreateSchema, input, locale, t, {}, (p) =>
    p === "startsAt" ? "date" : p === "endsAt" ? "endDate" : p,
  );
}

export function blackoutItems(rows: BlackoutRow[]) {
  return rows.map((b) => ({
    id: b.id,
    kind: b.kind,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    weekdays: b.weekdays,
    fromTime: b.fromTime,
    toTime: b.toTime,
    reason: b.reason,
  }));
}

/** A submitted form as strings (repeated fields as lists). */
type SubmittedValues = Record<string, string | string[]>;

export async function formValues(c: AppContext): Promise<SubmittedValues> {
  const body = await c.req.parseBody({ all: true });
  const out: SubmittedValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string");
  }
  return out;
}

export const flat = (v: SubmittedValues): Record<string, string> =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k, Array.isArray(x) ? x.join(",") : x]));
