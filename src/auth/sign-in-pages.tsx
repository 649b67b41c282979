/**
 * @module Sign-in, sign-out and language choice pages: /login (form and POST), /logout and /language.
 * After sign-in only a same-site `next` is followed (no open redirect).
 */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { users } from "../../db/schema/auth";
import { LoginForm } from "../../views/pages/auth/login";
import { requestAddress } from "../http/client-address";
import type { AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { rememberLocale, setLocale } from "../http/locale";
import { pageContext, renderPage } from "../http/render";
import { LOCALES } from "../i18n/dictionary";
import { endSession, startSession } from "./session";
import type { Auth } from "./sessions";
import type { CheckCredentials } from "./sign-in";

const SAME_SITE_BASE = new URL("http://sambang.invalid");

/**
 * Only same-site paths are followed after sign-in (no open redirect). `next` is resolved as a URL the way
 * a browser would (which drops tabs and newlines and reads `\` as `/`), and must keep this origin; any
 * control character or backslash refuses it outright.
 */
function safeNext(next: unknown): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (typeof next !== "string" || !next.startsWith("/") || /[\u0000-\u0020\u007f\\]/.test(next)) return "/";
  try {
    const url = new URL(next, SAME_SITE_BASE);
    if (url.origin !== SAME_SITE_BASE.origin) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}

/** /login: the form, and its POST (303 to `next`, or the form again with the error and the e-mail kept). */
export function loginPage(sessions: Auth, checkCredentials: CheckCredentials) {
  const app = new Hono<AppEnv>();

  app.get("/", (c) => {
    if (c.get("user")) return c.redirect("/", 303);
    const notice = c.req.query("signedOut")
      ? c.get("t")("auth.signedOut")
      : c.req.query("reset")
        ? c.get("t")("auth.reset.done")
        : undefined;
    return renderPage(
      c,
      c.get("t")("auth.signInTitle"),
      <LoginForm ctx={pageContext(c)} next={safeNext(c.req.query("next"))} notice={notice} />,
    );
  });

  app.post("/", async (c) => {
    const form = await c.req.parseBody();
    const email = typeof form.email === "string" ? form.email : "";
    const password = typeof form.password === "string" ? form.password : "";
    const next = safeNext(form.next);
    const { db, passwords, clock } = c.get("deps");
    try {
      const user = await checkCredentials(
        { db, passwords },
        { email, password, ip: requestAddress(c), now: clock() },
      );
      await startSession(c, sessions, user);
      return c.redirect(next, 303);
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== "unauthenticated" && error.code !== "rate_limited"))
        throw error;
      const message = c.get("t")(error.messageKey);
      const status = error.code === "rate_limited" ? 429 : 401;
      for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
      return renderPage(
        c,
        c.get("t")("auth.signInTitle"),
        <LoginForm ctx={pageContext(c)} email={email} next={next} error={message} />,
        status,
      );
    }
  });
  return app;
}

/** POST /logout: ends the session and goes to the sign-in page. */
export function logoutPage(sessions: Auth) {
  const app = new Hono<AppEnv>();
  app.post("/", async (c) => {
    await endSession(c, sessions);
    return c.redirect("/login?signedOut=1", 303);
  });
  return app;
}

/** POST /language: remembers the choice (cookie, and the signed-in user's profile) and goes back. */
export function languagePage() {
  const app = new Hono<AppEnv>();
  app.post("/", async (c) => {
    const form = await c.req.parseBody();
    const locale = LOCALES.find((l) => l === form.locale);
    if (!locale) throw new AppError("validation_failed");
    const { db, config, clock } = c.get("deps");
    rememberLocale(c, locale, config.baseUrl.startsWith("https:"));
    const user = c.get("user");
    if (user) {
      await db.write(() =>
        db.orm.update(users).set({ locale, updatedAt: clock() }).where(eq(users.id, user.id)),
      );
    }
    setLocale(c, locale);
    return c.redirect(safeNext(form.next), 303);
  });
  return app;
}
