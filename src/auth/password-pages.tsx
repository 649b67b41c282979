/**
 * @module Password pages: /account/password (change your own, signed in), /forgot-password (ask for a
 * link; the same answer whether or not the account exists, 5 asks per address per hour) and
 * /reset-password/<token> (set a new one; the page sends no Referer, so the token leaks nowhere).
 */
import { Hono } from "hono";
import { z } from "zod";
import {
  ChangePasswordForm,
  ForgotPasswordForm,
  ResetLinkInvalid,
  ResetPasswordForm,
} from "../../views/pages/auth/password-pages";
import { requestAddress } from "../http/client-address";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { enforceRateLimit } from "../http/rate-limit";
import { pageContext, renderPage } from "../http/render";
import { type FieldErrors, readForm } from "../http/validate";
import { changeOwnPassword } from "./change-password";
import { currentUser, requireRole } from "./guard";
import { MAX_PASSWORD_LENGTH } from "./password-policy";
import { completePasswordReset, findResetUser, requestPasswordReset } from "./password-reset";
import { STAFF } from "./roles";
import { createCredentialChecker } from "./sign-in";

const pw = z.string().max(MAX_PASSWORD_LENGTH);
const changeForm = z.strictObject({ username: z.string().optional(), current: pw, next: pw, confirm: pw });
const resetForm = z.strictObject({ username: z.string().optional(), next: pw, confirm: pw });
const forgotForm = z.strictObject({ email: z.string().trim().max(254) });
const FORGOT_PER_HOUR = 5;

/** Field errors from a service's `validation_failed`, or null for any other error. */
function fieldsOf(error: unknown): FieldErrors | null {
  if (!(error instanceof AppError) || error.code !== "validation_failed") return null;
  const details = error.details as { fields?: FieldErrors } | undefined;
  return details?.fields ?? null;
}

/** /account/password: change your own password (signed in); 303 back with a notice. */
export function changePasswordPage() {
  const app = new Hono<AppEnv>();
  const checkCredentials = createCredentialChecker();

  const changePage = (
    c: AppContext,
    extra: { errors?: FieldErrors; error?: string; notice?: string } = {},
    status: 200 | 400 | 401 | 429 = 200,
  ) =>
    renderPage(
      c,
      c.get("t")("account.password.title"),
      <ChangePasswordForm ctx={pageContext(c)} {...extra} />,
      status,
    );

  app.use("*", requireRole(STAFF));
  app.get("/", (c) =>
    changePage(c, c.req.query("changed") ? { notice: c.get("t")("account.password.changed") } : {}),
  );
  app.post("/", async (c) => {
    const t = c.get("t");
    const form = await readForm(c, changeForm);
    if (!form.ok) return changePage(c, { errors: form.errors }, 400);
    if (form.data.next !== form.data.confirm)
      return changePage(c, { errors: { confirm: [t("account.password.mismatch")] } }, 400);
    const { db, passwords, clock } = c.get("deps");
    try {
      await changeOwnPassword(
        {
          db,
          passwords,
          checkCredentials,
          now: clock(),
          ip: requestAddress(c),
          locale: c.get("locale"),
          sessionId: c.get("sessionId"),
        },
        currentUser(c),
        { current: form.data.current, next: form.data.next },
      );
    } catch (error) {
      const fields = fieldsOf(error);
      if (fields) return changePage(c, { errors: fields }, 400);
      if (error instanceof AppError && error.code === "unauthenticated")
        return changePage(c, { errors: { current: [t("account.password.wrongCurrent")] } }, 400);
      if (error instanceof AppError && error.code === "rate_limited") {
        for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
        return changePage(c, { error: t(error.messageKey) }, 429);
      }
      throw error;
    }
    return c.redirect("/account/password?changed=1", 303);
  });
  return app;
}

/** /forgot-password: ask for a reset link (the same answer whether or not the account exists). */
export function forgotPasswordPage() {
  const app = new Hono<AppEnv>();
  app.get("/", (c) =>
    renderPage(
      c,
      c.get("t")("auth.forgot.title"),
      <ForgotPasswordForm ctx={pageContext(c)} sent={c.req.query("sent") !== undefined} />,
    ),
  );
  app.post("/", async (c) => {
    const form = await readForm(c, forgotForm);
    if (!form.ok)
      return renderPage(c, c.get("t")("auth.forgot.title"), <ForgotPasswordForm ctx={pageContext(c)} />, 400);
    const { db, clock, config } = c.get("deps");
    await enforceRateLimit(db, {
      key: `password-reset:ip:${requestAddress(c)}`,
      limit: FORGOT_PER_HOUR,
      windowMs: 3600_000,
      now: clock(),
    });
    await requestPasswordReset({ db, now: clock(), baseUrl: config.baseUrl }, form.data.email);
    return c.redirect("/forgot-password?sent=1", 303);
  });
  return app;
}

/** /reset-password/<token>: set a new password from a reset link. */
export function resetPasswordPage() {
  const app = new Hono<AppEnv>();
  const resetPage = async (c: AppContext, errors?: FieldErrors, status: 200 | 400 = 200) => {
    // The token in this URL never goes to another site. Not "no-referrer": a browser then posts this page's
    // forms with `Origin: null`, which the Origin check refuses.
    c.header("Referrer-Policy", "same-origin");
    const token = c.req.param("token") ?? "";
    const { db, clock } = c.get("deps");
    const found = await findResetUser(db, token, clock());
    const title = c.get("t")("auth.reset.title");
    if (!found) return renderPage(c, title, <ResetLinkInvalid ctx={pageContext(c)} />, 404);
    return renderPage(
      c,
      title,
      <ResetPasswordForm ctx={pageContext(c)} token={token} email={found.user.email} errors={errors} />,
      status,
    );
  };
  app.get("/:token", (c) => resetPage(c));
  app.post("/:token", async (c) => {
    const form = await readForm(c, resetForm);
    if (!form.ok) return resetPage(c, form.errors, 400);
    if (form.data.next !== form.data.confirm)
      return resetPage(c, { confirm: [c.get("t")("account.password.mismatch")] }, 400);
    const { db, passwords, clock } = c.get("deps");
    try {
      await completePasswordReset(
        { db, passwords, now: clock(), locale: c.get("locale") },
        c.req.param("token"),
        form.data.next,
      );
    } catch (error) {
      const fields = fieldsOf(error);
      if (fields) return resetPage(c, { next: fields.password ?? [] }, 400);
      if (error instanceof AppError && error.code === "not_found") return resetPage(c);
      throw error;
    }
    c.header("Referrer-Policy", "same-origin");
    return c.redirect("/login?reset=1", 303);
  });
  return app;
}
