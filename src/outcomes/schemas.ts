/**
 * @module Input of a visit outcome (API body and form alike). Long texts are capped (summary 4,000
 * characters, others 10,000) so a pasted 100 KB block is refused field by field, not stored.
 */
import { z } from "zod";
import { msg } from "../http/validate";
import { httpUrl, localDate, optionalText, optionalUrl, requiredLine, requiredText, text } from "./fields";

const mediaCoverageSchema = z.strictObject({
  outlet: requiredLine(200),
  title: requiredLine(300),
  url: httpUrl(),
  date: localDate(),
});

const documentationLinkSchema = z.strictObject({
  label: requiredLine(200),
  url: httpUrl(),
});

export const outcomeInputSchema = z.strictObject({
  summary: requiredText(4000),
  summaryEn: optionalText(4000),
  shown: optionalText(10000),
  discussed: optionalText(10000),
  pressReleaseUrl: optionalUrl(),
  media: z.array(mediaCoverageSchema).max(50).default([]),
  documentation: z.array(documentationLinkSchema).max(50).default([]),
  internalNotes: optionalText(10000),
  /** The version the edit is based on; 0 when there is no outcome yet. */
  version: z.number(msg("humas.versionRequired")).int().min(0),
});
export type OutcomeInput = z.output<typeof outcomeInputSchema>;

export { text };
