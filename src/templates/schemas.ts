/**
 * @module Request bodies of tour templates and of applying one to a delegation.
 */

import { z } from "zod";
import { AGENDA_KINDS } from "../../db/schema/agenda";
import { MAX_ITEM_MINUTES } from "../bookings/load";
import { localDate } from "../http/time-schemas";
import { msg } from "../http/validate";
import { isValidTimeZone, observesDaylightSaving } from "../scheduling/index";

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg("scheduling.timeInvalid"));

const templateItemSchema = z.strictObject({
  offsetMinutes: z
    .int()
    .min(0)
    .max(7 * 24 * 60),
  durationMinutes: z.int().min(5).max(MAX_ITEM_MINUTES),
  kind: z.enum(AGENDA_KINDS),
  venueId: z.string().min(1).nullable().optional(),
  hostIds: z.array(z.string().min(1)).max(20).default([]),
  titleId: z.string().trim().min(1, msg("error.required")).max(200),
  titleEn: z.string().trim().min(1, msg("error.required")).max(200),
});

const templateFields = {
  name: z.string().trim().min(1, msg("error.required")).max(200),
  nameEn: z.string().trim().max(200).nullable().optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  defaultStartTime: localTime.default("08:30"),
  /** Omitted on create: the host's zone (HOST_TIME_ZONE); on update: unchanged. */
  timeZone: z
    .string()
    .refine(isValidTimeZone, msg("scheduling.zoneInvalid"))
    .refine((v) => !observesDaylightSaving(v), msg("zone.dstRefused"))
    .optional(),
  active: z.boolean().default(true),
  items: z.array(templateItemSchema).min(1).max(50),
};

export const templateCreateSchema = z.strictObject(templateFields);
export type TemplateCreate = z.output<typeof templateCreateSchema>;

/** A full replacement (items included) based on `version`. */
export const templatePatchSchema = z.strictObject({ ...templateFields, version: z.int().min(1) });
export type TemplatePatch = z.output<typeof templatePatchSchema>;

export const applyTemplateSchema = z
  .strictObject({
    templateId: z.string().min(1),
    /** Local date of the visit, read in the template's zone. */
    date: localDate(),
    /** Local start time; the template's default when absent. */
    startTime: localTime.optional(),
    groupSize: z.int().min(1).max(100_000).optional(),
    force: z.boolean().optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.force && !v.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "i18n:scheduling.reasonRequired" });
    }
  });
export type ApplyTemplate = z.output<typeof applyTemplateSchema>;
