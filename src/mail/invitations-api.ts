/**
 * @module JSON API of a delegation's invitations (/api/v1/delegations/{id}/invitations), protocol staff:
 * the recipients (with their default form and last message), a preview of exactly the mails a send would
 * queue, and the send. The recipient choice is validated: a malformed or unknown recipient is a 400 with
 * field details, and nothing is queued.
 */
import { z } from "@hono/zod-openapi";
import { OUTBOX_STATUSES } from "../../db/schema/outbox";
import { PROTOCOL } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import { INVITATION_FORMS, recipientChoiceSchema } from "./invitation-recipients";
import { planInvitations, previewInvitations, sendInvitations } from "./invitations";
import { listOutbox } from "./outbox";
import { sendContextOf } from "./send-context";

const KINDS = ["itinerary", "invitation", "update", "withdrawal"] as const;

const choiceBody = z.strictObject({
  recipients: z
    .array(recipientChoiceSchema)
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: "Who gets what; omitted: everyone, each in their default form" }),
});
const sendBody = choiceBody.extend({
  basis: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: "From the preview: refuse (409) if the send would now differ from it" }),
});
const body = <S extends z.ZodType>(schema: S) => ({
  required: false,
  content: { "application/json": { schema } },
});

const idParam = z.object({ id: z.string() });

const recipientOut = z.object({
  key: z.string(),
  role: z.enum(["contact", "participant", "host"]),
  name: z.string(),
  email: z.email(),
  defaultForm: z.enum(INVITATION_FORMS),
  last: z
    .object({
      kind: z.string(),
      status: z.enum(OUTBOX_STATUSES),
      subject: z.string(),
      createdAt: z.iso.datetime(),
    })
    .nullable(),
});

const mailOut = z.object({
  key: z.string(),
  to: z.object({ name: z.string(), email: z.email() }),
  kind: z.enum(KINDS),
  subject: z.string(),
  text: z.string(),
  attachments: z.array(z.string()),
});

const list = apiRoute({
  method: "get",
  path: "/",
  operationId: "listInvitationRecipients",
  summary: "Who may receive the delegation's invitations, their default form and their last message",
  tag: "mail",
  roles: PROTOCOL,
  request: { params: idParam },
  responses: { 200: json(z.object({ recipients: z.array(recipientOut) })) },
});

const preview = apiRoute({
  method: "post",
  path: "/preview",
  operationId: "previewInvitations",
  summary: "The mails a send with this choice would queue now, exactly as composed; queues nothing",
  tag: "mail",
  roles: PROTOCOL,
  errors: [409],
  request: { params: idParam, body: body(choiceBody) },
  responses: { 200: json(z.object({ basis: z.string(), mails: z.array(mailOut) })) },
});

const send = apiRoute({
  method: "post",
  path: "/send",
  operationId: "sendInvitations",
  summary: "Queue the invitations for the chosen recipients in the chosen form (nothing already sent)",
  tag: "mail",
  roles: PROTOCOL,
  errors: [409],
  request: { params: idParam, body: body(sendBody) },
  responses: {
    202: json(
      z.object({ queued: z.int(), messages: z.array(z.object({ key: z.string(), id: z.string() })) }),
      "Queued",
    ),
  },
});

export function invitationsApi() {
  const app = featureApi();
  app.openapi(list, async (c) => {
    const { id } = c.req.valid("param");
    const { db, config } = c.get("deps");
    const plan = await planInvitations(db.orm, id, config.hostTimeZone);
    const history = await listOutbox(db.orm, { delegationId: id, limit: 200 });
    const recipients = plan.candidates.map((r) => {
      const last = history.find(
        (h) => h.toEmail === r.email && (KINDS as readonly string[]).includes(h.kind),
      );
      return {
        key: r.key,
        role: r.role,
        name: r.name,
        email: r.email,
        defaultForm: r.defaultForm,
        last: last
          ? {
              kind: last.kind,
              status: last.status,
              subject: last.subject,
              createdAt: last.createdAt.toISOString(),
            }
          : null,
      };
    });
    return c.json({ recipients }, 200);
  });
  app.openapi(preview, async (c) => {
    const input = c.req.valid("json") ?? {};
    const result = await previewInvitations(sendContextOf(c), c.req.valid("param").id, input.recipients);
    const mails = result.mails.map(({ html: _h, ...m }) => m);
    return c.json({ basis: result.basis, mails }, 200);
  });
  app.openapi(send, async (c) => {
    const input = c.req.valid("json") ?? {};
    const result = await sendInvitations(sendContextOf(c), c.req.valid("param").id, input.recipients, {
      basis: input.basis,
    });
    return c.json(result, 202);
  });
  return app;
}
