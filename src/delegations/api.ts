/**
 * @module The staff delegations API at /api/v1/delegations: any staff role reads; protocol and admin
 * act. Every handler is thin: validated input in, a service call, the answer out. Other features add
 * routes under /api/v1/delegations/{id}/… from their own modules, so each route carries its own guard.
 */
import { z } from "zod";
import { PROTOCOL, STAFF } from "../auth/roles";
import { apiRoute, featureApi, json, selfValidatedBody } from "../http/api";
import type { AppContext } from "../http/context";
import { AppError } from "../http/errors";
import { serviceContext } from "../http/service-context";
import { delegationDetailOut, delegationOut, noteOut } from "./api-schemas";
import { addNote, updateDelegation } from "./edit";
import { delegationInputSchema, delegationPatchSchema } from "./input-schema";
import { createDelegation, publicFields, statusUrlOf } from "./intake";
import { transitionDelegation, transitionSchema } from "./lifecycle";
import {
  countByStatus,
  findDuplicates,
  getDelegation,
  inboxQuerySchema,
  letterInfo,
  listDelegations,
  listNotes,
} from "./queries";
import { checkSubmission, readSubmission } from "./submission";

const tag = "delegations";
const idParam = z.object({ id: z.string() });
const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { "application/json": { schema } },
});
const one = json(z.object({ delegation: delegationOut }));

/** The service context, with visitor notices enabled (status changes mail the visitor). */
const notifying = (c: AppContext) => ({ ...serviceContext(c), notifyBaseUrl: c.get("deps").config.baseUrl });

const inbox = apiRoute({
  method: "get",
  path: "/",
  operationId: "listDelegations",
  summary: "The inbox: filter by status, date range, province, topic, free text; counts per status",
  tag,
  roles: STAFF,
  request: { query: inboxQuerySchema },
  responses: {
    200: json(z.object({ delegations: z.array(delegationOut), counts: z.record(z.string(), z.number()) })),
  },
});

const record = apiRoute({
  method: "post",
  path: "/",
  operationId: "createDelegation",
  summary:
    "Record a delegation directly (letter or phone); no lead-time rule. JSON or multipart like the form.",
  tag,
  roles: PROTOCOL,
  request: { body: selfValidatedBody(["application/json", "multipart/form-data"], delegationInputSchema) },
  responses: { 201: json(z.object({ delegation: delegationOut, statusUrl: z.url() }), "Recorded") },
});

const detail = apiRoute({
  method: "get",
  path: "/{id}",
  operationId: "getDelegation",
  summary: "One delegation with letter info, duplicates and internal notes",
  tag,
  roles: STAFF,
  request: { params: idParam },
  responses: { 200: json(delegationDetailOut) },
});

const edit = apiRoute({
  method: "patch",
  path: "/{id}",
  operationId: "updateDelegation",
  summary: "Edit fields; `version` required, a stale one gets 409 stale with the current record",
  tag,
  roles: PROTOCOL,
  errors: [409],
  request: { params: idParam, body: jsonBody(delegationPatchSchema) },
  responses: { 200: one },
});

const transition = apiRoute({
  method: "post",
  path: "/{id}/transition",
  operationId: "transitionDelegation",
  summary:
    "Change status: requested→confirmed (dates), requested→requested (proposed dates), requested→declined (reason), requested|confirmed→cancelled (reason), confirmed→completed; others 409",
  tag,
  roles: PROTOCOL,
  errors: [409],
  request: { params: idParam, body: jsonBody(transitionSchema) },
  responses: { 200: one },
});

const note = apiRoute({
  method: "post",
  path: "/{id}/notes",
  operationId: "addDelegationNote",
  summary: "Add an internal note",
  tag,
  roles: PROTOCOL,
  request: { params: idParam, body: jsonBody(z.strictObject({ body: z.string().trim().min(1).max(4000) })) },
  responses: { 201: json(z.object({ note: noteOut }), "Added") },
});

export function delegationsApi() {
  const app = featureApi();

  app.openapi(inbox, async (c) => {
    const db = c.get("deps").db;
    const rows = await listDelegations(db, c.req.valid("query"));
    return c.json({ delegations: rows.map(publicFields), counts: await countByStatus(db) }, 200);
  });

  app.openapi(record, async (c) => {
    const checked = await checkSubmission(c, await readSubmission(c), { leadTime: false });
    if (!checked.ok) throw new AppError("validation_failed", { details: { fields: checked.errors } });
    const { delegation, token } = await createDelegation(notifying(c), checked.input, {
      source: c.get("authMethod") === "token" ? "api" : "staff",
      letter: checked.letter,
    });
    const statusUrl = statusUrlOf(c.get("deps").config.baseUrl, delegation.code, token);
    return c.json({ delegation: publicFields(delegation), statusUrl }, 201);
  });

  app.openapi(detail, async (c) => {
    const db = c.get("deps").db;
    const d = await getDelegation(db, c.req.valid("param").id);
    return c.json(
      {
        delegation: publicFields(d),
        letter: await letterInfo(db, d.id),
        duplicates: await findDuplicates(db, d),
        notes: await listNotes(db, d.id),
      },
      200,
    );
  });

  app.openapi(edit, async (c) => {
    const d = await updateDelegation(notifying(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json({ delegation: publicFields(d) }, 200);
  });

  app.openapi(transition, async (c) => {
    const d = await transitionDelegation(notifying(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json({ delegation: publicFields(d) }, 200);
  });

  app.openapi(note, async (c) => {
    const added = await addNote(notifying(c), c.req.valid("param").id, c.req.valid("json").body);
    return c.json({ note: added }, 201);
  });

  return app;
}
