/**
 * @module The agenda builder's HTML forms and their translation into booking-service input: local date and
 * "HH:MM" times read in the venue's zone (the host regency's zone for items without a venue), empty
 * strings as "not set". The form itself refuses an end before the start; the booking service validates
 * the rest and decides conflicts, and `formFieldsOf` puts its field errors beside the form's fields.
 */

import { z } from "zod";
import { AGENDA_KINDS } from "../../db/schema/agenda";
import type { ItemCreate, ItemPatch } from "../bookings/schemas";
import type { AppError } from "../http/errors";
import { localDate } from "../http/time-schemas";
import { type FieldErrors, msg } from "../http/validate";
import { type Locale, type MessageKey, translate } from "../i18n/dictionary";
import { localToInstant } from "../scheduling/zoned-time";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z.string().regex(TIME, msg("scheduling.timeInvalid"));
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

export const itemForm = z
  .strictObject({
    version: z.coerce.number().int().min(1).optional(),
    title: z.string().trim().min(1, msg("error.required")).max(200),
    titleEn: optional(200),
    kind: z.enum(AGENDA_KINDS),
    date: localDate(),
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
  })
  // Runs on the raw input too (when another field failed), so every error shows at once.
  .superRefine((v, ctx) => {
    const { start, end } = v as { start?: unknown; end?: unknown };
    if (
      typeof start === "string" &&
      typeof end === "string" &&
      TIME.test(start) &&
      TIME.test(end) &&
      end <= start
    )
      ctx.addIssue({ code: "custom", path: ["end"], message: "i18n:scheduling.endBeforeStart" });
  });
export type ItemForm = z.output<typeof itemForm>;

export const templateForm = z.strictObject({
  templateId: z.string().min(1, msg("error.required")),
  date: localDate(),
  startTime: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(time.optional()),
  reason: optional(500),
});

function instants(form: ItemForm, timeZone: string): { startsAt: Date; endsAt: Date } {
  return {
    startsAt: new Date(localToInstant({ date: form.date, time: form.start, timeZone })),
    endsAt: new Date(localToInstant({ date: form.date, time: form.end, timeZone })),
  };
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

/** The booking service's field names as the agenda forms name them. */
const FORM_FIELD: Record<string, string> = { startsAt: "start", endsAt: "end" };
/** What to say beside a field when the service's error names no message of its own. */
const FIELD_MESSAGE: Partial<Record<string, MessageKey>> = { end: "scheduling.endBeforeStart" };

/**
 * A booking service's `validation_failed` as errors beside the form's fields, in the reader's language
 * (the service's per-field codes are for programs, never shown). Without a field, the message goes on top.
 */
export function formFieldsOf(error: AppError, locale: Locale): FieldErrors {
  const fields = (error.details as { fields?: Record<string, unknown> } | undefined)?.fields ?? {};
  const generic = error.messageKey === "error.validation_failed";
  const out: FieldErrors = {};
  for (const key of Object.keys(fields)) {
    const field = FORM_FIELD[key] ?? key;
    const fallback = FIELD_MESSAGE[field];
    const messageKey = generic && fallback ? fallback : error.messageKey;
    out[field] = [translate(locale, messageKey, error.params)];
  }
  if (Object.keys(out).length === 0) out._ = [translate(locale, error.messageKey, error.params)];
  return out;
}
