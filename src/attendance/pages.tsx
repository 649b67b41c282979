/**
 * @module The check-in page under /delegations/{id}/attendance (humas, protocol, admin): search, one tap
 * per person to mark present or absent, walk-ins. Each POST redirects (303) back to the person's row, so
 * it works without JavaScript and a reload never repeats it.
 */
import { Hono } from "hono";
import { z } from "zod";
import { CheckInPage } from "../../views/pages/attendance/check-in";
import { requireRole } from "../auth/guard";
import { FOLLOW_UP } from "../auth/roles";
import { getDelegation } from "../delegations/queries";
import type { AppContext, AppEnv } from "../http/context";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { type FieldErrors, readForm } from "../http/validate";
import { checkIn, getAttendance, matchesSearch, walkInSchema } from "./service";

const markSchema = z.object({
  participantId: z.string().min(1).max(100),
  attended: z.enum(["true", "false"]),
});

async function show(
  c: AppContext,
  extra: { errors?: FieldErrors; values?: Record<string, string> } = {},
  status: 200 | 400 = 200,
) {
  const db = c.get("deps").db;
  const d = await getDelegation(db, c.req.param("id") ?? "");
  const q = (c.req.query("q") ?? "").slice(0, 100);
  const all = await getAttendance(db, d.id);
  const t = c.get("t");
  const marked = c.req.query("marked");
  const person = all.participants.find((p) => p.id === marked);
  const notice = person
    ? c.req.query("walkIn")
      ? t("attendance.walkInAdded", { name: person.name })
      : t("attendance.marked", {
          name: person.name,
          status: t(person.attended ? "attendance.present" : "attendance.absent"),
        })
    : undefined;
  return renderPage(
    c,
    `${t("attendance.checkIn")} · ${d.code}`,
    <CheckInPage
      ctx={pageContext(c)}
      delegation={d}
      rows={all.participants.filter((p) => matchesSearch(p, q))}
      q={q}
      attended={all.attended}
      listed={all.listed}
      notice={notice}
      {...extra}
    />,
    status,
  );
}

export function attendancePages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(FOLLOW_UP));

  app.get("/", (c) => show(c));

  app.post("/mark", async (c) => {
    const id = c.req.param("id") ?? "";
    const form = await readForm(c, markSchema);
    if (!form.ok) return show(c, { errors: form.errors }, 400);
    await checkIn(serviceContext(c), id, {
      marks: [{ participantId: form.data.participantId, attended: form.data.attended === "true" }],
      walkIns: [],
    });
    const q = c.req.query("q");
    const params = new URLSearchParams({ ...(q ? { q } : {}), marked: form.data.participantId });
    return c.redirect(`/delegations/${id}/attendance?${params}#p-${form.data.participantId}`, 303);
  });

  app.post("/walk-in", async (c) => {
    const id = c.req.param("id") ?? "";
    const form = await readForm(c, walkInSchema);
    if (!form.ok) return show(c, { errors: form.errors, values: form.values }, 400);
    const { added } = await checkIn(serviceContext(c), id, { marks: [], walkIns: [form.data] });
    const pid = added[0]?.id ?? "";
    return c.redirect(`/delegations/${id}/attendance?marked=${pid}&walkIn=1#p-${pid}`, 303);
  });

  return app;
}
