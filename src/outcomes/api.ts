/**
 * @module The outcome JSON API under /api/v1/delegations/{id}: read and write the visit outcome (with the
 * actual attendance from check-in), complete a visit (humas, protocol, admin; from its last day, with a
 * summary) and reopen a completed one (protocol, admin, with a reason).
 */
import { z } from "zod";
import { DELEGATION_STATUSES } from "../../db/schema/delegations";
import { FOLLOW_UP, PROTOCOL, STAFF } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import { serviceContext } from "../http/service-context";
import { completeSchema, completeVisit, reopenSchema, reopenVisit } from "./complete";
import { outcomeInputSchema } from "./schemas";
import { attendanceCount, getOutcome, outcomeOut, saveOutcome } from "./service";

const tag = "outcomes";
const idParam = z.object({ id: z.string() });
const link = z.object({ label: z.string(), url: z.string() });
const media = z.object({ outlet: z.string(), title: z.string(), url: z.string(), date: z.iso.date() });
const outcomeSchema = z.object({
  outcome: z
    .object({
      delegationId: z.string(),
      summary: z.string(),
      summaryEn: z.string().nullable(),
      shown: z.string().nullable(),
      discussed: z.string().nullable(),
      pressReleaseUrl: z.string().nullable(),
      media: z.array(media),
      documentation: z.array(link),
      internalNotes: z.string().nullable(),
      version: z.number().int(),
      createdAt: z.iso.datetime(),
      updatedAt: z.iso.datetime(),
    })
    .nullable(),
  attendance: z.object({ attended: z.number().int(), listed: z.number().int() }),
});
const statusOut = z.object({
  delegation: z.object({ id: z.string(), status: z.enum(DELEGATION_STATUSES), version: z.number().int() }),
});
const jsonBody = <S extends z.ZodType>(schema: S) => ({
  body: { required: true, content: { "application/json": { schema } } },
});

const read = apiRoute({
  method: "get",
  path: "/outcome",
  operationId: "getOutcome",
  summary: "The visit outcome (null until written) and the attendance counted from check-in",
  tag,
  roles: STAFF,
  request: { params: idParam },
  responses: { 200: json(outcomeSchema) },
});

const write = apiRoute({
  method: "put",
  path: "/outcome",
  operationId: "putOutcome",
  summary: "Write the visit outcome; `version` is the one read (0 for the first write), a stale one gets 409",
  tag,
  roles: FOLLOW_UP,
  errors: [409],
  request: { params: idParam, ...jsonBody(outcomeInputSchema) },
  responses: { 200: json(outcomeSchema) },
});

const complete = apiRoute({
  method: "post",
  path: "/complete",
  operationId: "completeVisit",
  summary:
    "Mark a confirmed visit completed: from its last confirmed day (venue zone), with an outcome summary; else 409",
  tag,
  roles: FOLLOW_UP,
  errors: [409],
  request: { params: idParam, ...jsonBody(completeSchema) },
  responses: { 200: json(statusOut) },
});

const reopen = apiRoute({
  method: "post",
  path: "/reopen",
  operationId: "reopenVisit",
  summary: "Reopen a completed visit (back to confirmed) with a reason; audited",
  tag,
  roles: PROTOCOL,
  errors: [409],
  request: { params: idParam, ...jsonBody(reopenSchema) },
  responses: { 200: json(statusOut) },
});

export function outcomesApi() {
  const app = featureApi();
  app.openapi(read, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("deps").db.orm;
    return c.json(outcomeOut(await getOutcome(db, id), await attendanceCount(db, id)), 200);
  });
  app.openapi(write, async (c) => {
    const { id } = c.req.valid("param");
    const row = await saveOutcome(serviceContext(c), id, c.req.valid("json"));
    return c.json(outcomeOut(row, await attendanceCount(c.get("deps").db.orm, id)), 200);
  });
  app.openapi(complete, async (c) => {
    const d = await completeVisit(serviceContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json({ delegation: { id: d.id, status: d.status, version: d.version } }, 200);
  });
  app.openapi(reopen, async (c) => {
    const d = await reopenVisit(serviceContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json({ delegation: { id: d.id, status: d.status, version: d.version } }, 200);
  });
  return app;
}
