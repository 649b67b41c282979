/**
 * @module The delegations JSON API: public intake (`/requests`, no sign-in, rate-limited) and the staff
 * API (`/delegations`: any staff role reads; protocol and admin act). Every handler is thin: validate,
 * call a service, shape the answer.
 */
import { Hono } from "hono";
import { z } from "zod";
import { DELEGATION_STATUSES } from "../../db/schema/delegations";
import { actorOf, requireRole } from "../auth/guard";
import { PROTOCOL, STAFF } from "../auth/roles";
import { clientAddress } from "../http/client-address";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import type { RouteDoc } from "../http/openapi";
import { enforceRateLimit } from "../http/rate-limit";
import { readJson, readQuery } from "../http/validate";
import { addNote, updateDelegation } from "./edit";
import { delegationInputSchema, delegationPatchSchema } from "./input-schema";
import { createDelegation, findByStatusToken, publicFields, statusUrlOf } from "./intake";
import { transitionDelegation, transitionSchema } from "./lifecycle";
import {
  addParticipant,
  deleteParticipant,
  importParticipants,
  listParticipants,
  participantInputSchema,
  participantPatchSchema,
  updateParticipant,
} from "./participants";
import {
  countByStatus,
  findDuplicates,
  getDelegation,
  inboxQuerySchema,
  letterInfo,
  listDelegations,
  listNotes,
} from "./queries";
import { rosterToCsv } from "./roster-csv";
import { publicHistory } from "./status-view";
import { checkSubmission, readSubmission } from "./submission";
import { listTopics } from "./topics";

const range = z.object({ start: z.string(), end: z.string() });
const delegationOut = z.object({
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
  expectedSize: z.number(),
  preferredDates: range,
  alternativeDates: z.array(range),
  proposedDates: z.array(range).nullable(),
  confirmedDates: range.nullable(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  letterNumber: z.string().nullable(),
  letterDate: z.string().nullable(),
  language: z.enum(["id", "en"]),
  notes: z.string().nullable(),
  publicMessage: z.string().nullable(),
  source: z.string(),
  version: z.number(),
});
const participantOut = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  institution: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  needs: z.string().nullable(),
  precedenceRank: z.number(),
  rankOverridden: z.boolean(),
  version: z.number(),
});
const publicStatusOut = z.object({
  code: z.string(),
  status: z.enum(DELEGATION_STATUSES),
  institution: z.string(),
  preferredDates: range,
  alternativeDates: z.array(range),
  proposedDates: z.array(range).nullable(),
  confirmedDates: range.nullable(),
  publicMessage: z.string().nullable(),
  language: z.enum(["id", "en"]),
  history: z.array(z.object({ at: z.string(), status: z.string(), message: z.string().nullable() })),
});
const tokenQuery = z.object({ token: z.string().max(200).optional() });

