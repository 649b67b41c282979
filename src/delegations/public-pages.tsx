/**
 * @module Public pages for visitors (no sign-in), mounted at /kunjungan: the request form at
 * /kunjungan/ajukan, the page after sending it, and the private status page /kunjungan/status/{code}?token=…
 * (a wrong code or token is a plain 404, no hint which). `requestFormScript` serves the small script that
 * narrows the regency list to a province (mounted at /assets/request-form.js).
 */
import { Hono } from "hono";
import { RequestForm, type RequestFormProps } from "../../views/pages/public/request-form";
import { RequestDone, StatusPage } from "../../views/pages/public/status";
import { currentShareLinkUrl } from "../agenda/share-links";
import { getHostSettings } from "../host-settings/service";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { setLocale } from "../http/locale";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { isLocale } from "../i18n/dictionary";
import { hostContactView } from "../itinerary/host-contact";
import { createDelegation, findByStatusToken, statusUrlOf } from "./intake";
import { formBasics, REQUEST_FORM_JS, toFormErrors } from "./request-form";
import { limitRequests } from "./request-limit";
import { publicHistory } from "./status-view";
import { checkSubmission, readSubmission } from "./submission";

async function showForm(c: AppContext, extra: Partial<RequestFormProps> = {}, status: 200 | 400 = 200) {
  const basics = await formBasics(c);
  return renderPage(
    c,
    c.get("t")("requests.title"),
    <RequestForm
      ctx={pageContext(c)}
      action="/kunjungan/ajukan"
      values={{}}
      selectedTopics={[]}
      {...basics}
      {...extra}
    />,
    status,
  );
}

export function requestFormScript() {
  const app = new Hono<AppEnv>();
  app.get("/", (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(REQUEST_FORM_JS, 200, { "Content-Type": "text/javascript; charset=utf-8" });
  });
  return app;
}

export function publicPages() {
  const app = new Hono<AppEnv>();

  app.get("/ajukan", (c) => showForm(c));

  app.post("/ajukan", async (c) => {
    await limitRequests(c);
    const raw = await readSubmission(c);
    const checked = await checkSubmission(c, raw, { leadTime: true });
    if (!checked.ok) {
      return showForm(
        c,
        { values: raw.values, selectedTopics: raw.topics, errors: toFormErrors(checked.errors) },
        400,
      );
    }
    const { config } = c.get("deps");
    const { delegation, token } = await createDelegation(
      { ...serviceContext(c), notifyBaseUrl: config.baseUrl },
      checked.input,
      { source: "public_form", letter: checked.letter },
    );
    const statusUrl = statusUrlOf(config.baseUrl, delegation.code, token);
    return renderPage(
      c,
      c.get("t")("requests.doneTitle"),
      <RequestDone ctx={pageContext(c)} code={delegation.code} statusUrl={statusUrl} />,
    );
  });

  app.get("/status/:code", async (c) => {
    const d = await findByStatusToken(c.get("deps").db, c.req.param("code"), c.req.query("token") ?? "");
    if (!d) throw new AppError("not_found");
    if (!isLocale(c.req.query("lang"))) setLocale(c, d.language);
    c.header("Referrer-Policy", "no-referrer");
    const { db, config } = c.get("deps");
    const [history, itineraryUrl, host] = await Promise.all([
      publicHistory(db, d.id),
      currentShareLinkUrl(db.orm, d.id, config),
      getHostSettings(db.orm),
    ]);
    return renderPage(
      c,
      c.get("t")("status.title", { code: d.code }),
      <StatusPage
        ctx={pageContext(c)}
        d={d}
        history={history}
        token={c.req.query("token") ?? ""}
        itineraryUrl={itineraryUrl}
        host={hostContactView(host)}
      />,
    );
  });

  return app;
}
