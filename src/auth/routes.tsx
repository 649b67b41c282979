/**
 * @module Sign-in, sign-out and language choice: the pages (/login, /logout, /language) and the API
 * (/api/v1/auth/login, /api/v1/auth/logout, /api/v1/me).
 */

import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { users } from "../../db/schema/auth";
import { LoginForm } from "../../views/pages/auth/login";
import { clientAddress } from "../http/client-address";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { rememberLocale, setLocale } from "../http/locale";
import type { RouteDoc } from "../http/openapi";
import { pageContext, renderPage } from "../http/render";
import { readJson } from "../http/validate";
import { LOCALES } from "../i18n/dictionary";
import { currentUser, requireRole } from "./guard";
import { STAFF } from "./roles";
import { endSession, startSession } from "./session";
import type { Auth } from "./sessions";
import { createCredentialChecker } from "./sign-in";

const loginSchema = z.strictObject({ email: z.string().max(254), password: z.string().max(200) });
const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["admin", "protocol", "humas", "viewer"]),
  locale: z.enum(LOCALES),
  authMethod: z.enum(["session", "token"]),
});

export const authApiDocs: RouteDoc[] = [
  {
    method: "post",
    path: "/auth/login",
    summary: "Sign in; sets the session cookie",
    tag: "auth",
    body: loginSchema,
    response: meSchema,
  },
  { method: "post", path: "/auth/logout", summary: "Sign out (ends the session)", tag: "auth", status: 204 },
  {
    method: "get",
    path: "/me",
    summary: "The signed-in user or token owner",
    tag: "auth",
    roles: STAFF,
    response: meSchema,
  },
];

const SAME_SITE_BASE = new URL("http://sambang.invalid");

/**
 * Only same-site paths are followed after sign-in (no open redirect). `next` is resolved as a URL the way
 * a browser would (which drops tabs and newlines and reads `\` as `/`), and must keep this origin; any
 * control character or backslash refuses it outright.
 */
export function safeNext(next: unknown): string {
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

function ipOf(c: AppContext) {
  const { config, socketAddress } = c.get("deps");
  return clientAddress(c, socketAddress, config.trustProxyHops);
}

export function authRoutes(auth: Auth) {
  const app = new Hono<AppEnv>();
  const checkCredentials = createCredentialChecker();

  app.get("/login", (c) => {
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

  app.post("/login", async (c) => {
    const form = await c.req.parseBody();
    const email = typeof form.email === "string" ? form.email : "";
    const password = typeof form.password === "string" ? form.password : "";
    const next = safeNext(form.next);
    const { db, passwords, clock } = c.get("deps");
    try {
      const user = await checkCredentials({ db, passwords }, { email, password, ip: ipOf(c), now: clock() });
      await startSession(c, auth, user);
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

  app.post("/logout", async (c) => {
    await endSession(c, auth);
    return c.redirect("/login?signedOut=1", 303);
  });

  app.post("/language", async (c) => {
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

  app.post("/api/v1/auth/login", async (c) => {
    const body = await readJson(c, loginSchema);
    const { db, passwords, clock } = c.get("deps");
    const user = await checkCredentials({ db, passwords }, { ...body, ip: ipOf(c), now: clock() });
    await startSession(c, auth, user);
    return c.json({ ...user, authMethod: "session" as const });
  });

  app.post("/api/v1/auth/logout", async (c) => {
    await endSession(c, auth);
    return c.body(null, 204);
  });

  app.get("/api/v1/me", requireRole(STAFF), (c) => {
    return c.json({ ...currentUser(c), authMethod: c.get("authMethod") });
  });

  return app;
}