export const delegationsApiDocs: RouteDoc[] = [
  {
    method: "post",
    path: "/requests",
    summary:
      "Submit a visit request (public, rate-limited per IP). JSON, optionally with letterFile {fileName, dataBase64} (PDF/JPEG/PNG ≤ 5 MB, type checked by content), or multipart like the form.",
    tag: "requests",
    body: delegationInputSchema,
    status: 201,
    response: z.object({ code: z.string(), statusUrl: z.string() }),
  },
  {
    method: "get",
    path: "/requests/{code}",
    summary: "A request's status via its private token (public; a wrong token is 404)",
    tag: "requests",
    query: tokenQuery,
    response: publicStatusOut,
  },
  {
    method: "get",
    path: "/topics",
    summary: "Active visit topics (public)",
    tag: "requests",
    response: z.object({
      topics: z.array(z.object({ id: z.string(), nameId: z.string(), nameEn: z.string() })),
    }),
  },
  {
    method: "get",
    path: "/delegations",
    summary: "The inbox: filter by status, date range, province, topic, free text; counts per status",
    tag: "delegations",
    roles: STAFF,
    query: inboxQuerySchema,
    response: z.object({ delegations: z.array(delegationOut), counts: z.record(z.string(), z.number()) }),
  },
  {
    method: "post",
    path: "/delegations",
    summary: "Record a delegation directly (letter or phone); no lead-time rule",
    tag: "delegations",
    roles: PROTOCOL,
    body: delegationInputSchema,
    status: 201,
    response: z.object({ delegation: delegationOut, statusUrl: z.string() }),
  },
  {
    method: "get",
    path: "/delegations/{id}",
    summary: "One delegation with letter info, duplicates and internal notes",
    tag: "delegations",
    roles: STAFF,
    response: z.object({ delegation: delegationOut }),
  },
  {
    method: "patch",
    path: "/delegations/{id}",
    summary: "Edit fields; `version` required, a stale one gets 409 stale with the current record",
    tag: "delegations",
    roles: PROTOCOL,
    body: delegationPatchSchema,
    response: z.object({ delegation: delegationOut }),
  },
  {
    method: "post",
    path: "/delegations/{id}/transition",
    summary:
      "Change status: requested→confirmed (dates), requested→requested (proposed dates), requested→declined (reason), requested|confirmed→cancelled (reason), confirmed→completed; others 409",
    tag: "delegations",
    roles: PROTOCOL,
    body: transitionSchema,
    response: z.object({ delegation: delegationOut }),
  },
  {
    method: "post",
    path: "/delegations/{id}/notes",
    summary: "Add an internal note",
    tag: "delegations",
    roles: PROTOCOL,
    body: z.strictObject({ body: z.string() }),
    status: 201,
  },
  {
    method: "get",
    path: "/delegations/{id}/participants",
    summary: "The roster in precedence order (?format=csv for CSV, &sep=; for Excel in Indonesian locale)",
    tag: "participants",
    roles: STAFF,
    response: z.object({ participants: z.array(participantOut) }),
  },
  {
    method: "post",
    path: "/delegations/{id}/participants",
    summary: "Add a participant (rank suggested from the title unless given)",
    tag: "participants",
    roles: PROTOCOL,
    body: participantInputSchema,
    status: 201,
    response: z.object({ participant: participantOut }),
  },
  {
    method: "patch",
    path: "/delegations/{id}/participants/{participantId}",
    summary: "Edit a participant (`version` required)",
    tag: "participants",
    roles: PROTOCOL,
    body: participantPatchSchema,
    response: z.object({ participant: participantOut }),
  },
  {
    method: "delete",
    path: "/delegations/{id}/participants/{participantId}",
    summary: "Remove a participant",
    tag: "participants",
    roles: PROTOCOL,
    status: 204,
  },
  {
    method: "post",
    path: "/delegations/{id}/participants/import",
    summary:
      "Import a roster CSV (text/csv; comma or semicolon; BOM ok): all rows or none, errors per row and field",
    tag: "participants",
    roles: PROTOCOL,
    bodyType: "text/csv",
    status: 201,
    response: z.object({ imported: z.number() }),
  },
];

function ctxOf(c: AppContext) {
  const { db, clock, config } = c.get("deps");
  return { db, actor: actorOf(c), now: clock(), notifyBaseUrl: config.baseUrl, config };
}

export async function limitRequests(c: AppContext) {
  const { db, config, socketAddress, clock } = c.get("deps");
  const ip = clientAddress(c, socketAddress, config.trustProxy);
  await enforceRateLimit(db, {
    key: `visit-request:ip:${ip}`,
    limit: config.requestRateLimitPerHour,
    windowMs: 3_600_000,
    now: clock(),
  });
}

