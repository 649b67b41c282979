/**
 * @module Host pages for protocol staff (admin, protocol) at /hosts: list, add, edit. Posts redirect back
 * (303) on success and re-render with errors beside the fields on failure.
 */
import { Hono } from "hono";
import { HostForm, HostsPage } from "../../views/pages/venues/hosts";
import { requireRole } from "../auth/guard";
import { PROTOCOL } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { flat, formValues, hostFromForm, hostToForm } from "./forms";
import { createHost, getHost, listHosts, updateHost } from "./service";

const orm = (c: AppContext) => c.get("deps").db.orm;

const hostsPage = async (
  c: AppContext,
  extra: Partial<Parameters<typeof HostsPage>[0]> = {},
  status: 200 | 400 = 200,
) =>
  renderPage(
    c,
    c.get("t")("hosts.title"),
    <HostsPage ctx={pageContext(c)} hosts={await listHosts(orm(c))} {...extra} />,
    status,
  );
const hostPage = async (
  c: AppContext,
  id: string,
  extra: { values?: Record<string, string>; errors?: Record<string, string[]> } = {},
  status: 200 | 400 | 409 = 200,
) => {
  const host = await getHost(orm(c), id);
  const t = c.get("t");
  return renderPage(
    c,
    `${t("hosts.edit")}: ${host.name}`,
    <>
      {c.req.query("saved") && (
        <div class="alert ok" role="status">
          {t("hosts.saved", { name: host.name })}
        </div>
      )}
      <p>
        <a href={`/calendar/hosts/${host.id}`}>{t("venue.calendar")}</a>
      </p>
      <HostForm
        ctx={pageContext(c)}
        action={`/hosts/${id}`}
        values={extra.values ?? hostToForm(host)}
        errors={extra.errors}
        submitLabel={t("action.save")}
      />
    </>,
    status,
  );
};

export function hostPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(PROTOCOL));
  app.get("/", (c) => hostsPage(c));
  app.post("/", async (c) => {
    const values = await formValues(c);
    const parsed = hostFromForm(values, c.get("locale"), c.get("t"));
    if (!parsed.ok) return hostsPage(c, { values: flat(values), errors: parsed.errors }, 400);
    const host = await createHost(serviceContext(c), parsed.data);
    return c.redirect(`/hosts/${host.id}?saved=1`, 303);
  });
  app.get("/:id", (c) => hostPage(c, c.req.param("id")));
  app.post("/:id", async (c) => {
    const id = c.req.param("id");
    const values = await formValues(c);
    const parsed = hostFromForm(values, c.get("locale"), c.get("t"));
    if (!parsed.ok) return hostPage(c, id, { values: flat(values), errors: parsed.errors }, 400);
    try {
      await updateHost(serviceContext(c), id, { ...parsed.data, version: Number(values.version) });
    } catch (error) {
      if (error instanceof AppError && error.code === "stale") {
        return hostPage(c, id, { errors: { _: [c.get("t")("error.stale")] } }, 409);
      }
      throw error;
    }
    return c.redirect(`/hosts/${id}?saved=1`, 303);
  });
  return app;
}
