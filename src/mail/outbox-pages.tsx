/**
 * @module The outbox page (/admin/outbox) for protocol staff: messages by delivery state, retry and
 * cancel (each answers 303 back to the list).
 */
import { Hono } from "hono";
import { z } from "zod";
import { OutboxPage } from "../../views/pages/mail/outbox";
import { requireRole } from "../auth/guard";
import { PROTOCOL } from "../auth/roles";
import type { AppEnv } from "../http/context";
import { prefixParam } from "../http/feature";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { readQuery } from "../http/validate";
import { MAIL_STATES } from "./delivery-state";
import { cancelMessage, countByState, listOutbox, retryMessage } from "./outbox";

const stateQuery = z.strictObject({
  status: z.enum(MAIL_STATES).optional(),
  done: z.enum(["retried", "cancelled"]).optional(),
  lang: z.string().optional(),
});

export function outboxPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(PROTOCOL));

  app.get("/", async (c) => {
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
      t("mail.outbox.title"),
      <OutboxPage
        ctx={pageContext(c)}
        rows={rows}
        counts={counts}
        status={status}
        notice={notice}
        fileMode={mail?.transport.kind === "file"}
      />,
    );
  });

  app.post("/:id/retry", async (c) => {
    await retryMessage(serviceContext(c), prefixParam(c, "id"));
    return c.redirect("/admin/outbox?done=retried", 303);
  });
  app.post("/:id/cancel", async (c) => {
    await cancelMessage(serviceContext(c), prefixParam(c, "id"));
    return c.redirect("/admin/outbox?done=cancelled", 303);
  });
  return app;
}
