/** @module The sign-in page: one generic error for every failed attempt. */
import { Field, FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";

export function LoginForm({
  ctx,
  email,
  next,
  error,
  notice,
}: {
  ctx: PageContext;
  email?: string;
  next?: string;
  error?: string;
  notice?: string;
}) {
  const { t } = ctx;
  return (
    <>
      <p class="muted">{t("auth.signInIntro")}</p>
      {notice && (
        <div class="alert ok" role="status">
          {notice}
        </div>
      )}
      <FormErrors message={error} />
      <form method="post" action="/login" class="stack card">
        <input type="hidden" name="next" value={next ?? "/"} />
        <Field
          name="email"
          label={t("field.email")}
          type="email"
          value={email}
          required
          autocomplete="username"
        />
        <Field
          name="password"
          label={t("field.password")}
          type="password"
          required
          autocomplete="current-password"
        />
        <div>
          <button type="submit">{t("nav.signIn")}</button>
        </div>
      </form>
      <p>
        <a href="/forgot-password">{t("auth.forgot.link")}</a>
      </p>
    </>
  );
}
