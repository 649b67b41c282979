/**
 * @module Admin page: calendar subscription feeds — create (URL shown once, with webcal link), list, revoke.
 * A refused form shows its errors beside the fields with what was typed kept.
 */
import type { FeedTokenInfo } from "../../../src/calendar/feed-tokens";
import type { FieldErrors } from "../../../src/http/validate";
import { formatDateTime } from "../../../src/i18n/format";
import { Field, FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";

export interface FeedsPageProps {
  ctx: PageContext;
  feeds: FeedTokenInfo[];
  venues: { id: string; name: string }[];
  hosts: { id: string; name: string }[];
  created?: { url: string; webcal: string };
  notice?: string;
  errors?: FieldErrors;
  /** What was typed, after a refused submit. */
  values?: Record<string, string>;
}

export function FeedsPage(props: FeedsPageProps) {
  const { ctx, feeds, created, notice, errors } = props;
  const values = props.values ?? {};
  const { t, locale } = ctx;
  const when = (d: Date) => formatDateTime(d, locale, ctx.hostTimeZone);
  return (
    <>
      <p class="muted">{t("feeds.intro")}</p>
      {created && (
        <div class="alert ok" role="status">
          {t("feeds.created")}
          <p class="secret" data-testid="feed-url">
            {created.url}
          </p>
          <a class="button" href={created.webcal} data-testid="feed-webcal">
            {t("feeds.webcal")}
          </a>
        </div>
      )}
      {notice && (
        <div class="alert ok" role="status">
          {notice}
        </div>
      )}
      <FormErrors errors={errors} />
      <form method="post" action="/admin/feeds" class="card row">
        <Field name="label" label={t("feeds.label")} errors={errors} value={values.label} required />
        <Field name="scope" label={t("feeds.scope")} errors={errors}>
          <select id="f-scope" name="scope">
            {(["all", "venue", "host"] as const).map((scope) => (
              <option value={scope} selected={values.scope === scope}>
                {t(`feeds.scope.${scope}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="scopeId" label={t("feeds.target")} errors={errors}>
          <select
            id="f-scopeId"
            name="scopeId"
            aria-invalid={errors?.scopeId ? "true" : undefined}
            aria-describedby={errors?.scopeId ? "f-scopeId-error" : undefined}
          >
            <option value="">—</option>
            <optgroup label={t("feeds.scope.venue")}>
              {props.venues.map((v) => (
                <option value={v.id} selected={values.scopeId === v.id}>
                  {v.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("feeds.scope.host")}>
              {props.hosts.map((h) => (
                <option value={h.id} selected={values.scopeId === h.id}>
                  {h.name}
                </option>
              ))}
            </optgroup>
          </select>
        </Field>
        <div>
          <button type="submit">{t("action.create")}</button>
        </div>
      </form>
      {feeds.length === 0 ? (
        <p>{t("feeds.none")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t("feeds.label")}</th>
                <th>{t("feeds.scope")}</th>
                <th>{t("field.createdAt")}</th>
                <th>{t("field.status")}</th>
              </tr>
            </thead>
            <tbody>
              {feeds.map((f) => (
                <tr>
                  <td>{f.label}</td>
                  <td>
                    {t(`feeds.scope.${f.scope}`)}
                    {f.scopeName ? `: ${f.scopeName}` : ""}
                  </td>
                  <td>{when(f.createdAt)}</td>
                  <td>
                    {f.revokedAt ? (
                      <span class="badge danger">{t("feeds.revokedAt", { at: when(f.revokedAt) })}</span>
                    ) : (
                      <form method="post" action={`/admin/feeds/${f.id}/revoke`} data-testid="feed-revoke">
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
      )}
    </>
  );
}
