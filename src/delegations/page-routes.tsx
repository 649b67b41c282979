/**
 * @module Staff pages for delegations: the inbox, recording a delegation, the detail page with actions,
 * edits (stale edits show the other person's values), transitions, notes and the letter download.
 * Any staff role may look; protocol and admin act. Roster and topic pages are mounted from here too.
 */
import { Hono } from "hono";
import { DetailPage, type DetailProps } from "../../views/pages/delegations/detail";
import { InboxPage } from "../../views/pages/delegations/inbox";
import { StalePage } from "../../views/pages/delegations/stale";
import { RequestForm } from "../../views/pages/public/request-form";
import { actorOf, requireRole } from "../auth/guard";
import { hasRole, PROTOCOL, STAFF } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { type FieldErrors, fieldErrors, parseWith, readQuery } from "../http/validate";
import type { MessageKey } from "../i18n/dictionary";
import { statusKey } from "../i18n/keys";
import { findProvince, findRegency, listProvinces } from "../regions/regions";
import { addNote, updateDelegation } from "./edit";
import { delegationInputSchema, inputToFormValues } from "./input-schema";
import { createDelegation, type DelegationRow, statusUrlOf } from "./intake";
import { transitionDelegation, transitionSchema } from "./lifecycle";
import { listParticipants } from "./participants";
import { formBasics, toFormErrors } from "./public-routes";
import {
  countByStatus,
  findDuplicates,
  getDelegation,
  inboxQuerySchema,
  letterFile,
  letterInfo,
  listDelegations,
  listNotes,
  timeline,
} from "./queries";
import { rosterRoutes } from "./roster-routes";
import { checkSubmission, readSubmission } from "./submission";
import { topicRoutes } from "./topic-routes";
import { listTopics, topicName } from "./topics";

export function originLabel(d: Pick<DelegationRow, "provinceCode" | "regencyCode">): string {
  const regency = d.regencyCode ? findRegency(d.regencyCode)?.name : undefined;
  const province = d.provinceCode ? findProvince(d.provinceCode)?.name : undefined;
  return [regency, province].filter(Boolean).join(", ") || "—";
}

function ctxOf(c: AppContext) {
  const { db, clock, config } = c.get("deps");
  return { db, actor: actorOf(c), now: clock(), notifyBaseUrl: config.baseUrl, config };
}

const canAct = (c: AppContext) => {
  const user = c.get("user");
  return !!user && hasRole(user.role, PROTOCOL);
};

export async function showDetail(
  c: AppContext,
  id: string,
  extra: Partial<DetailProps> = {},
  status: 200 | 400 | 409 = 200,
) {
  const db = c.get("deps").db;
  const d = await getDelegation(db, id);
  const [letter, duplicates, notes, events, participants, topics] = await Promise.all([
    letterInfo(db, id),
    findDuplicates(db, d),
    listNotes(db, id),
    timeline(db, id),
    listParticipants(db, id),
    listTopics(db),
  ]);
  const locale = c.get("locale");
  const topicNames = d.topics.map((tid) => {
    const tp = topics.find((x) => x.id === tid);
    return tp ? topicName(tp, locale) : tid;
  });
  return renderPage(
    c,
    `${d.code} · ${d.institution}`,
    <DetailPage
      ctx={pageContext(c)}
      d={d}
      origin={originLabel(d)}
      topicNames={topicNames}
      letter={letter}
      duplicates={duplicates}
      notes={notes}
      events={events}
      participantCount={participants.length}
      canAct={canAct(c)}
      {...extra}
    />,
    status,
  );
}

