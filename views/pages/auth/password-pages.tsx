/**
 * @module The password pages: change your own password (signed in), ask for a reset link, and set a new
 * password from that link. Errors sit beside their fields; the reset token travels in the page's path
 * and the form's action only (the page sends no Referer).
 */

import type { FieldErrors } from "../../../src/http/validate";
import { Field, FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";

export function ChangePasswordForm({
  ctx,
  errors,
  error,
  notice,
}: {
  ctx: PageContext;
  errors?: FieldErrors;
  error?: string;
  notice?: string;
}) {
  const { t } = ctx;
  return (
    <>
      <p class="muted">{t("account.password.intro")}</p>
      {notice && (
        <div class="alert ok" role="status">
          {notice}
        </div>
      )}
      <FormErrors message={error} />
      <form method="post" action="/account/password" class="stack card">
        <input type="text" name="username" autocomplete="username" value={ctx.user?.email ?? ""} hidden />
        <Field
          name="current"
          label={t("account.password.current")}
          type="password"
          required
          autocomplete="current-password"
          errors={errors}
        />
        <Field
          name="next"
          label={t("account.password.new")}
          type="password"
          required
          autocomplete="new-password"
          errors={errors}
        />
        <Field
          name="confirm"
          label={t("account.password.confirm")}
          type="password"
          required
          autocomplete="new-password"
          errors={errors}
        />
        <div>
          <button type="submit">{t("account.password.submit")}</button>
        </div>
      </form>
    </>
  );
}

export function ForgotPasswordForm({
  ctx,
  sent,
  email,
}: {
  ctx: PageContext;
  sent?: boolean;
  email?: string;
}) {
  const { t } = ctx;
  return (
    <>
      <p class="muted">{t("auth.forgot.intro")}</p>
      {sent && (
        <div class="alert ok" role="status">
          {t("auth.forgot.sent")}
        </div>
      )}
      <form method="post" action="/forgot-password" class="stack card">
        <Field
          name="email"
          label={t("field.email")}
          type="email"
          value={email}
          required
          autocomplete="username"
        />
        <div>
          <button type="submit">{t("auth.forgot.submit")}</button>
        </div>
      </form>
      <p>
        <a href="/login">{t("nav.signIn")}</a>
      </p>
    </>
  );
}

export function ResetPasswordForm({
  ctx,
  token,
  email,
  errors,
}: {
  ctx: PageContext;
  token: string;
  email: string;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <>
      <p class="muted">{t("auth.reset.intro")}</p>
      <form method="post" action={`/reset-password/${token}`} class="stack card">
        <input type="text" name="username" autocomplete="username" value={email} hidden />
        <Field
          name="next"
          label={t("account.password.new")}
          type="password"
          required
          autocomplete="new-password"
          errors={errors}
        />
        <Field
          name="confirm"
          label={t("account.password.confirm")}
          type="password"
          required
          autocomplete="new-password"
          errors={errors}
        />
        <div>
          <button type="submit">{t("auth.reset.submit")}</button>
        </div>
      </form>
    </>
  );
}

export function ResetLinkInvalid({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <>
      <div class="alert error" role="alert">
        {t("auth.reset.invalid")}
      </div>
      <p>
        <a href="/forgot-password">{t("auth.forgot.title")}</a>
      </p>
    </>
  );
}
