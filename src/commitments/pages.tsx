/**
 * @module Commitment pages under /commitments: the board (any staff role), one commitment with its
 * history, and — for humas, protocol and admin — adding, editing and moving a commitment along. Every
 * successful POST redirects (303); errors re-render the form with the input kept.
 */

import { Hono } from "hono";
import { z } from "zod";
import { BoardPage } from "../../views/pages/commitments/board";
import { CommitmentDetailPage } from "../../views/pages/commitments/detail";
import { CommitmentForm } from "../../views/pages/commitments/form";
import { actorText } from "../audit/describe";
import { loadAuditNames } from "../audit/names";
import { actorOf, currentUser, requireRole } from "../auth/guard";
import { FOLLOW_UP, hasRole, STAFF } from "../auth/roles";
import { getDelegation } from "../delegations/queries";
import { getHostSettings } from "../host-settings/service";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { auditedTransaction } from "../http/service-context";
import { type FieldErrors, fieldErrors, parseWith, readQuery } from "../http/validate";
import type { MessageKey } from "../i18n/dictionary";
import { hasMessage } from "../i18n/dictionary";
import { commitmentStatusKey } from "../i18n/keys";
import { findProvince } from "../regions/regions";
import { commitmentsCsv } from "./csv";
import {
  boardChoices,
  boardCounts,
  commitmentHistory,
  getCommitmentView,
  listCommitments,
  listStaffOwners,
} from "./queries";
import {
  boardQuerySchema,
  commitmentCreateSchema,
  commitmentPatchSchema,
  commitmentTransitionSchema,
} from "./schemas";
import { createCommitment, hostToday, transitionCommitment, updateCommitment } from "./service";

const NOTICES = {
  added: "commitments.added",
  saved: "humas.saved",
  moved: "commitments.transitioned",
} as const satisfies Record<string, MessageKey>;

const ctxOf = (c: AppContext) => {
  const { db, clock } = c.get("deps");
  const now = clock();
  return { now, transaction: auditedTransaction(db, actorOf(c), now) };
};

/** Form fields → the API's shape (blank → absent, checkbox → boolean). */
/** The history's actors by name ("Sistem Sambang", a person's name), not a stored label. */
async function historyInWords<T extends { actor: string; actorId: string | null }>(c: AppContext, rows: T[]) {
  const view = { t: c.get("t"), locale: c.get("locale"), timeZone: c.get("deps").config.hostTimeZone };
  const names = await loadAuditNames(
    c.get("deps").db.orm,
    rows.map((r) => ({ ...r, entityType: "", entityId: "" })),
  );
  return rows.map((r) => ({
    ...r,
    actor: actorText({ actorId: r.actorId, actorLabel: r.actor }, { ...view, names }),
  }));
}

function commitmentFromForm(form: Record<string, string | File | (string | File)[]>) {
  const s = (k: string) => (typeof form[k] === "string" ? (form[k] as string).trim() : "");
  const out: Record<string, unknown> = {
    what: s("what"),
    party: s("party"),
    targetDate: s("targetDate"),
    remindersEnabled: s("remindersEnabled") === "on",
  };
  for (const k of ["ownerUserId", "ownerName", "ownerEmail"]) out[k] = s(k) || null;
  const values = Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === "string")) as Record<
    string,
    string
  >;
  values.remindersEnabled = out.remindersEnabled ? "on" : "off";
  return { input: out, values };
}

async function boardQuery(c: AppContext) {
  const query = readQuery(c, boardQuerySchema);
  return { query, ownerUserId: query.owner === "me" ? currentUser(c).id : undefined };
}

