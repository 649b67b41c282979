/**
 * @module Roster pages, mounted at /delegations/{id}: /participants — list in precedence order, add, edit
 * (version; a stale edit shows the current values), delete, CSV import with preview (all or nothing), CSV
 * export. Any staff role may look; protocol and admin act.
 */
import { Hono } from "hono";
import { RosterPage, type RosterProps } from "../../views/pages/delegations/roster";
import { StalePage } from "../../views/pages/delegations/stale";
import { requireRole } from "../auth/guard";
import { hasRole, PROTOCOL, STAFF } from "../auth/roles";
import { confirmStep, isConfirmed } from "../http/confirm-step";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { prefixParam } from "../http/feature";
import { redirectWithFlash, takeFlash } from "../http/flash";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { readForm } from "../http/validate";
import {
  addParticipant,
  deleteParticipant,
  getParticipant,
  importParticipants,
  listParticipants,
  participantInputSchema,
  updateParticipant,
} from "./participants";
import { getDelegation } from "./queries";
import { MAX_ROSTER_CSV_CHARS, parseRosterCsv, rosterToCsv } from "./roster-csv";

async function showRoster(
  c: AppContext,
  id: string,
  extra: Partial<RosterProps> = {},
  status: 200 | 400 | 409 = 200,
) {
  const db = c.get("deps").db;
  const d = await getDelegation(db, id);
  const rows = await listParticipants(db, id);
  const user = c.get("user");
  return renderPage(
    c,
    `${c.get("t")("roster.title")} · ${d.code}`,
    <RosterPage
      ctx={pageContext(c)}
      delegationId={id}
      code={d.code}
      rows={rows}
      canAct={!!user && hasRole(user.role, PROTOCOL)}
      {...extra}
    />,
    status,
  );
}

const rosterPath = (id: string) => `/delegations/${id}/participants`;

const FIELDS = ["name", "title", "institution", "email", "phone", "needs", "rank"] as const;

export function rosterPages() {
  const app = new Hono<AppEnv>();
  const base = "/participants";
  const staff = requireRole(STAFF);

  app.get(base, staff, (c) => showRoster(c, prefixParam(c, "id"), { notice: takeFlash(c).notice }));

  app.get(`${base}.csv`, staff, async (c) => {
    const db = c.get("deps").db;
    const d = await getDelegation(db, prefixParam(c, "id"));
    const rows = await listParticipants(db, d.id);
    const csv = rosterToCsv(
      rows.map((p) => ({ ...p, rank: p.precedenceRank })),
      { language: c.get("locale"), separator: c.req.query("sep") === ";" ? ";" : "," },
    );
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${d.code}-peserta.csv"`,
    });
  });

  app.post(base, requireRole(PROTOCOL), async (c) => {
    const id = prefixParam(c, "id");
    const form = await readForm(c, participantInputSchema);
    if (!form.ok) return showRoster(c, id, { errors: form.errors, values: form.values }, 400);
    await addParticipant(serviceContext(c), id, form.data);
    return redirectWithFlash(c, rosterPath(id), { notice: c.get("t")("roster.added") });
  });

  app.post(`${base}/import`, requireRole(PROTOCOL), async (c) => {
    const id = prefixParam(c, "id");
    const body = await c.req.parseBody();
    const file = body.file;
    const csv = file instanceof File ? await file.text() : typeof file === "string" ? file : "";
    const parsed = parseRosterCsv(csv);
    const preview = { csv: csv.length <= MAX_ROSTER_CSV_CHARS ? csv : "", ...parsed };
    return showRoster(c, id, { preview }, parsed.errors.length > 0 ? 400 : 200);
  });

  app.post(`${base}/import/confirm`, requireRole(PROTOCOL), async (c) => {
    const id = prefixParam(c, "id");
    const body = await c.req.parseBody();
    const csv = typeof body.csv === "string" ? body.csv : "";
    try {
      const { imported } = await importParticipants(serviceContext(c), id, csv);
      return redirectWithFlash(c, rosterPath(id), {
        notice: c.get("t")("roster.imported", { count: imported }),
      });
    } catch (error) {
      if (error instanceof AppError && error.code === "validation_failed")
        return showRoster(c, id, { preview: { csv, ...parseRosterCsv(csv) } }, 400);
      throw error;
    }
  });

  app.get(`${base}/:pid/edit`, requireRole(PROTOCOL), async (c) => {
    const editing = await getParticipant(c.get("deps").db, prefixParam(c, "id"), c.req.param("pid"));
    return showRoster(c, prefixParam(c, "id"), { editing });
  });

  app.post(`${base}/:pid/delete`, requireRole(PROTOCOL), async (c) => {
    if (!(await isConfirmed(c))) {
      const db = c.get("deps").db;
      const d = await getDelegation(db, prefixParam(c, "id"));
      const p = await getParticipant(db, d.id, c.req.param("pid"));
      return confirmStep(c, {
        message: c.get("t")("confirm.deleteParticipant", { name: p.name, code: d.code }),
        back: `/delegations/${d.id}/participants`,
      });
    }
    await deleteParticipant(serviceContext(c), prefixParam(c, "id"), c.req.param("pid"));
    return redirectWithFlash(c, rosterPath(prefixParam(c, "id")), { notice: c.get("t")("roster.deleted") });
  });

  app.post(`${base}/:pid`, requireRole(PROTOCOL), async (c) => {
    const id = prefixParam(c, "id");
    const pid = c.req.param("pid");
    const editing = await getParticipant(c.get("deps").db, id, pid);
    const form = await readForm(
      c,
      participantInputSchema.extend({ version: participantInputSchema.shape.name }).loose(),
    );
    const version = Number(form.values.version);
    if (!form.ok)
      return showRoster(
        c,
        id,
        { editing: { ...editing, version }, errors: form.errors, values: form.values },
        400,
      );
    const { version: _v, ...data } = form.data as typeof form.data & { version: string };
    try {
      await updateParticipant(serviceContext(c), id, pid, { ...data, version });
    } catch (error) {
      if (error instanceof AppError && error.code === "stale") {
        const current = await getParticipant(c.get("deps").db, id, pid);
        const t = c.get("t");
        const labels = {
          name: "roster.name",
          title: "roster.titleField",
          institution: "roster.institution",
          email: "roster.email",
          phone: "roster.phone",
          needs: "roster.needs",
          rank: "roster.rank",
        } as const;
        const rows = FIELDS.map((f) => ({
          label: t(labels[f]),
          yours: form.values[f] ?? "",
          current: String((f === "rank" ? current.precedenceRank : current[f]) ?? ""),
        }));
        return renderPage(
          c,
          t("delegations.staleTitle"),
          <StalePage
            ctx={pageContext(c)}
            who=""
            version={current.version}
            rows={rows}
            reloadHref={`/delegations/${id}/participants/${pid}/edit`}
          />,
          409,
        );
      }
      throw error;
    }
    return redirectWithFlash(c, rosterPath(id), { notice: c.get("t")("roster.updated") });
  });

  return app;
}
