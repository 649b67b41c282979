/**
 * @module The public survey pages: GET and POST `/f/{token}` (no sign-in; the token is the key). A saved
 * answer redirects (303) to `?saved=1`; bad input comes back with each error beside its field and nothing
 * saved; an unknown, malformed or expired link gets one plain 404 page, the same bytes for all of them,
 * and counts against the address's guessing limit (`guess-limit.ts`): past it, every link answers 429.
 * The page is in the delegation's language unless the visitor chose the other (`?lang=`, the cookie).
 */
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { Layout } from "../../views/layout";
import { SurveyPage } from "../../views/pages/feedback/survey";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { LOCALE_COOKIE, setLocale } from "../http/locale";
import { pageContext } from "../http/render";
import { type FieldErrors, fieldErrors, parseWith } from "../http/validate";
import { isLocale, type Locale } from "../i18n/dictionary";
import { answersFromForm, answersToValues, formFieldOf, surveyAnswersSchema } from "./form";
import { countMiss, refuseWhenGuessing } from "./guess-limit";
import { loadSurvey, type Survey, saveResponse } from "./survey";

function chosenLocale(c: AppContext, fallback: Locale): Locale {
  const fromQuery = c.req.query("lang");
  if (isLocale(fromQuery)) return fromQuery;
  const fromCookie = getCookie(c, LOCALE_COOKIE);
  return isLocale(fromCookie) ? fromCookie : fallback;
}

function privateHeaders(c: AppContext) {
  c.header("Cache-Control", "no-store");
  c.header("X-Robots-Tag", "noindex, nofollow");
  // Not `no-referrer`: under it browsers send `Origin: null` with the form's POST, which the origin check
  // refuses. `same-origin` still keeps the token in the address from every other site.
  c.header("Referrer-Policy", "same-origin");
}

/** The one page for every link that opens nothing; each such answer counts against the guessing limit. */
async function unavailable(c: AppContext) {
  await countMiss(c);
  privateHeaders(c);
  // One page for all of them, so its language switch returns to the public page, not to the link.
  const ctx = { ...pageContext(c), user: null, path: "/f", returnTo: "/kunjungan" };
  const { t } = ctx;
  return c.html(
    <Layout ctx={ctx} title={t("feedback.unavailable")}>
      <div class="survey">
        <p>{t("feedback.unavailableText")}</p>
      </div>
    </Layout>,
    404,
  );
}

function show(
  c: AppContext,
  survey: Survey,
  view: { values?: Record<string, string>; errors?: FieldErrors; saved?: boolean },
  status: 200 | 400 | 409 = 200,
) {
  privateHeaders(c);
  setLocale(c, chosenLocale(c, survey.delegation.language));
  const ctx = { ...pageContext(c), user: null, path: "/f" };
  return c.html(
    <Layout ctx={ctx} title={ctx.t("feedback.title")}>
      <SurveyPage
        ctx={ctx}
        action={c.req.path}
        institution={survey.delegation.institution}
        host={survey.host}
        hostTimeZone={survey.hostTimeZone}
        sessions={survey.sessions}
        values={view.values ?? answersToValues(survey.response)}
        errors={view.errors ?? {}}
        answered={survey.response !== null}
        readOnly={survey.state === "read_only"}
        saved={view.saved ?? false}
        editUntil={survey.editUntil}
      />
    </Layout>,
    status,
  );
}

export function surveyPages() {
  const app = new Hono<AppEnv>();

  app.use("/:token", async (c, next) => {
    await refuseWhenGuessing(c);
    await next();
  });

  app.get("/:token", async (c) => {
    const { db, clock } = c.get("deps");
    const survey = await loadSurvey(db.orm, c.req.param("token"), clock());
    if (!survey) return unavailable(c);
    return show(c, survey, { saved: c.req.query("saved") === "1" });
  });

  app.post("/:token", async (c) => {
    const { db, clock } = c.get("deps");
    const token = c.req.param("token");
    const survey = await loadSurvey(db.orm, token, clock());
    if (!survey) return unavailable(c);
    setLocale(c, chosenLocale(c, survey.delegation.language));
    if (survey.state === "read_only") return show(c, survey, {}, 409);
    const { input, values } = answersFromForm(await c.req.parseBody());
    const parsed = parseWith(surveyAnswersSchema, input, c.get("locale"));
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const [path, list] of Object.entries(fieldErrors(parsed.error.issues, c.get("locale"))))
        errors[formFieldOf(path)] = list;
      return show(c, survey, { values, errors }, 400);
    }
    try {
      await saveResponse({ db, now: clock() }, token, parsed.data);
    } catch (error) {
      if (error instanceof AppError && error.code === "not_found") return unavailable(c);
      if (error instanceof AppError && error.code === "conflict") {
        const now = await loadSurvey(db.orm, token, clock());
        return now ? show(c, now, {}, 409) : unavailable(c);
      }
      throw error;
    }
    const lang = c.req.query("lang");
    return c.redirect(`${c.req.path}?saved=1${isLocale(lang) ? `&lang=${lang}` : ""}`, 303);
  });

  return app;
}
