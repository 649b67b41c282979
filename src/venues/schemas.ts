/**
 * @module Input schemas of venues, hosts and blackouts (API bodies; the pages map their forms onto them).
 * Create schemas carry defaults; patch schemas don't (a missing field stays as it is) and need `version`.
 */

import { z } from "zod";
import { SINGLE_LINE } from "../http/single-line";
import { bothDates, instant as instantSchema } from "../http/time-schemas";
import { msg } from "../http/validate";
import { isValidTimeZone, observesDaylightSaving } from "../scheduling/index";
import { weeklyHoursSchema } from "./weekly-hours";

const zone = z
  .string()
  .refine(isValidTimeZone, msg("scheduling.zoneInvalid"))
  .refine((v) => !observesDaylightSaving(v), msg("zone.dstRefused"));
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, msg("error.required"))
    .max(max)
    .refine(...SINGLE_LINE);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(...SINGLE_LINE)
    .transform((v) => (v === "" ? null : v))
    .nullable();

const venueFields = {
  name: text(200),
  address: text(500),
  mapUrl: z
    .union([z.url({ protocol: /^https?$/ }), z.literal("")])
    .transform((v) => (v === "" ? null : v))
    .nullable(),
  capacity: z.int().min(1).max(100_000),
  concurrentGroups: z.int().min(1).max(50),
  bufferMinutes: z.int().min(0).max(240),
  weeklyHours: weeklyHoursSchema,
  timeZone: zone,
  opensOnHolidays: z.boolean(),
  active: z.boolean(),
};

export const venueCreateSchema = z.strictObject({
  ...venueFields,
  mapUrl: venueFields.mapUrl.optional(),
  concurrentGroups: venueFields.concurrentGroups.default(1),
  bufferMinutes: venueFields.bufferMinutes.default(0),
  /** Omitted: the host's zone (HOST_TIME_ZONE). */
  timeZone: zone.optional(),
  opensOnHolidays: venueFields.opensOnHolidays.default(false),
  active: venueFields.active.default(true),
});
export type VenueCreate = z.output<typeof venueCreateSchema>;

export const venuePatchSchema = z.strictObject({
  ...Object.fromEntries(Object.entries(venueFields).map(([k, v]) => [k, v.optional()])),
  version: z.int().min(1),
} as { [K in keyof typeof venueFields]: z.ZodOptional<(typeof venueFields)[K]> } & {
  version: z.ZodInt;
});
export type VenuePatch = z.output<typeof venuePatchSchema>;

const hostFields = {
  name: text(200),
  title: text(200),
  agency: optionalText(200),
  email: z
    .union([z.email(), z.literal("")])
    .transform((v) => (v === "" ? null : v))
    .nullable(),
  phone: optionalText(40),
  weeklyAvailability: weeklyHoursSchema.nullable(),
  timeZone: zone,
  active: z.boolean(),
};

export const hostCreateSchema = z.strictObject({
  ...hostFields,
  agency: hostFields.agency.optional(),
  email: hostFields.email.optional(),
  phone: hostFields.phone.optional(),
  weeklyAvailability: hostFields.weeklyAvailability.optional(),
  /** Omitted: the host's zone (HOST_TIME_ZONE). */
  timeZone: zone.optional(),
  active: hostFields.active.default(true),
});
export type HostCreate = z.output<typeof hostCreateSchema>;

export const hostPatchSchema = z.strictObject({
  ...Object.fromEntries(Object.entries(hostFields).map(([k, v]) => [k, v.optional()])),
  version: z.int().min(1),
} as { [K in keyof typeof hostFields]: z.ZodOptional<(typeof hostFields)[K]> } & { version: z.ZodInt });
export type HostPatch = z.output<typeof hostPatchSchema>;

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, msg("scheduling.timeInvalid"));
const instant = instantSchema();

export const blackoutCreateSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("once"),
      venueId: z.string().min(1).nullable().optional(),
      startsAt: instant,
      endsAt: instant,
      reason: text(300),
    }),
    z.strictObject({
      kind: z.literal("weekly"),
      venueId: z.string().min(1).nullable().optional(),
      weekdays: z.array(z.int().min(1).max(7)).min(1).max(7),
      fromTime: localTime,
      toTime: localTime,
      reason: text(300),
    }),
  ])
  .superRefine((b, ctx) => {
    const times = b.kind === "once" ? bothDates(b.startsAt, b.endsAt) : null;
    if (times && times[1].getTime() <= times[0].getTime()) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "i18n:scheduling.endBeforeStart" });
    }
    if (b.kind === "weekly" && typeof b.toTime === "string" && b.toTime <= b.fromTime) {
      ctx.addIssue({ code: "custom", path: ["toTime"], message: "i18n:scheduling.endBeforeStart" });
    }
  });
export type BlackoutCreate = z.output<typeof blackoutCreateSchema>;
