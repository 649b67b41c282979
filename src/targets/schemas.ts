/**
 * @module What a yearly target is made of, for the API and the admin form alike. Every figure is
 * optional (no target for it); a year is a calendar year from 2000 to 2100.
 */
import { z } from "zod";
import { msg } from "../http/validate";

export const yearParam = z.object({
  year: z.coerce.number(msg("targets.yearInvalid")).int(msg("targets.yearInvalid")).min(2000).max(2100),
});

const count = z.number(msg("targets.numberInvalid")).int(msg("targets.numberInvalid")).min(0).max(10_000_000);

export const targetInputSchema = z.strictObject({
  visits: count.nullable(),
  visitors: count.nullable(),
  commitmentsOnTimePct: z.number(msg("targets.numberInvalid")).int().min(0).max(100).nullable(),
  averageRating: z.number(msg("targets.numberInvalid")).min(1).max(5).nullable(),
});
export type TargetInput = z.output<typeof targetInputSchema>;

export const targetOutSchema = z.object({
  year: z.number().int(),
  visits: z.number().int().nullable(),
  visitors: z.number().int().nullable(),
  commitmentsOnTimePct: z.number().int().nullable(),
  averageRating: z.number().nullable(),
  version: z.number().int(),
  updatedAt: z.iso.datetime().nullable(),
});
export type TargetOut = z.output<typeof targetOutSchema>;

/** The admin form: empty fields mean "no target"; numbers arrive as text. */
const formNumber = (inner: z.ZodType) =>
  z.preprocess(
    (v) =>
      typeof v === "string" && v.trim() === ""
        ? null
        : typeof v === "string"
          ? Number(v.replace(",", "."))
          : v,
    inner,
  );
export const targetFormSchema = z.object({
  visits: formNumber(count.nullable()),
  visitors: formNumber(count.nullable()),
  commitmentsOnTimePct: formNumber(z.number(msg("targets.numberInvalid")).int().min(0).max(100).nullable()),
  averageRating: formNumber(z.number(msg("targets.numberInvalid")).min(1).max(5).nullable()),
});
