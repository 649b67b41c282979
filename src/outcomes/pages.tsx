/**
 * @module Outcome pages under /delegations/{id}/outcome (humas, protocol, admin): write the outcome, the
 * confirmation step to complete the visit, and (protocol, admin) reopening it with a reason. Successful
 * POSTs redirect (303) to the delegation page; errors re-render with the input kept.
 */
import { Hono } from "hono";
import { CompleteConfirmPage } from "../../views/pages/outcomes/complete-confirm";
import { DOC_ROWS, MEDIA_ROWS, OutcomeFormPage } from "../../views/pages/outcomes/outcome-form";
import { requireRole } from "../auth/guard";
import { FOLLOW_UP, PROTOCOL } from "../auth/roles";
import { getDelegation } from "../delegations/queries";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { type FieldErrors, fieldErrors, parseWith } from "../http/validate";
import { completeVisit, reopenVisit } from "./complete";
import { outcomeFromForm, outcomeToValues } from "./form";
import { outcomeInputSchema } from "./schemas";
import { attendanceCount, getOutcome, saveOutcome } from "./service";

async function showForm(
  c: AppContext,
  values?: Record<string, string>,
  errors?: FieldErrors,
  status: 200 | 400 | 409 = 200,
) {
  const db = c.get("deps").db;
  const d = await getDelegation(db, c.req.param("id") ?? "");
  const current = values ?? outcomeToValues(await getOutcome(db.orm, d.id));
  const used = (prefix: string) =>
    Object.keys(current).reduce((n, k) => {
      const m = new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(k);
      return m ? Math.max(n, Number(m[1]) + 2) : n;
    }, 0);
  return renderPage(
    c,
    `${c.get("t")("outcomes.title")} · ${d.code}`,
    <OutcomeFormPage
      ctx={pageContext(c)}
      delegation={d}
      values={current}
      errors={errors}
      attendance={await attendanceCount(db.orm, d.id)}
      mediaRows={Math.max(MEDIA_ROWS, used("media"))}
      docRows={Math.max(DOC_ROWS, used("documentation"))}
    />,
    status,
  );
}

async function showConfirm(c: AppContext, error?: string, status: 200 | 409 = 200) {
  const d = await getDelegation(c.get("deps").db, c.req.param("id") ?? "");
  return renderPage(
    c,
    c.get("t")("outcomes.completeTitle"),
    <>
      {error && (
        <div class="alert error" role="alert">
          {error}
        </div>
      )}
      <CompleteConfirmPage ctx={pageContext(c)} d={d} />
    </>,
    status,
  );
}

export function outcomePages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(FOLLOW_UP));

  app.get("/", (c) => showForm(c));

  app.post("/", async (c) => {
    const id = c.req.param("id") ?? "";
    const { input, values } = outcomeFromForm(await c.req.parseBody());
    const parsed = parseWith(outcomeInputSchema, input, c.get("locale"));
    if (!parsed.success) return showForm(c, values, fieldErrors(parsed.error.issues, c.get("locale")), 400);
    try {
      await saveOutcome(serviceContext(c), id, parsed.data);
    } catch (error) {
      if (error instanceof AppError && error.code === "stale") {
        const version = (error.details as { currentVersion: number }).currentVersion;
        return showForm(c, values, { _: [c.get("t")("outcomes.stale", { version })] }, 409);
      }
      throw error;
    }
    return c.redirect(`/delegations/${id}#outcome`, 303);
  });

  app.get("/complete", (c) => showConfirm(c));

  app.post("/complete", async (c) => {
    const id = c.req.param("id") ?? "";
    const body = await c.req.parseBody();
    try {
      await completeVisit(serviceContext(c), id, {
        version: Number(body.version),
        inviteParticipants: body.inviteParticipants === "yes",
      });
    } catch (error) {
      if (error instanceof AppError && (error.code === "conflict" || error.code === "stale"))
        return showConfirm(
          c,
          c.get("t")(error.code === "stale" ? "error.stale" : error.messageKey, error.params),
          409,
        );
      throw error;
    }
    return c.redirect(`/delegations/${id}#outcome`, 303);
  });

  app.post("/reopen", requireRole(PROTOCOL), async (c) => {
    const id = c.req.param("id") ?? "";
    const body = await c.req.parseBody();
    const reason = typeof body.reason === "string" ? body.reason.trim() : "";
    if (!reason || reason.length > 2000) return showConfirmReopenError(c, id);
    await reopenVisit(serviceContext(c), id, { reason, version: Number(body.version) });
    return c.redirect(`/delegations/${id}#outcome`, 303);
  });

  return app;
}

function showConfirmReopenError(c: AppContext, id: string) {
  return renderPage(
    c,
    c.get("t")("outcomes.reopen"),
    <div class="alert error" role="alert">
      {c.get("t")("outcomes.reopenReasonRequired")}{" "}
      <a href={`/delegations/${id}#outcome`}>{c.get("t")("action.cancel")}</a>
    </div>,
    400,
  );
}
