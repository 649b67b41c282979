/**
 * @module The JSON shapes of the reports API (documented in OpenAPI and checked in tests).
 */
import { z } from "@hono/zod-openapi";

const withTarget = {
  target: z.number().nullable().openapi({ description: "The period's target (null: none set)" }),
  progressPct: z.number().nullable().openapi({ description: "Value as a percentage of the target" }),
};

export const monthlySchema = z.object({
  month: z.string().openapi({ example: "2026-03" }),
  visits: z.number().int(),
  visitors: z.number().int(),
  targetVisits: z.number().nullable(),
  targetVisitors: z.number().nullable(),
});

export const summarySchema = z
  .object({
    range: z.object({ from: z.iso.date(), to: z.iso.date(), countedUntil: z.iso.date().nullable() }),
    timeZone: z.string(),
    visits: z.object({ value: z.number().int(), upcoming: z.number().int(), ...withTarget }),
    visitors: z.object({ value: z.number().int(), ...withTarget }),
    commitments: z.object({
      total: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
      dropped: z.number().int(),
      onTimePct: z.number().nullable(),
      ...withTarget,
    }),
    rating: z.object({
      links: z.number().int(),
      responses: z.number().int(),
      average: z.number().nullable(),
      ...withTarget,
    }),
    leadTime: z.object({
      visits: z.number().int(),
      averageDays: z.number().nullable(),
      minDays: z.number().nullable(),
      maxDays: z.number().nullable(),
    }),
    monthly: z.array(monthlySchema),
    byProvince: z.array(
      z.object({
        code: z.string().nullable(),
        name: z.string().nullable(),
        visits: z.number().int(),
        visitors: z.number().int(),
      }),
    ),
    byTopic: z.array(
      z.object({ id: z.string(), nameId: z.string(), nameEn: z.string(), visits: z.number().int() }),
    ),
    venues: z.array(
      z.object({ id: z.string(), name: z.string(), sessions: z.number().int(), hours: z.number() }),
    ),
    hosts: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        title: z.string(),
        sessions: z.number().int(),
        hours: z.number(),
      }),
    ),
  })
  .openapi("ReportSummary");
