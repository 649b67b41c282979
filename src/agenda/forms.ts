/**
 * @module The agenda builder's HTML forms and their translation into booking-service input: local date and
 * "HH:MM" times read in the venue's zone (the host regency's zone for items without a venue), empty
 * strings as "not set". The booking service validates the rest and decides conflicts.
 */

import { z } from "zod";
import { AGENDA_KINDS } from "../../db/schema/agenda";
import type { ItemCreate, ItemPatch } from "../bookings/schemas";
import { AppError } from "../http/errors";
import { localDate } from "../http/time-schemas";
import { msg } from "../http/validate";
import { localToInstant } from "../scheduling/zoned-time";

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg("error.required"));
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

export const itemForm = z.strictObject({
  version: z.coerce.number().int().min(1).optional(),
  title: z.string().trim().min(1, msg("error.required")).max(200),
  titleEn: optional(200),
  kind: z.enum(AGENDA_KINDS),
  date: localDate("i18n:error.required"),
  start: time,
  end: time,
  venueId: optional(100),
  hostIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((s) => s.length > 0))),
  groupSize: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : undefined))
    .pipe(z.number().int().min(1).max(100_000).optional()),
  personInCharge: optional(200),
  dressCode: optional(200),
  notes: optional(2000),
  notesEn: optional(2000),
  reason: optional(500),
});
export type ItemForm = z.output<typeof itemForm>;

export const templateForm = z.strictObject({
  templateId: z.string().min(1, msg("error.required")),
  date: localDate("i18n:error.required"),
  startTime: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(time.optional()),
  reason: optional(500),
});

function instants(form: ItemForm, timeZone: string): { startsAt: Date; endsAt: Date } {
  const startsAt = new Date(localToInstant({ date: form.date, time: form.start, timeZone }));
  const endsAt = new Date(localToInstant({ date: form.date, time: form.end, timeZone }));
  if (endsAt <= startsAt) {
    throw new AppError("validation_failed", {
      messageKey: "scheduling.endBeforeStart",
      details: { fields: { end: ["end before start"] } },
    });
  }
  return { startsAt, endsAt };
}

export function toCreate(form: ItemForm, timeZone: string): ItemCreate {
  return {
    title: form.title,
    titleEn: form.titleEn,
    kind: form.kind,
    ...instants(form, timeZone),
    venueId: form.venueId,
    hostIds: form.hostIds,
    groupSize: form.groupSize,
    personInCharge: form.personInCharge,
    dressCode: form.dressCode,
    notes: form.notes,
    notesEn: form.notesEn,
    ...(form.reason ? { force: true, reason: form.reason } : {}),
  };
}

export function toPatch(form: ItemForm, timeZone: string, version: number): ItemPatch {
  const { groupSize: _ignored, ...rest } = toCreate(form, timeZone);
  // Group size of a merged session is owned by the join; only send it when the form set it.
  return { ...rest, ...(form.groupSize ? { groupSize: form.groupSize } : {}), version };
}
