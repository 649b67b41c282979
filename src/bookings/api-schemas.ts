/**
 * @module Response schemas of the agenda and availability API.
 */
import { z } from "zod";
import { AGENDA_KINDS, AGENDA_STATUSES } from "../../db/schema/agenda";

const at = z.iso.datetime();
const wallTime = z.string().regex(/^\d{2}:\d{2}$/);

export const agendaItemOut = z.object({
  id: z.string(),
  kind: z.enum(AGENDA_KINDS),
  title: z.string(),
  titleEn: z.string().nullable(),
  status: z.enum(AGENDA_STATUSES),
  startsAt: at,
  endsAt: at,
  local: z.object({
    date: z.iso.date(),
    start: wallTime,
    end: wallTime,
    timeZone: z.string(),
    zone: z.string().openapi({ description: "WIB, WITA or WIT" }),
  }),
  venueId: z.string().nullable(),
  venue: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
  hostIds: z.array(z.string()),
  delegations: z.array(
    z.object({
      delegationId: z.string(),
      groupSize: z.number().int(),
      code: z.string().optional(),
      institution: z.string().optional(),
    }),
  ),
  merged: z.boolean(),
  groupSize: z.number().int(),
  personInCharge: z.string().nullable(),
  dressCode: z.string().nullable(),
  notes: z.string().nullable(),
  overrideReason: z.string().nullable(),
  calendarUid: z.string(),
  sequence: z.number().int(),
  version: z.number().int(),
  createdAt: at,
  updatedAt: at,
  cancelledAt: at.nullable(),
});

export const itemOut = z.object({ item: agendaItemOut });

export const availabilityOut = z.object({
  from: at,
  to: at,
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  groupSize: z.number().int(),
  gridMinutes: z.number().int(),
  slots: z.array(
    z.object({
      startsAt: at,
      endsAt: at,
      local: z.object({ date: z.iso.date(), start: wallTime, end: wallTime }),
      zone: z.string(),
    }),
  ),
});
