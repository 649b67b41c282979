/**
 * @module The roster API at /api/v1/delegations/{id}/participants: list (JSON or CSV), add, edit, remove,
 * and an all-or-nothing CSV import. Any staff role reads; protocol and admin act.
 */
import { z } from "zod";
import { PROTOCOL, STAFF } from "../auth/roles";
import { apiRoute, featureApi, json, selfValidatedBody } from "../http/api";
import { AppError } from "../http/errors";
import { serviceContext } from "../http/service-context";
import { participantOut } from "./api-schemas";
import {
  addParticipant,
  deleteParticipant,
  importParticipants,
  listParticipants,
  participantInputSchema,
  participantPatchSchema,
  updateParticipant,
} from "./participants";
import { getDelegation } from "./queries";
import { rosterToCsv } from "./roster-csv";

const tag = "participants";
const idParam = z.object({ id: z.string() });
const bothParams = z.object({ id: z.string(), participantId: z.string() });
const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { "application/json": { schema } },
});

const list = apiRoute({
  method: "get",
  path: "/",
  operationId: "listParticipants",
  summary: "The roster in precedence order (?format=csv for CSV, &sep=; for Excel in Indonesian locale)",
  tag,
  roles: STAFF,
  request: {
    params: idParam,
    query: z.object({ format: z.enum(["json", "csv"]).optional(), sep: z.enum([",", ";"]).optional() }),
  },
  responses: {
    200: {
      description: "The roster",
      content: {
        "application/json": { schema: z.object({ participants: z.array(participantOut) }) },
        "text/csv": { schema: z.string() },
      },
    },
  },
});

const add = apiRoute({
  method: "post",
  path: "/",
  operationId: "addParticipant",
  summary: "Add a participant (rank suggested from the title unless given)",
  tag,
  roles: PROTOCOL,
  request: { params: idParam, body: jsonBody(participantInputSchema) },
  responses: { 201: json(z.object({ participant: participantOut }), "Added") },
});

const importCsv = apiRoute({
  method: "post",
  path: "/import",
  operationId: "importParticipants",
  summary:
    "Import a roster CSV (text/csv; comma or semicolon; BOM ok): all rows or none, errors per row and field",
  tag,
  roles: PROTOCOL,
  request: { params: idParam, body: selfValidatedBody(["text/csv"]) },
  responses: { 201: json(z.object({ imported: z.number().int() }), "Imported") },
});

const edit = apiRoute({
  method: "patch",
  path: "/{participantId}",
  operationId: "updateParticipant",
  summary: "Edit a participant (`version` required)",
  tag,
  roles: PROTOCOL,
  errors: [409],
  request: { params: bothParams, body: jsonBody(participantPatchSchema) },
  responses: { 200: json(z.object({ participant: participantOut })) },
});

const remove = apiRoute({
  method: "delete",
  path: "/{participantId}",
  operationId: "deleteParticipant",
  summary: "Remove a participant",
  tag,
  roles: PROTOCOL,
  request: { params: bothParams },
  responses: { 204: { description: "Removed" } },
});

export function participantsApi() {
  const app = featureApi();

  app.openapi(list, async (c) => {
    const db = c.get("deps").db;
    const d = await getDelegation(db, c.req.valid("param").id);
    const rows = await listParticipants(db, d.id);
    const { format, sep } = c.req.valid("query");
    if (format === "csv") {
      const csv = rosterToCsv(
        rows.map((p) => ({ ...p, rank: p.precedenceRank })),
        { language: c.get("locale"), separator: sep === ";" ? ";" : "," },
      );
      return c.body(csv, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${d.code}-peserta.csv"`,
      });
    }
    return c.json({ participants: rows }, 200);
  });

  app.openapi(importCsv, async (c) => {
    const type = c.req.header("Content-Type") ?? "";
    if (!type.startsWith("text/csv") && !type.startsWith("text/plain"))
      throw new AppError("validation_failed", {
        details: { fields: { _: ["Content-Type must be text/csv"] } },
      });
    const result = await importParticipants(serviceContext(c), c.req.valid("param").id, await c.req.text());
    return c.json(result, 201);
  });

  app.openapi(add, async (c) => {
    const participant = await addParticipant(serviceContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json({ participant }, 201);
  });

  app.openapi(edit, async (c) => {
    const { id, participantId } = c.req.valid("param");
    const participant = await updateParticipant(serviceContext(c), id, participantId, c.req.valid("json"));
    return c.json({ participant }, 200);
  });

  app.openapi(remove, async (c) => {
    const { id, participantId } = c.req.valid("param");
    await deleteParticipant(serviceContext(c), id, participantId);
    return c.body(null, 204);
  });

  return app;
}
