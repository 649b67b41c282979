/**
 * @module Response schemas of the delegations API (what the handlers answer, as documented in OpenAPI).
 */
import { z } from "zod";
import { LOCALES } from "../../db/schema/auth";
import { DELEGATION_STATUSES } from "../../db/schema/delegations";

const range = z.object({ start: z.iso.date(), end: z.iso.date() });
const at = z.iso.datetime();

export const delegationOut = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(DELEGATION_STATUSES),
  institution: z.string(),
  provinceCode: z.string().nullable(),
  regencyCode: z.string().nullable(),
  leaderName: z.string(),
  leaderTitle: z.string(),
  purpose: z.string(),
  topics: z.array(z.string()),
  expectedSize: z.number().int(),
  preferredDates: range,
  alternativeDates: z.array(range),
  proposedDates: z.array(range).nullable(),
  confirmedDates: range.nullable(),
  arrivalAt: at.nullable(),
  departureAt: at.nullable(),
  contactName: z.string(),
  contactEmail: z.email(),
  contactPhone: z.string(),
  letterNumber: z.string().nullable(),
  letterDate: z.iso.date().nullable(),
  language: z.enum(LOCALES),
  notes: z.string().nullable(),
  publicMessage: z.string().nullable(),
  autoNotices: z.boolean(),
  source: z.enum(["public_form", "staff", "api"]),
  version: z.number().int(),
  createdAt: at,
  updatedAt: at,
});

export const noteOut = z.object({
  id: z.string(),
  delegationId: z.string(),
  authorId: z.string().nullable(),
  authorLabel: z.string(),
  body: z.string(),
  createdAt: at,
});

export const delegationDetailOut = z.object({
  delegation: delegationOut,
  letter: z
    .object({
      fileName: z.string(),
      contentType: z.enum(["application/pdf", "image/jpeg", "image/png"]),
      size: z.number().int(),
    })
    .nullable(),
  duplicates: z.array(z.object({ id: z.string(), code: z.string(), status: z.enum(DELEGATION_STATUSES) })),
  notes: z.array(noteOut),
});

export const participantOut = z.object({
  id: z.string(),
  delegationId: z.string(),
  name: z.string(),
  title: z.string(),
  institution: z.string().nullable(),
  email: z.email().nullable(),
  phone: z.string().nullable(),
  needs: z.string().nullable(),
  precedenceRank: z.number().int(),
  rankOverridden: z.boolean(),
  attended: z.boolean().nullable(),
  version: z.number().int(),
  createdAt: at,
  updatedAt: at,
});

export const publicStatusOut = z.object({
  code: z.string(),
  status: z.enum(DELEGATION_STATUSES),
  institution: z.string(),
  preferredDates: range,
  alternativeDates: z.array(range),
  proposedDates: z.array(range).nullable(),
  confirmedDates: range.nullable(),
  publicMessage: z.string().nullable(),
  language: z.enum(LOCALES),
  history: z.array(z.object({ at, status: z.string(), message: z.string().nullable() })),
});

export const topicOut = z.object({ id: z.string(), nameId: z.string(), nameEn: z.string() });
