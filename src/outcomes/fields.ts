/**
 * @module zod building blocks shared by the humas forms and API (outcome, commitments, attendance, host
 * settings): trimmed text with a length cap, optional text that turns "" into null, http(s) links, dates.
 * Messages are dictionary keys, so errors read in the request's language.
 */
import { z } from "zod";
import { isRealDate } from "../delegations/dates";
import { SINGLE_LINE } from "../http/single-line";
import { msg } from "../http/validate";

export const text = (max: number) => z.string().trim().max(max, msg("humas.textTooLong"));

export const requiredText = (max: number) => text(max).min(1, msg("error.required"));

export const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** Single-line text (names, titles, subjects): no line breaks or control characters. */
export const line = (max: number) => text(max).refine(...SINGLE_LINE);

export const requiredLine = (max: number) => line(max).min(1, msg("error.required"));

export const optionalLine = (max: number) =>
  line(max)
    .nullish()
    .transform((v) => (v ? v : null));

const isHttpUrl = (v: string) => {
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
  } catch {
    return false;
  }
};

/** An absolute http(s) link, at most 2000 characters. */
export const httpUrl = () =>
  z.string().trim().max(2000, msg("humas.textTooLong")).refine(isHttpUrl, msg("humas.urlInvalid"));

export const optionalUrl = () =>
  z
    .string()
    .trim()
    .max(2000, msg("humas.textTooLong"))
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isHttpUrl(v), msg("humas.urlInvalid"));

export const localDate = () =>
  z.string(msg("humas.dateInvalid")).trim().refine(isRealDate, msg("humas.dateInvalid"));

export const optionalEmail = () =>
  z
    .string()
    .trim()
    .max(254)
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : null))
    .refine((v) => v === null || z.email().safeParse(v).success, msg("humas.emailInvalid"));