/** The page for a stale edit: the current record's values next to what the user typed. */
export async function showStale(
  c: AppContext,
  id: string,
  yours: Record<string, string>,
  reloadHref: string,
) {
  const db = c.get("deps").db;
  const d = await getDelegation(db, id);
  const events = await timeline(db, id);
  const last = events[events.length - 1];
  const current = inputToFormValues(d);
  const t = c.get("t");
  const fields: [string, MessageKey][] = [
    ["institution", "requests.institution"],
    ["leaderName", "requests.leaderName"],
    ["leaderTitle", "requests.leaderTitle"],
    ["purpose", "requests.purpose"],
    ["expectedSize", "requests.expectedSize"],
    ["preferredStart", "requests.preferredStart"],
    ["preferredEnd", "requests.preferredEnd"],
    ["contactName", "requests.contactName"],
    ["contactEmail", "requests.contactEmail"],
    ["contactPhone", "requests.contactPhone"],
    ["letterNumber", "requests.letterNumber"],
    ["notes", "requests.notes"],
    ["status", "field.status"],
  ];
  const rows = fields
    .filter(([k]) => k in yours || k === "status")
    .map(([k, label]) => ({ label: t(label), yours: yours[k] ?? "", current: current[k] ?? "" }));
  return renderPage(
    c,
    t("delegations.staleTitle"),
    <StalePage
      ctx={pageContext(c)}
      who={last?.actorLabel ?? "?"}
      version={d.version}
      rows={rows}
      reloadHref={reloadHref}
    />,
    409,
  );
}