export function commitmentPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(STAFF));

  app.get("/", async (c) => {
    const db = c.get("deps").db.orm;
    const { query, ownerUserId } = await boardQuery(c);
    const today = await hostToday(db, c.get("deps").clock());
    const [rows, counts, owners, choices] = await Promise.all([
      listCommitments(db, { ...query, ...(ownerUserId ? { owner: undefined, ownerUserId } : {}) }, today),
      boardCounts(db, today),
      listStaffOwners(db),
      boardChoices(db),
    ]);
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as [string, string][]);
    return renderPage(
      c,
      c.get("t")("commitments.boardTitle"),
      <BoardPage
        ctx={pageContext(c)}
        counts={counts}
        rows={rows}
        query={query}
        owners={owners}
        provinces={choices.provinceCodes.map((code) => ({ code, name: findProvince(code)?.name ?? code }))}
        delegations={choices.delegations}
        csvHref={`/commitments.csv${params.size > 0 ? `?${params}` : ""}`}
      />,
    );
  });

  const staffOf = (c: AppContext) => listStaffOwners(c.get("deps").db.orm);

  const newForm = async (
    c: AppContext,
    delegationId: string,
    values: Record<string, string>,
    errors?: FieldErrors,
    status: 200 | 400 = 200,
  ) => {
    const d = await getDelegation(c.get("deps").db, delegationId);
    return renderPage(
      c,
      `${c.get("t")("commitments.add")} · ${d.code}`,
      <>
        <p>
          <a href={`/delegations/${d.id}`}>{d.code}</a> · {d.institution}
        </p>
        <CommitmentForm
          ctx={pageContext(c)}
          action="/commitments"
          values={values}
          errors={errors}
          staff={await staffOf(c)}
          hidden={{ delegationId: d.id }}
          submitLabel={c.get("t")("commitments.add")}
        />
      </>,
      status,
    );
  };

  app.get("/new", requireRole(FOLLOW_UP), async (c) => {
    const { delegationId } = readQuery(c, z.object({ delegationId: z.string().min(1).max(100) }));
    return newForm(c, delegationId, { party: "visitor", remindersEnabled: "on" });
  });

  app.post("/", requireRole(FOLLOW_UP), async (c) => {
    const form = await c.req.parseBody();
    const delegationId = typeof form.delegationId === "string" ? form.delegationId : "";
    const { input, values } = commitmentFromForm(form);
    const parsed = parseWith(commitmentCreateSchema, { ...input, delegationId }, c.get("locale"));
    if (!parsed.success)
      return newForm(c, delegationId, values, fieldErrors(parsed.error.issues, c.get("locale")), 400);
    try {
      const { commitment } = await createCommitment(ctxOf(c), parsed.data);
      return c.redirect(`/commitments/${commitment.id}?notice=added`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === "validation_failed")
        return newForm(c, delegationId, values, translateFields(c, error.details), 400);
      throw error;
    }
  });

  const showOne = async (
    c: AppContext,
    id: string,
    extra: { values?: Record<string, string>; errors?: FieldErrors; error?: string } = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const db = c.get("deps").db.orm;
    const now = c.get("deps").clock();
    const settings = await getHostSettings(db);
    const commitment = await getCommitmentView(db, id, await hostToday(db, now));
    const notice = c.req.query("notice");
    const t = c.get("t");
    const noticeText =
      notice && notice in NOTICES
        ? t(NOTICES[notice as keyof typeof NOTICES], {
            status: t(commitmentStatusKey(commitment.status)),
          })
        : undefined;
    return renderPage(
      c,
      commitment.what.length > 70 ? `${commitment.what.slice(0, 67)}…` : commitment.what,
      <CommitmentDetailPage
        ctx={pageContext(c)}
        c={commitment}
        history={await historyInWords(c, await commitmentHistory(db, id))}
        canEdit={hasRole(currentUser(c).role, FOLLOW_UP)}
        staff={await staffOf(c)}
        notice={status === 200 ? noticeText : undefined}
        timeZone={settings.defaultTimeZone}
        {...extra}
      />,
      status,
    );
  };

  app.get("/:cid", (c) => showOne(c, c.req.param("cid")));

  app.post("/:cid/edit", requireRole(FOLLOW_UP), async (c) => {
    const id = c.req.param("cid");
    const form = await c.req.parseBody();
    const { input, values } = commitmentFromForm(form);
    const version = Number(form.version);
    const parsed = parseWith(commitmentPatchSchema, { ...input, version }, c.get("locale"));
    if (!parsed.success)
      return showOne(c, id, { values, errors: fieldErrors(parsed.error.issues, c.get("locale")) }, 400);
    return withErrors(c, id, values, async () => {
      await updateCommitment(ctxOf(c), id, parsed.data);
      return c.redirect(`/commitments/${id}?notice=saved`, 303);
    });
  });

  app.post("/:cid/transition", requireRole(FOLLOW_UP), async (c) => {
    const id = c.req.param("cid");
    const form = await c.req.parseBody();
    const s = (k: string) => (typeof form[k] === "string" ? (form[k] as string).trim() : "");
    const values = { evidenceUrl: s("evidenceUrl"), evidenceNote: s("evidenceNote"), reason: s("reason") };
    const parsed = parseWith(
      commitmentTransitionSchema,
      {
        to: s("to"),
        version: Number(s("version")),
        reason: s("reason") || null,
        evidence:
          s("evidenceUrl") || s("evidenceNote")
            ? { url: s("evidenceUrl") || null, note: s("evidenceNote") || null }
            : null,
      },
      c.get("locale"),
    );
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error.issues, c.get("locale"));
      // The form's fields are flat: evidence.url is the evidenceUrl box.
      if (errors["evidence.url"]) errors.evidenceUrl = errors["evidence.url"];
      return showOne(c, id, { values, errors }, 400);
    }
    return withErrors(c, id, values, async () => {
      await transitionCommitment(ctxOf(c), id, parsed.data);
      return c.redirect(`/commitments/${id}?notice=moved`, 303);
    });
  });

  /** A refused step or stale edit re-renders the page with the reason (409/400), input kept. */
  async function withErrors(
    c: AppContext,
    id: string,
    values: Record<string, string>,
    fn: () => Promise<Response>,
  ) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const t = c.get("t");
      if (error.code === "stale") {
        const version = (error.details as { currentVersion: number }).currentVersion;
        return showOne(c, id, { error: t("commitments.stale", { version }) }, 409);
      }
      if (error.code === "conflict")
        return showOne(c, id, { values, error: t(error.messageKey, error.params) }, 409);
      if (error.code === "validation_failed") {
        const errors = translateFields(c, error.details);
        if (errors.evidence) errors.evidenceUrl = errors.evidence;
        return showOne(c, id, { values, errors, error: t(error.messageKey, error.params) }, 400);
      }
      throw error;
    }
  }

  return app;
}

/** A service's field errors hold dictionary keys; pages show them in the request's language. */
function translateFields(c: AppContext, details: unknown): FieldErrors {
  const fields = ((details ?? {}) as { fields?: Record<string, string[]> }).fields ?? {};
  const t = c.get("t");
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, v.map((m) => (hasMessage(m) ? t(m) : m))]),
  );
}

/** GET /commitments.csv: the board's rows (same filters) as a spreadsheet file. */
export function commitmentCsvPage() {
  const app = new Hono<AppEnv>();
  app.get("/", requireRole(STAFF), async (c) => {
    const db = c.get("deps").db.orm;
    const { query, ownerUserId } = await boardQuery(c);
    const today = await hostToday(db, c.get("deps").clock());
    const rows = await listCommitments(
      db,
      { ...query, ...(ownerUserId ? { owner: undefined, ownerUserId } : {}) },
      today,
    );
    return c.body(commitmentsCsv(rows, c.get("t")), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="komitmen-${today}.csv"`,
      "Cache-Control": "private, no-store",
    });
  });
  return app;
}
