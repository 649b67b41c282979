/**
 * @module Request bodies of the agenda API. Times come in as RFC 3339 with an offset (or Z); an item lasts
 * at most a day; `force` (book over a closure) needs a `reason`.
 */
import { z } from "zod";
import { AGENDA_KINDS } from "../../db/schema/agenda";
import { bothDates, instant as instantSchema } from "../http/time-schemas";
import { msg } from "../http/validate";
import { MAX_ITEM_MINUTES } from "./load";

const instant = instantSchema("i18n:scheduling.instantInvalid");
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const overrideFields = {
  force: z.boolean().optional(),
  reason: z.string().trim().max(500).optional(),
};

function refineTimes(
  v: { startsAt?: Date; endsAt?: Date; force?: boolean; reason?: string },
  ctx: z.RefinementCtx,
) {
  const times = bothDates(v.startsAt, v.endsAt);
  if (times) {
    const ms = times[1].getTime() - times[0].getTime();
    if (ms <= 0)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "i18n:scheduling.endBeforeStart" });
    else if (ms > MAX_ITEM_MINUTES * 60_000)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "i18n:scheduling.tooLong" });
  }
  if (v.force && !v.reason) {
    ctx.addIssue({ code: "custom", path: ["reason"], message: "i18n:scheduling.reasonRequired" });
  }
}

export const itemCreateSchema = z
  .strictObject({
    title: z.string().trim().min(1, msg("error.required")).max(200),
    titleEn: optionalText(200),
    kind: z.enum(AGENDA_KINDS),
    startsAt: instant,
    endsAt: instant,
    venueId: z.string().min(1).nullable().optional(),
    hostIds: z.array(z.string().min(1)).max(20).optional(),
    groupSize: z.int().min(1).max(100_000).optional(),
    personInCharge: optionalText(200),
    dressCode: optionalText(200),
    notes: optionalText(2000),
    notesEn: optionalText(2000),
    ...overrideFields,
  })
  .superRefine(refineTimes);
export type ItemCreate = z.output<typeof itemCreateSchema>;

export const itemPatchSchema = z
  .strictObject({
    version: z.int().min(1),
    title: z.string().trim().min(1).max(200).optional(),
    titleEn: optionalText(200),
    kind: z.enum(AGENDA_KINDS).optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    venueId: z.string().min(1).nullable().optional(),
    hostIds: z.array(z.string().min(1)).max(20).optional(),
    groupSize: z.int().min(1).max(100_000).optional(),
    personInCharge: optionalText(200),
    dressCode: optionalText(200),
    notes: optionalText(2000),
    notesEn: optionalText(2000),
    ...overrideFields,
  })
  .superRefine(refineTimes);
export type ItemPatch = z.output<typeof itemPatchSchema>;

export const joinSchema = z.strictObject({
  delegationId: z.string().min(1),
  groupSize: z.int().min(1).max(100_000).optional(),
});
export type JoinInput = z.output<typeof joinSchema>;

export const leaveSchema = z.strictObject({
  delegationId: z.string().min(1),
  version: z.int().min(1).optional(),
});

export const cancelSchema = z.strictObject({ version: z.int().min(1).optional() });