export function delegationPageRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/delegations", requireRole(STAFF));
  app.use("/delegations/*", requireRole(STAFF));

  app.get("/delegations", async (c) => {
    const db = c.get("deps").db;
    const query = readQuery(c, inboxQuerySchema);
    const [rows, counts, topics] = await Promise.all([
      listDelegations(db, query),
      countByStatus(db),
      listTopics(db),
    ]);
    return renderPage(
      c,
      c.get("t")("delegations.title"),
      <InboxPage
        ctx={pageContext(c)}
        rows={rows}
        counts={counts}
        query={query}
        provinces={listProvinces()}
        topics={topics.map((tp) => ({ id: tp.id, name: topicName(tp, c.get("locale")) }))}
        canAct={canAct(c)}
        originOf={originLabel}
      />,
    );
  });

  app.get("/delegations/new", requireRole(PROTOCOL), async (c) => {
    const basics = await formBasics(c);
    return renderPage(
      c,
      c.get("t")("delegations.new"),
      <>
        <p class="muted">{c.get("t")("delegations.newIntro")}</p>
        <RequestForm
          ctx={pageContext(c)}
          action="/delegations/new"
          values={{}}
          selectedTopics={[]}
          staff
          {...basics}
          submitLabel={c.get("t")("action.save")}
        />
      </>,
    );
  });

  app.post("/delegations/new", requireRole(PROTOCOL), async (c) => {
    const raw = await readSubmission(c);
    const checked = await checkSubmission(c, raw, { leadTime: false });
    if (!checked.ok) {
      const basics = await formBasics(c);
      return renderPage(
        c,
        c.get("t")("delegations.new"),
        <RequestForm
          ctx={pageContext(c)}
          action="/delegations/new"
          values={raw.values}
          selectedTopics={raw.topics}
          errors={toFormErrors(checked.errors)}
          staff
          {...basics}
          submitLabel={c.get("t")("action.save")}
        />,
        400,
      );
    }
    const { delegation, token } = await createDelegation(ctxOf(c), checked.input, {
      source: "staff",
      letter: checked.letter,
    });
    return showDetail(c, delegation.id, {
      notice: c.get("t")("delegations.created", { code: delegation.code }),
      statusUrl: statusUrlOf(c.get("deps").config.baseUrl, delegation.code, token),
    });
  });

  app.get("/delegations/:id", (c) => showDetail(c, c.req.param("id")));

  app.get("/delegations/:id/letter", async (c) => {
    const file = await letterFile(c.get("deps").db, c.req.param("id"));
    return c.body(new Uint8Array(file.data), 200, {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    });
  });

  const editForm = async (
    c: AppContext,
    d: DelegationRow,
    values: Record<string, string>,
    topics: string[],
    errors?: FieldErrors,
    status: 200 | 400 = 200,
  ) => {
    const basics = await formBasics(c);
    return renderPage(
      c,
      `${c.get("t")("delegations.edit")} · ${d.code}`,
      <RequestForm
        ctx={pageContext(c)}
        action={`/delegations/${d.id}/edit`}
        values={values}
        selectedTopics={topics}
        errors={errors}
        staff
        hidden={{ version: String(d.version) }}
        {...basics}
        submitLabel={c.get("t")("action.save")}
      />,
      status,
    );
  };

  app.get("/delegations/:id/edit", requireRole(PROTOCOL), async (c) => {
    const d = await getDelegation(c.get("deps").db, c.req.param("id"));
    return editForm(c, d, inputToFormValues(d), d.topics);
  });

  app.post("/delegations/:id/edit", requireRole(PROTOCOL), async (c) => {
    const id = c.req.param("id");
    const d = await getDelegation(c.get("deps").db, id);
    const raw = await readSubmission(c);
    const version = Number(raw.values.version);
    const parsed = parseWith(delegationInputSchema, raw.input, c.get("locale"));
    if (!parsed.success) {
      return editForm(
        c,
        { ...d, version },
        raw.values,
        raw.topics,
        toFormErrors(fieldErrors(parsed.error.issues, c.get("locale"))),
        400,
      );
    }
    const { website: _w, ...input } = parsed.data;
    try {
      await updateDelegation(ctxOf(c), id, { ...input, version });
    } catch (error) {
      if (error instanceof AppError && error.code === "stale")
        return showStale(c, id, raw.values, `/delegations/${id}/edit`);
      throw error;
    }
    return showDetail(c, id, { notice: c.get("t")("delegations.saved") });
  });

  app.post("/delegations/:id/transition", requireRole(PROTOCOL), async (c) => {
    const id = c.req.param("id");
    const body = await c.req.parseBody();
    const s = (k: string) => (typeof body[k] === "string" ? (body[k] as string).trim() : "");
    const range = (a: string, b: string) => (s(a) ? { start: s(a), end: s(b) || undefined } : undefined);
    const to = s("to");
    const ranges = [range("start", "end"), range("start2", "end2")].filter((r) => r !== undefined);
    const input = {
      to,
      version: Number(s("version")) || undefined,
      ...(s("reason") ? { reason: s("reason") } : {}),
      ...(s("message") ? { message: s("message") } : {}),
      ...(ranges.length > 0 ? { dates: to === "confirmed" ? ranges[0] : ranges } : {}),
    };
    const parsed = parseWith(transitionSchema, input, c.get("locale"));
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error.issues, c.get("locale"));
      return showDetail(c, id, { errors: { ...errors, _: Object.values(errors).flat() } }, 400);
    }
    try {
      const d = await transitionDelegation(ctxOf(c), id, parsed.data);
      return showDetail(c, id, {
        notice: c.get("t")("transition.done", {
          status: c.get("t")(statusKey(d.status)),
        }),
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "stale") return showStale(c, id, { status: to }, `/delegations/${id}`);
      const message = c.get("t")(error.messageKey, error.params);
      if (error.code === "conflict") return showDetail(c, id, { error: message }, 409);
      if (error.code === "validation_failed") return showDetail(c, id, { error: message }, 400);
      throw error;
    }
  });

  app.post("/delegations/:id/notes", requireRole(PROTOCOL), async (c) => {
    const id = c.req.param("id");
    const body = await c.req.parseBody();
    const text = typeof body.body === "string" ? body.body.trim() : "";
    if (!text || text.length > 4000)
      return showDetail(c, id, { errors: { _: [c.get("t")("error.required")] } }, 400);
    await addNote(ctxOf(c), id, text);
    return showDetail(c, id, { notice: c.get("t")("delegations.noteAdded") });
  });

  app.route("/", rosterRoutes());
  app.route("/", topicRoutes());
  return app;
}
