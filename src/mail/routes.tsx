/**
 * @module Mail routes: the delegation's invitations page and action, the outbox (admin/protocol) with
 * retry and cancel, the NOT-SENT mail preview, and the JSON API under /api/v1.
 */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { delegations } from "../../db/schema/delegations";
import { OUTBOX_STATUSES } from "../../db/schema/outbox";
import { InvitationsPage } from "../../views/pages/mail/invitations";
import { OutboxPage } from "../../views/pages/mail/outbox";
import { MailPreviewPage } from "../../views/pages/mail/preview";
import { recordAudit } from "../audit/record";
import { actorOf, requireRole } from "../auth/guard";
import { PROTOCOL } from "../auth/roles";
import { confirmStep, isConfirmed } from "../http/confirm-step";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import type { RouteDoc } from "../http/openapi";
import { pageContext, renderPage } from "../http/render";
import { readForm, readQuery } from "../http/validate";
import { MAIL_STATES } from "./delivery-state";
import { planInvitations, sendInvitations } from "./invitations";
import { cancelMessage, countByState, listOutbox, type OutboxRow, retryMessage } from "./outbox";
import { PREVIEW_NAME } from "./preview";

const outboxOut = z.object({
  id: z.string(),
  kind: z.string(),
  delegationId: z.string().nullable(),
  itemId: z.string().nullable(),
  to: z.object({ name: z.string(), email: z.string() }),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.int(),
  nextAttemptAt: z.iso.datetime(),
  lastError: z.string().nullable(),
  messageId: z.string(),
  calendar: z.object({ method: z.string(), sequence: z.int(), uid: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});

const statusQuery = z.strictObject({ status: z.enum(OUTBOX_STATUSES).optional() });

export const mailApiDocs: RouteDoc[] = [
  {
    method: "post",
    path: "/delegations/{id}/invitations/send",
    summary:
      "Queue every pending invitation, update (raised SEQUENCE) and withdrawal (CANCEL) of a delegation",
    tag: "mail",
    roles: PROTOCOL,
    status: 202,
    response: z.object({ queued: z.int() }),
  },
  {
    method: "get",
    path: "/outbox",
    summary: "Outbox messages, newest first, optionally by status",
    tag: "mail",
    roles: PROTOCOL,
    query: statusQuery,
    response: z.object({ messages: z.array(outboxOut) }),
  },
  {
    method: "post",
    path: "/outbox/{id}/retry",
    summary: "Queue a failed or cancelled message again (fresh attempt budget)",
    tag: "mail",
    roles: PROTOCOL,
    response: z.object({ message: outboxOut }),
  },
  {
    method: "post",
    path: "/outbox/{id}/cancel",
    summary: "Cancel a queued or failed message",
    tag: "mail",
    roles: PROTOCOL,
    response: z.object({ message: outboxOut }),
  },
];

function toJson(r: OutboxRow) {
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
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  };
}

function sendCtx(c: AppContext) {
  const { db, clock, config } = c.get("deps");
  return {
    db,
    now: clock(),
    baseUrl: config.baseUrl,
    actor: actorOf(c),
    organizer: { name: config.organizerName, email: config.organizerEmail, phone: config.organizerPhone },
    hostTimeZone: config.hostTimeZone,
  };
}

function staffCtx(c: AppContext) {
  const { db, clock } = c.get("deps");
  return { db, now: clock(), actor: actorOf(c) };
}

async function invitationsPage(
  c: AppContext,
  extra: { notice?: string; error?: string } = {},
  status: 200 | 409 = 200,
) {
  const id = c.req.param("id") as string;
  const { db } = c.get("deps");
  const plan = await planInvitations(db.orm, id, c.get("deps").config.hostTimeZone);
  const history = await listOutbox(db.orm, { delegationId: id, limit: 100 });
  const first = history.find((h) => h.kind === "invitation" || h.kind === "update");
  return renderPage(
    c,
    c.get("t")("mail.inv.title", { code: plan.delegation.code }),
    <InvitationsPage
      ctx={pageContext(c)}
      plan={plan}
      history={history}
      preview={first ? { subject: first.subject, text: first.text } : undefined}
      {...extra}
    />,
    status,
  );
}

const stateQuery = z.strictObject({
  status: z.enum(MAIL_STATES).optional(),
  done: z.enum(["retried", "cancelled"]).optional(),
  lang: z.string().optional(),
});

async function outboxPage(c: AppContext) {
  const { db, mail } = c.get("deps");
  const { status, done } = readQuery(c, stateQuery);
  const t = c.get("t");
  const notice =
    done === "retried"
      ? t("mail.outbox.retried")
      : done === "cancelled"
        ? t("mail.outbox.cancelled")
        : undefined;
  const rows = await listOutbox(db.orm, { state: status });
  const counts = await countByState(db.orm);
  return renderPage(
    c,
    c.get("t")("mail.outbox.title"),
    <OutboxPage
      ctx={pageContext(c)}
      rows={rows}
      counts={counts}
      status={status}
      notice={notice}
      fileMode={mail?.transport.kind === "file"}
    />,
  );
}

export function mailRoutes() {
  const app = new Hono<AppEnv>();
  for (const path of [
    "/delegations/:id/invitations",
    "/delegations/:id/invitations/*",
    "/admin/outbox",
    "/admin/outbox/*",
  ]) {
    app.use(path, requireRole(PROTOCOL));
  }
  for (const path of ["/api/v1/delegations/:id/invitations/*", "/api/v1/outbox", "/api/v1/outbox/*"]) {
    app.use(path, requireRole(PROTOCOL));
  }
  // The preview holds the same live status and itinerary links as the outbox: the same roles.
  app.use("/mail/preview", requireRole(PROTOCOL));
  app.use("/mail/preview/*", requireRole(PROTOCOL));

  app.get("/delegations/:id/invitations", (c) => invitationsPage(c));

  app.post("/delegations/:id/invitations/send", async (c) => {
    const t = c.get("t");
    if (!(await isConfirmed(c))) {
      const id = c.req.param("id");
      const d = await c.get("deps").db.orm.query.delegations.findFirst({ where: eq(delegations.id, id) });
      if (!d) throw new AppError("not_found");
      return confirmStep(c, {
        message: t("confirm.sendInvitations", { code: d.code }),
        back: `/delegations/${id}/invitations`,
        danger: false,
      });
    }
    try {
      const { queued } = await sendInvitations(sendCtx(c), c.req.param("id"));
      return invitationsPage(c, {
        notice: queued > 0 ? t("mail.inv.queued", { count: queued }) : t("mail.inv.nothing"),
      });
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict") {
        return invitationsPage(c, { error: t(error.messageKey, error.params) }, 409);
      }
      throw error;
    }
  });

  app.post("/delegations/:id/invitations/auto-notices", async (c) => {
    const form = await readForm(c, z.object({ enabled: z.enum(["true", "false"]) }));
    if (!form.ok) throw new AppError("validation_failed", { details: { fields: form.errors } });
    const id = c.req.param("id");
    const { db, clock } = c.get("deps");
    const enabled = form.data.enabled === "true";
    await db.writeTransaction(async (tx) => {
      const d = await tx.query.delegations.findFirst({ where: eq(delegations.id, id) });
      if (!d) throw new AppError("not_found");
      if (d.autoNotices === enabled) return;
      const now = clock();
      await tx
        .update(delegations)
        .set({ autoNotices: enabled, version: d.version + 1, updatedAt: now })
        .where(eq(delegations.id, id));
      await recordAudit(tx, {
        actor: actorOf(c),
        action: "delegation.auto_notices",
        entityType: "delegation",
        entityId: id,
        before: { autoNotices: d.autoNotices },
        after: { autoNotices: enabled },
        now,
      });
    });
    return c.redirect(`/delegations/${id}/invitations`, 303);
  });

  app.get("/admin/outbox", (c) => outboxPage(c));
  app.post("/admin/outbox/:id/retry", async (c) => {
    await retryMessage(staffCtx(c), c.req.param("id"));
    return c.redirect("/admin/outbox?done=retried", 303);
  });
  app.post("/admin/outbox/:id/cancel", async (c) => {
    await cancelMessage(staffCtx(c), c.req.param("id"));
    return c.redirect("/admin/outbox?done=cancelled", 303);
  });

  app.get("/mail/preview", async (c) => {
    const { mail } = c.get("deps");
    const entries = (await mail?.preview?.list()) ?? [];
    return renderPage(
      c,
      c.get("t")("mail.preview.title"),
      <MailPreviewPage
        ctx={pageContext(c)}
        transport={mail?.transport ?? { kind: "file", description: "—" }}
        entries={entries}
      />,
    );
  });

  const readPreview = async (c: AppContext) => {
    const name = c.req.param("name") ?? "";
    const entry = PREVIEW_NAME.test(name) ? await c.get("deps").mail?.preview?.read(name) : null;
    if (!entry) throw new AppError("not_found");
    return entry;
  };

  app.get("/mail/preview/:name", async (c) => {
    const { mail } = c.get("deps");
    const selected = await readPreview(c);
    const entries = (await mail?.preview?.list()) ?? [];
    return renderPage(
      c,
      c.get("t")("mail.preview.title"),
      <MailPreviewPage
        ctx={pageContext(c)}
        transport={mail?.transport ?? { kind: "file", description: "—" }}
        entries={entries}
        selected={selected}
      />,
    );
  });

  app.get("/mail/preview/:name/html", async (c) => {
    const entry = await readPreview(c);
    // The mail's own HTML, sandboxed: no script, no network, its inline styles only.
    c.header(
      "Content-Security-Policy",
      "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    c.header("Cache-Control", "no-store");
    return c.html(entry.html);
  });

  app.get("/mail/preview/:name/raw", async (c) => {
    const entry = await readPreview(c);
    c.header("Content-Disposition", `attachment; filename="${entry.name}"`);
    c.header("Cache-Control", "no-store");
    return c.body(entry.raw, 200, { "Content-Type": "message/rfc822" });
  });

  app.post("/api/v1/delegations/:id/invitations/send", async (c) => {
    const result = await sendInvitations(sendCtx(c), c.req.param("id"));
    return c.json(result, 202);
  });

  app.get("/api/v1/outbox", async (c) => {
    const { status } = readQuery(c, statusQuery);
    const rows = await listOutbox(c.get("deps").db.orm, { status });
    return c.json({ messages: rows.map(toJson) });
  });

  app.post("/api/v1/outbox/:id/retry", async (c) =>
    c.json({ message: toJson(await retryMessage(staffCtx(c), c.req.param("id"))) }),
  );
  app.post("/api/v1/outbox/:id/cancel", async (c) =>
    c.json({ message: toJson(await cancelMessage(staffCtx(c), c.req.param("id"))) }),
  );

  return app;
}
