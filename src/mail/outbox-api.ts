/**
 * @module JSON API of the outbox (/api/v1/outbox) for protocol staff: list (optionally by status), retry a
 * failed or cancelled message, cancel a queued one. Each endpoint declared once with `apiRoute`.
 */
import { z } from "@hono/zod-openapi";
import { OUTBOX_STATUSES } from "../../db/schema/outbox";
import { PROTOCOL } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import { serviceContext } from "../http/service-context";
import { cancelMessage, listOutbox, type OutboxRow, retryMessage } from "./outbox";

export const outboxMessageOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    delegationId: z.string().nullable(),
    itemId: z.string().nullable(),
    to: z.object({ name: z.string(), email: z.email() }),
    subject: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.int(),
    nextAttemptAt: z.iso.datetime(),
    lastError: z.string().nullable(),
    messageId: z.string(),
    calendar: z
      .object({ method: z.enum(["REQUEST", "CANCEL"]), sequence: z.int(), uid: z.string() })
      .nullable(),
    attachments: z.array(z.string()).openapi({ description: "File names of the attachments" }),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
  })
  .openapi("OutboxMessage");

export function outboxMessageJson(r: OutboxRow): z.infer<typeof outboxMessageOut> {
  return {
    id: r.id,
    kind: r.kind,
    delegationId: r.delegationId,
    itemId: r.itemId,
    to: { name: r.toName, email: r.toEmail },
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    lastError: r.lastError,
    messageId: r.messageId,
    calendar:
      r.icsMethod && r.icsUid ? { method: r.icsMethod, sequence: r.icsSequence ?? 0, uid: r.icsUid } : null,
    attachments: (r.attachments ?? []).map((a) => a.filename),
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  };
}

const idParam = z.object({ id: z.string() });
const one = json(z.object({ message: outboxMessageOut }));

const list = apiRoute({
  method: "get",
  path: "/",
  operationId: "listOutbox",
  summary: "Outbox messages, newest first, optionally by status",
  tag: "mail",
  roles: PROTOCOL,
  request: { query: z.strictObject({ status: z.enum(OUTBOX_STATUSES).optional() }) },
  responses: { 200: json(z.object({ messages: z.array(outboxMessageOut) })) },
});

const retry = apiRoute({
  method: "post",
  path: "/{id}/retry",
  operationId: "retryOutboxMessage",
  summary: "Queue a failed or cancelled message again (fresh attempt budget)",
  tag: "mail",
  roles: PROTOCOL,
  errors: [409],
  request: { params: idParam },
  responses: { 200: one },
});

const cancel = apiRoute({
  method: "post",
  path: "/{id}/cancel",
  operationId: "cancelOutboxMessage",
  summary: "Cancel a queued or failed message",
  tag: "mail",
  roles: PROTOCOL,
  errors: [409],
  request: { params: idParam },
  responses: { 200: one },
});

export function outboxApi() {
  const app = featureApi();
  app.openapi(list, async (c) => {
    const rows = await listOutbox(c.get("deps").db.orm, { status: c.req.valid("query").status });
    return c.json({ messages: rows.map(outboxMessageJson) }, 200);
  });
  app.openapi(retry, async (c) =>
    c.json(
      { message: outboxMessageJson(await retryMessage(serviceContext(c), c.req.valid("param").id)) },
      200,
    ),
  );
  app.openapi(cancel, async (c) =>
    c.json(
      { message: outboxMessageJson(await cancelMessage(serviceContext(c), c.req.valid("param").id)) },
      200,
    ),
  );
  return app;
}
