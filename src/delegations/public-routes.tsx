/**
 * @module Public pages for visitors (no sign-in): the request form at /kunjungan/ajukan, the page after
 * sending it, and the private status page /kunjungan/status/{code}?token=… (a wrong code or token is a
 * plain 404, no hint which). Also serves the small script that narrows the regency list to a province.
 */
import { Hono } from "hono";
import { RequestForm, type RequestFormProps } from "../../views/pages/public/request-form";
import { RequestDone, StatusPage } from "../../views/pages/public/status";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { setLocale } from "../http/locale";
import { pageContext, renderPage } from "../http/render";
import type { FieldErrors } from "../http/validate";
import { isLocale } from "../i18n/dictionary";
import { formatLocalDate } from "../i18n/format";
import { listProvinces, listRegencies } from "../regions/regions";
import { limitRequests } from "./api-routes";
import { formFieldOf } from "./input-schema";
import { createDelegation, findByStatusToken, leadTimeInfo, statusUrlOf } from "./intake";
import { publicHistory } from "./status-view";
import { checkSubmission, readSubmission } from "./submission";
import { listTopics, topicName } from "./topics";

/** Hides the other provinces' regency groups; the form works without it. */
export const REQUEST_FORM_JS = `(function(){
var p=document.querySelector('select[data-region=province]');var r=document.querySelector('select[data-region=regency]');
if(!p||!r)return;function sync(){var code=p.value;var groups=r.querySelectorAll('optgroup');
for(var i=0;i<groups.length;i++){var g=groups[i];var on=!code||g.getAttribute('data-province')===code;g.hidden=!on;g.disabled=!on;}
var sel=r.options[r.selectedIndex];if(sel&&sel.parentNode.tagName==='OPTGROUP'&&sel.parentNode.disabled)r.value='';}
p.addEventListener('change',sync);sync();})();`;

const REGION_GROUPS = listProvinces().map((province) => ({
  province,
  regencies: listRegencies(province.code),
}));

/** The form's props that every render needs (regions, topics, the earliest date). */
export async function formBasics(c: AppContext) {
  const { db, clock, config } = c.get("deps");
  const locale = c.get("locale");
  const [topics, lead] = await Promise.all([
    listTopics(db, { activeOnly: true }),
    leadTimeInfo(db, clock(), config.requestMinWorkingDays, config.hostTimeZone),
  ]);
  return {
    provinces: REGION_GROUPS,
    topics: topics.map((t) => ({ id: t.id, name: topicName(t, locale) })),
    earliestLabel: formatLocalDate(lead.earliest, locale),
    earliest: lead.earliest,
    minWorkingDays: config.requestMinWorkingDays,
  };
}

/** API error paths → form field names. */
export function toFormErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, list] of Object.entries(errors)) {
    const name = formFieldOf(path);
    out[name] = [...(out[name] ?? []), ...list];
  }
  return out;
}

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

export function publicRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/assets/request-form.js", (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(REQUEST_FORM_JS, 200, { "Content-Type": "text/javascript; charset=utf-8" });
  });

  app.get("/kunjungan", (c) => c.redirect("/kunjungan/ajukan", 302));
  app.get("/kunjungan/ajukan", (c) => showForm(c));

  app.post("/kunjungan/ajukan", async (c) => {
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
    const { db, clock, config } = c.get("deps");
    const { delegation, token } = await createDelegation(
      { db, now: clock(), actor: { id: null, label: "public" }, notifyBaseUrl: config.baseUrl, config },
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

  app.get("/kunjungan/status/:code", async (c) => {
    const d = await findByStatusToken(c.get("deps").db, c.req.param("code"), c.req.query("token") ?? "");
    if (!d) throw new AppError("not_found");
    if (!isLocale(c.req.query("lang"))) setLocale(c, d.language);
    c.header("Referrer-Policy", "no-referrer");
    const history = await publicHistory(c.get("deps").db, d.id);
    return renderPage(
      c,
      c.get("t")("status.title", { code: d.code }),
      <StatusPage ctx={pageContext(c)} d={d} history={history} token={c.req.query("token") ?? ""} />,
    );
  });

  return app;
}
