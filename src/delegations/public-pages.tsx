/**
 * @module Public pages for visitors (no sign-in), mounted at /kunjungan: the request form at
 * /kunjungan/ajukan and the private status page /kunjungan/status/{code}?token=… (a wrong code or token is a
 * plain 404, no hint which). A successful submit answers 303 to the status page (`&sent=1` adds the "received,
 * keep this link" card); the form's submission key makes a repeated submit land there too, creating nothing. `requestFormScript` serves the small script that
 * narrows the regency list to a province (mounted at /assets/request-form.js).
 */
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { RequestForm, type RequestFormProps } from "../../views/pages/public/request-form";
import { RequestDone, StatusPage } from "../../views/pages/public/status";
import { currentShareLinkUrl } from "../agenda/share-links";
import { getHostSettings } from "../host-settings/service";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { LOCALE_COOKIE, setLocale } from "../http/locale";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { isLocale } from "../i18n/dictionary";
import { hostContactView } from "../itinerary/host-contact";
import { createDelegation, findByStatusToken, statusPathOf, statusUrlOf } from "./intake";
import { formBasics, REQUEST_FORM_JS, toFormErrors } from "./request-form";
import { limitRequests } from "./request-limit";
import { publicHistory } from "./status-view";
import { checkSubmission, readSubmission } from "./submission";
import { newSubmissionKey, submissionKeySchema } from "./submission-key";

async function showForm(
  c: AppContext,
  submissionKey: string,
  extra: Partial<RequestFormProps> = {},
  status: 200 | 400 = 200,
) {
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
      hidden={{ submissionKey }}
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

  app.get("/ajukan", (c) => showForm(c, newSubmissionKey()));

  app.post("/ajukan", async (c) => {
    await limitRequests(c);
    const raw = await readSubmission(c);
    // A form from before submission keys (or a tampered one) still works, only without the repeat check.
    const key = submissionKeySchema.safeParse(raw.values.submissionKey);
    const submissionKey = key.success ? key.data : undefined;
    const checked = await checkSubmission(c, raw, { leadTime: true });
    if (!checked.ok) {
      const { submissionKey: _k, ...values } = raw.values;
      // A file input cannot be filled again by the server: say so beside it, unless it has its own error.
      const letterDropped = raw.file !== null && !checked.errors.letterFile;
      return showForm(
        c,
        submissionKey ?? newSubmissionKey(),
        { values, selectedTopics: raw.topics, errors: toFormErrors(checked.errors), letterDropped },
        400,
      );
    }
    const { config } = c.get("deps");
    const { delegation, token } = await createDelegation(
      { ...serviceContext(c), notifyBaseUrl: config.baseUrl },
      checked.input,
      { source: "public_form", letter: checked.letter, submissionKey },
    );
    // The first submit and any repeat of it land on the same status page (Post/Redirect/Get).
    return c.redirect(`${statusPathOf(delegation.code, token)}&sent=1`, 303);
  });

  app.get("/status/:code", async (c) => {
    const d = await findByStatusToken(c.get("deps").db, c.req.param("code"), c.req.query("token") ?? "");
    if (!d) throw new AppError("not_found");
    // The request's language, unless the visitor chose one (a link's ?lang= or the language switch).
    if (!isLocale(c.req.query("lang")) && !isLocale(getCookie(c, LOCALE_COOKIE))) setLocale(c, d.language);
    // The token in this URL never goes to another site. Not "no-referrer": a browser then sends its forms
    // (the language switch) with `Origin: null`, which the Origin check must refuse.
    c.header("Referrer-Policy", "same-origin");
    const { db, config } = c.get("deps");
    const [history, itineraryUrl, host] = await Promise.all([
      publicHistory(db, d.id),
      currentShareLinkUrl(db.orm, d.id, config),
      getHostSettings(db.orm),
    ]);
    const token = c.req.query("token") ?? "";
    const statusUrl = statusUrlOf(config.baseUrl, d.code, token);
    return renderPage(
      c,
      c.get("t")("status.title", { code: d.code }),
      <>
        {c.req.query("sent") === "1" && (
          <RequestDone ctx={pageContext(c)} code={d.code} statusUrl={statusUrl} />
        )}
        <StatusPage
          ctx={pageContext(c)}
          d={d}
          history={history}
          token={token}
          itineraryUrl={itineraryUrl}
          host={hostContactView(host)}
        />
      </>,
    );
  });

  return app;
}
