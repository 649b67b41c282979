/** @module Admin page: list users, add one, change role, reset password, disable or enable. */
import { ROLES } from "../../../db/schema/auth";
import type { FieldErrors } from "../../../src/http/validate";
import { Field, FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: (typeof ROLES)[number];
  locale: string;
  disabledAt: Date | null;
}

export interface UsersPageProps {
  ctx: PageContext;
  users: UserRow[];
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: string;
  secret?: string;
  error?: string;
}

function RoleSelect({
  ctx,
  name,
  value,
  id,
}: {
  ctx: PageContext;
  name: string;
  value?: string;
  id: string;
}) {
  return (
    <select id={id} name={name}>
      {ROLES.map((r) => (
        <option value={r} selected={r === value}>
          {ctx.t(`role.${r}`)}
        </option>
      ))}
    </select>
  );
}

export function UsersPage({ ctx, users, errors, values = {}, notice, secret, error }: UsersPageProps) {
  const { t } = ctx;
  return (
    <>
      {notice && (
        <div class="alert ok" role="status">
          {notice}
          {secret && (
            <p class="secret" data-testid="secret">
              {secret}
            </p>
          )}
        </div>
      )}
      <FormErrors errors={errors} message={error} />
      <div class="table-wrap">
        <table class="cards">
          <thead>
            <tr>
              <th>{t("field.name")}</th>
              <th>{t("field.email")}</th>
              <th>{t("field.role")}</th>
              <th>{t("field.status")}</th>
              <th>
                <span class="muted">⋯</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr data-email={u.email}>
                <td data-label={t("field.name")}>{u.name}</td>
                <td data-label={t("field.email")}>{u.email}</td>
                <td data-label={t("field.role")}>
                  <form method="post" action={`/admin/users/${u.id}/role`} class="inline-form">
                    <label class="skip" for={`role-${u.id}`}>
                      {t("users.changeRole")}
                    </label>
                    <RoleSelect ctx={ctx} name="role" value={u.role} id={`role-${u.id}`} />
                    <button type="submit" class="secondary">
                      {t("action.save")}
                    </button>
                  </form>
                </td>
                <td data-label={t("field.status")}>
                  {u.disabledAt ? (
                    <span class="badge danger">{t("users.disabled")}</span>
                  ) : (
                    <span class="badge ok">{t("users.active")}</span>
                  )}
                </td>
                <td>
                  <div class="inline-form">
                    <form method="post" action={`/admin/users/${u.id}/reset-password`}>
                      <button type="submit" class="secondary">
                        {t("users.resetPassword")}
                      </button>
                    </form>
                    <form
                      method="post"
                      action={`/admin/users/${u.id}/${u.disabledAt ? "enable" : "disable"}`}
                    >
                      <button type="submit" class={u.disabledAt ? "secondary" : "danger"}>
                        {t(u.disabledAt ? "action.enable" : "action.disable")}
                      </button>
                    </form>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("users.create")}</h2>
      <form method="post" action="/admin/users" class="stack card">
        <Field name="name" label={t("field.name")} value={values.name} errors={errors} required />
        <Field
          name="email"
          label={t("field.email")}
          type="email"
          value={values.email}
          errors={errors}
          required
        />
        <Field name="role" label={t("field.role")} errors={errors}>
          <RoleSelect ctx={ctx} name="role" value={values.role ?? "protocol"} id="f-role" />
        </Field>
        <Field
          name="password"
          label={t("field.password")}
          type="password"
          errors={errors}
          hint={t("users.passwordHint")}
          autocomplete="new-password"
        />
        <div>
          <button type="submit">{t("action.create")}</button>
        </div>
      </form>
    </>
  );
}
