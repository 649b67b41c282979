/** @module Admin page: API tokens — create (shown once), list with last use, revoke. */
import type { FieldErrors } from "../../../src/http/validate";
import { formatDateTime } from "../../../src/i18n/format";
import { Field, FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  ownerEmail: string;
  ownerRole: string;
}

export function TokensPage(props: {
  ctx: PageContext;
  tokens: TokenRow[];
  owners: { id: string; email: string }[];
  created?: string;
  notice?: string;
  errors?: FieldErrors;
}) {
  const { ctx, tokens, owners, created, notice, errors } = props;
  const { t, locale } = ctx;
  const when = (d: Date | null) => (d ? formatDateTime(d, locale, ctx.hostTimeZone) : t("tokens.never"));
  return (
    <>
      <p class="muted">{t("tokens.intro")}</p>
      {created && (
        <div class="alert ok" role="status">
          {t("tokens.created")}
          <p class="secret" data-testid="secret">
            {created}
          </p>
        </div>
      )}
      {notice && (
        <div class="alert ok" role="status">
          {notice}
        </div>
      )}
      <FormErrors errors={errors} />
      <div class="table-wrap">
        <table class="cards">
          <thead>
            <tr>
              <th>{t("tokens.name")}</th>
              <th>{t("tokens.prefix")}</th>
              <th>{t("tokens.owner")}</th>
              <th>{t("field.createdAt")}</th>
              <th>{t("tokens.lastUsed")}</th>
              <th>{t("field.status")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((tok) => (
              <tr>
                <td data-label={t("tokens.name")}>{tok.name}</td>
                <td data-label={t("tokens.prefix")}>
                  <code>{tok.prefix}…</code>
                </td>
                <td data-label={t("tokens.owner")}>
                  {tok.ownerEmail} ({tok.ownerRole})
                </td>
                <td data-label={t("field.createdAt")}>{when(tok.createdAt)}</td>
                <td data-label={t("tokens.lastUsed")}>{when(tok.lastUsedAt)}</td>
                <td data-label={t("field.status")}>
                  {tok.revokedAt ? (
                    <span class="badge danger">{t("action.revoke")}</span>
                  ) : (
                    <form method="post" action={`/admin/tokens/${tok.id}/revoke`}>
                      <button type="submit" class="danger">
                        {t("action.revoke")}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("tokens.create")}</h2>
      <form method="post" action="/admin/tokens" class="stack card">
        <Field name="name" label={t("tokens.name")} errors={errors} required />
        <Field name="userId" label={t("tokens.owner")} errors={errors}>
          <select id="f-userId" name="userId">
            {owners.map((o) => (
              <option value={o.id} selected={o.id === ctx.user?.id}>
                {o.email}
              </option>
            ))}
          </select>
        </Field>
        <div>
          <button type="submit">{t("tokens.create")}</button>
        </div>
      </form>
    </>
  );
}
