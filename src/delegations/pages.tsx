/**
 * @module Staff pages for delegations, mounted at /delegations: the inbox, recording a delegation, the
 * detail page with actions, edits (stale edits show the other person's values), transitions, notes and the
 * letter download. Any staff role may look; protocol and admin act. Each route carries its own guard: other
 * features (agenda, mail, roster) have pages under /delegations/{id}/… too.
 */
import { Hono } from "hono";
import type { DelegationStatus } from "../../db/schema/delegations";
import { InboxPage } from "../../views/pages/delegations/inbox";
import { RequestForm } from "../../views/pages/public/request-form";
import { requireRole } from "../auth/guard";
import { PROTOCOL, STAFF } from "../auth/roles";
import { confirmStep, isConfirmed } from "../http/confirm-step";
import { contentDisposition } from "../http/content-disposition";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { redirectWithFlash, takeFlash } from "../http/flash";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { type FieldErrors, fieldErrors, parseWith, readQuery } from "../http/validate";
import type { MessageKey } from "../i18n/dictionary";
import { statusKey } from "../i18n/keys";
import { followUpInbox } from "../outcomes/follow-up";
import { listProvinces } from "../regions/regions";
import { canAct, originLabel, showDetail, showStale } from "./detail-view";
import { addNote, updateDelegation } from "./edit";
import { delegationInputSchema, inputToFormValues } from "./input-schema";
import { createDelegation, type DelegationRow, statusUrlOf } from "./intake";
import { planTransition, type TransitionInput, transitionDelegation, transitionSchema } from "./lifecycle";
import { isOutsideDetails, showOutsideChoice } from "./outside-choice";
import { countByStatus, getDelegation, inboxQuerySchema, letterFile, listDelegations } from "./queries";
import { formBasics, toFormErrors } from "./request-form";
import { checkSubmission, readSubmission } from "./submission";
import { listTopics, topicName } from "./topics";

/** Transitions that need the confirmation step first (they mail the visitor or cannot be undone). */
const CONFIRM_KEYS: Partial<Record<DelegationStatus, MessageKey>> = {
  declined: "confirm.decline",
  cancelled: "confirm.cancel",
  completed: "confirm.complete",
};

function plannable(d: DelegationRow, input: TransitionInput): boolean {
  try {
    planTransition(d, input);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/** The service context, with visitor notices enabled (status changes mail the visitor). */
const notifying = (c: AppContext) => ({ ...serviceContext(c), notifyBaseUrl: c.get("deps").config.baseUrl });

export function delegationPages() {
  const app = new Hono<AppEnv>();
  const staff = requireRole(STAFF);
  const protocol = requireRole(PROTOCOL);

  app.get("/", staff, async (c) => {
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
        writeUp={await followUpInbox(c)}
      />,
    );
  });

  app.get("/new", protocol, async (c) => {
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

  app.post("/new", protocol, async (c) => {
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
    const { delegation, token } = await createDelegation(notifying(c), checked.input, {
      source: "staff",
      letter: checked.letter,
    });
    return redirectWithFlash(c, `/delegations/${delegation.id}`, {
      notice: c.get("t")("delegations.created", { code: delegation.code }),
      secret: statusUrlOf(c.get("deps").config.baseUrl, delegation.code, token),
    });
  });

  app.get("/:id", staff, (c) => {
    const { notice, secret } = takeFlash(c);
    return showDetail(c, c.req.param("id"), { notice, statusUrl: secret });
  });

  app.get("/:id/letter", staff, async (c) => {
    const file = await letterFile(c.get("deps").db, c.req.param("id"));
    return c.body(new Uint8Array(file.data), 200, {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition("attachment", file.fileName),
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

  app.get("/:id/edit", protocol, async (c) => {
    const d = await getDelegation(c.get("deps").db, c.req.param("id"));
    return editForm(c, d, inputToFormValues(d), d.topics);
  });

  app.post("/:id/edit", protocol, async (c) => {
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
      await updateDelegation(notifying(c), id, { ...input, version });
    } catch (error) {
      if (error instanceof AppError && error.code === "stale")
        return showStale(c, id, raw.values, `/delegations/${id}/edit`);
      throw error;
    }
    return redirectWithFlash(c, `/delegations/${id}`, { notice: c.get("t")("delegations.saved") });
  });

  app.post("/:id/transition", protocol, async (c) => {
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
      ...(s("outsideItems") ? { outsideItems: s("outsideItems") } : {}),
    };
    const parsed = parseWith(transitionSchema, input, c.get("locale"));
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error.issues, c.get("locale"));
      // A bad choice on the dates page: that page again, with the error beside the choice.
      if (errors.outsideItems && Object.keys(errors).length === 1) {
        const { outsideItems: _bad, ...rest } = input;
        const retry = parseWith(transitionSchema, rest, c.get("locale"));
        if (retry.success) return showOutsideChoice(c, id, retry.data, errors.outsideItems);
      }
      return showDetail(c, id, { errors: { ...errors, _: Object.values(errors).flat() } }, 400);
    }
    const confirmKey = CONFIRM_KEYS[parsed.data.to];
    const current = await getDelegation(c.get("deps").db, id);
    // A step that would be refused anyway (not allowed, reason missing) is refused at once.
    if (confirmKey && plannable(current, parsed.data) && !(await isConfirmed(c))) {
      const d = current;
      return confirmStep(c, {
        message: c.get("t")(confirmKey, { code: d.code }),
        back: `/delegations/${id}`,
        danger: parsed.data.to !== "completed",
        children: parsed.data.reason ? (
          <p>
            {c.get("t")("confirm.reason")}: {parsed.data.reason}
          </p>
        ) : undefined,
      });
    }
    try {
      const d = await transitionDelegation(notifying(c), id, parsed.data);
      return redirectWithFlash(c, `/delegations/${id}`, {
        notice: c.get("t")("transition.done", { status: c.get("t")(statusKey(d.status)) }),
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "stale") return showStale(c, id, { status: to }, `/delegations/${id}`);
      const message = c.get("t")(error.messageKey, error.params);
      if (error.code === "conflict") return showDetail(c, id, { error: message }, 409);
      if (error.code === "validation_failed" && isOutsideDetails(error.details))
        return showOutsideChoice(c, id, parsed.data);
      if (error.code === "validation_failed") return showDetail(c, id, { error: message }, 400);
      throw error;
    }
  });

  app.post("/:id/notes", protocol, async (c) => {
    const id = c.req.param("id");
    const body = await c.req.parseBody();
    const text = typeof body.body === "string" ? body.body.trim() : "";
    if (!text || text.length > 4000)
      return showDetail(c, id, { errors: { _: [c.get("t")("error.required")] } }, 400);
    await addNote(notifying(c), id, text);
    return redirectWithFlash(c, `/delegations/${id}`, { notice: c.get("t")("delegations.noteAdded") });
  });

  return app;
}
