/**
 * @module The public intake API (no sign-in): submit a visit request at /api/v1/requests (rate-limited per
 * IP), follow it with its private token, and the active topics at /api/v1/topics.
 */
import { z } from "zod";
import { apiRoute, featureApi, json, selfValidatedBody } from "../http/api";
import { AppError } from "../http/errors";
import { serviceContext } from "../http/service-context";
import { publicStatusOut, topicOut } from "./api-schemas";
import { delegationInputSchema } from "./input-schema";
import { createDelegation, findByStatusToken, statusUrlOf } from "./intake";
import { limitRequests } from "./request-limit";
import { publicHistory } from "./status-view";
import { checkSubmission, readSubmission } from "./submission";
import { listTopics } from "./topics";

const submit = apiRoute({
  method: "post",
  path: "/",
  operationId: "submitVisitRequest",
  summary:
    "Submit a visit request (public, rate-limited per IP). JSON, optionally with letterFile {fileName, dataBase64} (PDF/JPEG/PNG ≤ 5 MB, type checked by content), or multipart like the form.",
  tag: "requests",
  errors: [429],
  request: { body: selfValidatedBody(["application/json", "multipart/form-data"], delegationInputSchema) },
  responses: { 201: json(z.object({ code: z.string(), statusUrl: z.url() }), "Received") },
});

const status = apiRoute({
  method: "get",
  path: "/{code}",
  operationId: "getVisitRequestStatus",
  summary: "A request's status via its private token (public; a wrong token is 404)",
  tag: "requests",
  request: {
    params: z.object({ code: z.string() }),
    query: z.object({ token: z.string().max(200).optional() }),
  },
  responses: { 200: json(publicStatusOut) },
});

export function requestsApi() {
  const app = featureApi();

  app.openapi(submit, async (c) => {
    await limitRequests(c);
    const checked = await checkSubmission(c, await readSubmission(c), { leadTime: true });
    if (!checked.ok) throw new AppError("validation_failed", { details: { fields: checked.errors } });
    const { baseUrl } = c.get("deps").config;
    const { delegation, token } = await createDelegation(
      { ...serviceContext(c), notifyBaseUrl: baseUrl },
      checked.input,
      { source: "public_form", letter: checked.letter },
    );
    return c.json({ code: delegation.code, statusUrl: statusUrlOf(baseUrl, delegation.code, token) }, 201);
  });

  app.openapi(status, async (c) => {
    const { token } = c.req.valid("query");
    const d = await findByStatusToken(c.get("deps").db, c.req.valid("param").code, token ?? "");
    if (!d) throw new AppError("not_found");
    c.header("Cache-Control", "no-store");
    const history = await publicHistory(c.get("deps").db, d.id);
    return c.json(
      {
        code: d.code,
        status: d.status,
        institution: d.institution,
        preferredDates: d.preferredDates,
        alternativeDates: d.alternativeDates,
        proposedDates: d.proposedDates,
        confirmedDates: d.confirmedDates,
        publicMessage: d.publicMessage,
        language: d.language,
        history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
      },
      200,
    );
  });

  return app;
}

const topics = apiRoute({
  method: "get",
  path: "/",
  operationId: "listTopics",
  summary: "Active visit topics (public)",
  tag: "requests",
  responses: { 200: json(z.object({ topics: z.array(topicOut) })) },
});

export function topicsApi() {
  const app = featureApi();
  app.openapi(topics, async (c) => {
    const rows = await listTopics(c.get("deps").db, { activeOnly: true });
    return c.json({ topics: rows.map(({ id, nameId, nameEn }) => ({ id, nameId, nameEn })) }, 200);
  });
  return app;
}