export function delegationApiRoutes() {
  const app = new Hono<AppEnv>();

  app.post("/api/v1/requests", async (c) => {
    await limitRequests(c);
    const checked = await checkSubmission(c, await readSubmission(c), { leadTime: true });
    if (!checked.ok) throw new AppError("validation_failed", { details: { fields: checked.errors } });
    const { db, clock, config } = c.get("deps");
    const { delegation, token } = await createDelegation(
      { db, now: clock(), actor: { id: null, label: "public" }, notifyBaseUrl: config.baseUrl, config },
      checked.input,
      { source: "public_form", letter: checked.letter },
    );
    return c.json(
      { code: delegation.code, statusUrl: statusUrlOf(config.baseUrl, delegation.code, token) },
      201,
    );
  });

  app.get("/api/v1/requests/:code", async (c) => {
    const { token } = readQuery(c, tokenQuery);
    const d = await findByStatusToken(c.get("deps").db, c.req.param("code"), token ?? "");
    if (!d) throw new AppError("not_found");
    c.header("Cache-Control", "no-store");
    return c.json({
      code: d.code,
      status: d.status,
      institution: d.institution,
      preferredDates: d.preferredDates,
      alternativeDates: d.alternativeDates,
      proposedDates: d.proposedDates,
      confirmedDates: d.confirmedDates,
      publicMessage: d.publicMessage,
      language: d.language,
      history: (await publicHistory(c.get("deps").db, d.id)).map((h) => ({ ...h, at: h.at.toISOString() })),
    });
  });

  app.get("/api/v1/topics", async (c) => {
    const topics = await listTopics(c.get("deps").db, { activeOnly: true });
    return c.json({ topics: topics.map(({ id, nameId, nameEn }) => ({ id, nameId, nameEn })) });
  });

  app.use("/api/v1/delegations", requireRole(STAFF));
  app.use("/api/v1/delegations/*", requireRole(STAFF));

  app.get("/api/v1/delegations", async (c) => {
    const db = c.get("deps").db;
    const rows = await listDelegations(db, readQuery(c, inboxQuerySchema));
    return c.json({ delegations: rows.map(publicFields), counts: await countByStatus(db) });
  });

  app.post("/api/v1/delegations", requireRole(PROTOCOL), async (c) => {
    const checked = await checkSubmission(c, await readSubmission(c), { leadTime: false });
    if (!checked.ok) throw new AppError("validation_failed", { details: { fields: checked.errors } });
    const { delegation, token } = await createDelegation(ctxOf(c), checked.input, {
      source: c.get("authMethod") === "token" ? "api" : "staff",
      letter: checked.letter,
    });
    const statusUrl = statusUrlOf(c.get("deps").config.baseUrl, delegation.code, token);
    return c.json({ delegation: publicFields(delegation), statusUrl }, 201);
  });

  app.get("/api/v1/delegations/:id", async (c) => {
    const db = c.get("deps").db;
    const d = await getDelegation(db, c.req.param("id"));
    return c.json({
      delegation: publicFields(d),
      letter: await letterInfo(db, d.id),
      duplicates: await findDuplicates(db, d),
      notes: await listNotes(db, d.id),
    });
  });

  app.patch("/api/v1/delegations/:id", requireRole(PROTOCOL), async (c) => {
    const patch = await readJson(c, delegationPatchSchema);
    return c.json({ delegation: publicFields(await updateDelegation(ctxOf(c), c.req.param("id"), patch)) });
  });

  app.post("/api/v1/delegations/:id/transition", requireRole(PROTOCOL), async (c) => {
    const input = await readJson(c, transitionSchema);
    return c.json({
      delegation: publicFields(await transitionDelegation(ctxOf(c), c.req.param("id"), input)),
    });
  });

  app.post("/api/v1/delegations/:id/notes", requireRole(PROTOCOL), async (c) => {
    const { body } = await readJson(c, z.strictObject({ body: z.string().trim().min(1).max(4000) }));
    return c.json({ note: await addNote(ctxOf(c), c.req.param("id"), body) }, 201);
  });

  app.get("/api/v1/delegations/:id/participants", async (c) => {
    const db = c.get("deps").db;
    const d = await getDelegation(db, c.req.param("id"));
    const rows = await listParticipants(db, d.id);
    if (c.req.query("format") === "csv") {
      const csv = rosterToCsv(
        rows.map((p) => ({ ...p, rank: p.precedenceRank })),
        { language: c.get("locale"), separator: c.req.query("sep") === ";" ? ";" : "," },
      );
      return c.body(csv, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${d.code}-peserta.csv"`,
      });
    }
    return c.json({ participants: rows });
  });

  app.post("/api/v1/delegations/:id/participants/import", requireRole(PROTOCOL), async (c) => {
    const type = c.req.header("Content-Type") ?? "";
    if (!type.startsWith("text/csv") && !type.startsWith("text/plain"))
      throw new AppError("validation_failed", {
        details: { fields: { _: ["Content-Type must be text/csv"] } },
      });
    const result = await importParticipants(ctxOf(c), c.req.param("id"), await c.req.text());
    return c.json(result, 201);
  });

  app.post("/api/v1/delegations/:id/participants", requireRole(PROTOCOL), async (c) => {
    const input = await readJson(c, participantInputSchema);
    return c.json({ participant: await addParticipant(ctxOf(c), c.req.param("id"), input) }, 201);
  });

  app.patch("/api/v1/delegations/:id/participants/:pid", requireRole(PROTOCOL), async (c) => {
    const patch = await readJson(c, participantPatchSchema);
    return c.json({
      participant: await updateParticipant(ctxOf(c), c.req.param("id"), c.req.param("pid"), patch),
    });
  });

  app.delete("/api/v1/delegations/:id/participants/:pid", requireRole(PROTOCOL), async (c) => {
    await deleteParticipant(ctxOf(c), c.req.param("id"), c.req.param("pid"));
    return c.body(null, 204);
  });

  return app;
}
