/**
 * @module Inputs of commitments (API bodies, forms and the board's query). The owner is a staff user or an
 * outside person with name and e-mail — exactly one of the two. A target date in the past is accepted (a
 * promise recorded late) and flagged as overdue in the answer.
 */
import { z } from "zod";
import { COMMITMENT_PARTIES, COMMITMENT_STATUSES } from "../../db/schema/outcomes";
import { msg } from "../http/validate";
import {
  httpUrl,
  localDate,
  optionalEmail,
  optionalLine,
  optionalText,
  requiredText,
} from "../outcomes/fields";

const ownerFields = {
  ownerUserId: optionalText(100),
  ownerName: optionalLine(200),
  ownerEmail: optionalEmail(),
};

/** Exactly one owner: a user id, or an outside name + e-mail. Guarded: zod runs this on raw input too. */
function checkOwner(
  v: { ownerUserId?: unknown; ownerName?: unknown; ownerEmail?: unknown },
  ctx: z.core.$RefinementCtx,
) {
  const has = (x: unknown) => typeof x === "string" && x.length > 0;
  const user = has(v.ownerUserId);
  const external = has(v.ownerName) || has(v.ownerEmail);
  if (user === external || (external && !(has(v.ownerName) && has(v.ownerEmail))))
    ctx.addIssue({ code: "custom", path: ["owner"], message: "i18n:commitments.ownerRequired" });
}

export const commitmentCreateSchema = z
  .strictObject({
    delegationId: requiredText(100),
    party: z.enum(COMMITMENT_PARTIES, msg("error.required")),
    ...ownerFields,
    what: requiredText(2000),
    targetDate: localDate(),
    remindersEnabled: z.boolean().default(true),
  })
  .superRefine(checkOwner);
export type CommitmentCreate = z.output<typeof commitmentCreateSchema>;

export const commitmentPatchSchema = z
  .strictObject({
    party: z.enum(COMMITMENT_PARTIES).optional(),
    ...ownerFields,
    what: requiredText(2000).optional(),
    targetDate: localDate().optional(),
    remindersEnabled: z.boolean().optional(),
    version: z.number(msg("humas.versionRequired")).int().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.ownerUserId !== undefined || v.ownerName !== undefined || v.ownerEmail !== undefined)
      checkOwner(v, ctx);
  });
export type CommitmentPatch = z.output<typeof commitmentPatchSchema>;

export const commitmentTransitionSchema = z.strictObject({
  to: z.enum(COMMITMENT_STATUSES),
  reason: optionalText(2000),
  evidence: z
    .strictObject({
      url: httpUrl().nullish(),
      note: optionalText(4000),
    })
    .nullish(),
  version: z.number(msg("humas.versionRequired")).int().min(1),
});

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** The board's filters (query string). `owner=me` is the signed-in user. */
export const boardQuerySchema = z.strictObject({
  delegationId: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  status: z.preprocess(blankToUndefined, z.enum(COMMITMENT_STATUSES).optional()),
  overdue: z.preprocess(blankToUndefined, z.enum(["true", "false"]).optional()),
  owner: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  party: z.preprocess(blankToUndefined, z.enum(COMMITMENT_PARTIES).optional()),
  province: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
  ),
  dueFrom: z.preprocess(blankToUndefined, localDate().optional()),
  dueTo: z.preprocess(blankToUndefined, localDate().optional()),
});
export type BoardQuery = z.output<typeof boardQuerySchema>;
