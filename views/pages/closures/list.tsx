/** @module The working calendar for one year: closed dates, add (one date or a range)/edit/delete, mark one or all reviewed, CSV upload. */
import type { ClosureCsvError } from "../../../src/closures/closures-csv";
import { CLOSURE_KINDS } from "../../../src/closures/kinds";
import type { ClosureRow } from "../../../src/closures/service";
import type { FieldErrors } from "../../../src/http/validate";
import { formatLocalDate } from "../../../src/i18n/format";
import { closureKindKey, closureSourceKey } from "../../../src/i18n/keys";
import { Field, FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";

export interface ClosuresPageProps {
  ctx: PageContext;
  year: number;
  rows: ClosureRow[];
  canEdit: boolean;
  editing?: ClosureRow;
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: string;
  csvErrors?: ClosureCsvError[];
}

export function ClosuresPage(props: ClosuresPageProps) {
  const { ctx, year, rows, canEdit, editing, errors, values, notice, csvErrors } = props;
  const { t, locale } = ctx;
  const v = values ?? (editing ? { date: editing.date, kind: editing.kind, name: editing.name } : {});
  return (
    <>
      <p class="muted">{t("closures.intro")}</p>
      <p>
        <a href={`/admin/closures?year=${year - 1}`}>← {t("closures.prevYear")}</a> ·{" "}
        <a href={`/admin/closures?year=${year + 1}`}>{t("closures.nextYear")} →</a>
      </p>
      {notice && (
        <div class="alert ok" role="status">
          {notice}
        </div>
      )}
      {csvErrors && csvErrors.length > 0 && (
        <div class="alert error" role="alert" data-testid="csv-errors">
          <p>{t("closures.csvInvalid")}</p>
          <ul>
            {csvErrors.map((e) => (
              <li>
                {t("closures.row")} {e.row}: {e.message[locale]}
              </li>
            ))}
          </ul>
          <p>{t("closures.csvChooseAgain")}</p>
        </div>
      )}
      {rows.length === 0 ? (
        <p>{t("closures.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="closures">
            <thead>
              <tr>
                <th>{t("closures.date")}</th>
                <th>{t("closures.name")}</th>
                <th>{t("closures.kind")}</th>
                <th>{t("closures.source")}</th>
                <th>{t("closures.reviewed")}</th>
                {canEdit && <th />}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{formatLocalDate(r.date, locale)}</td>
                  <td>{r.name}</td>
                  <td>{t(closureKindKey(r.kind))}</td>
                  <td>{t(closureSourceKey(r.source))}</td>
                  <td>
                    {r.reviewed ? (
                      <span class="badge ok">{t("closures.reviewed")}</span>
                    ) : (
                      <span class="badge danger">{t("closures.notReviewed")}</span>
                    )}
                  </td>
                  {canEdit && (
                    <td>
                      <div class="inline-form">
                        {!r.reviewed && (
                          <form method="post" action={`/admin/closures/${r.id}/review`}>
                            <button type="submit" class="secondary">
                              {t("closures.markReviewed")}
                            </button>
                          </form>
                        )}
                        <a class="button secondary" href={`/admin/closures/${r.id}/edit`}>
                          {t("closures.edit")}
                        </a>
                        <form method="post" action={`/admin/closures/${r.id}/delete`}>
                          <button type="submit" class="danger">
                            {t("closures.delete")}
                          </button>
                        </form>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <>
          {rows.some((r) => !r.reviewed) && (
            <form method="post" action={`/admin/closures/review?year=${year}`}>
              <button type="submit" class="secondary">
                {t("closures.markAllReviewed")}
              </button>
            </form>
          )}
          <h2>{editing ? `${t("closures.edit")}: ${editing.name}` : t("closures.add")}</h2>
          <form
            method="post"
            action={editing ? `/admin/closures/${editing.id}` : "/admin/closures"}
            class="stack card"
          >
            <FormErrors errors={errors} />
            <Field
              name="date"
              label={editing ? t("closures.date") : t("closures.dateFrom")}
              type="date"
              value={v.date}
              errors={errors}
              required
            />
            {!editing && (
              <Field
                name="endDate"
                label={t("closures.endDate")}
                type="date"
                value={v.endDate}
                hint={t("closures.endDateHint")}
                errors={errors}
              />
            )}
            <Field name="name" label={t("closures.name")} value={v.name} errors={errors} required />
            <Field name="kind" label={t("closures.kind")} errors={errors}>
              <select id="f-kind" name="kind">
                {CLOSURE_KINDS.map((k) => (
                  <option value={k} selected={v.kind === k}>
                    {t(closureKindKey(k))}
                  </option>
                ))}
              </select>
            </Field>
            <div>
              <button type="submit">{t("action.save")}</button>
            </div>
          </form>
          <h2>{t("closures.csvTitle")}</h2>
          <form
            method="post"
            action={`/admin/closures/import?year=${year}`}
            enctype="multipart/form-data"
            class="stack card"
          >
            <p class="muted">{t("closures.csvHint")}</p>
            <Field name="file" label={t("closures.csvFile")}>
              <input id="f-file" name="file" type="file" accept=".csv,text/csv" required />
            </Field>
            <div>
              <button type="submit">{t("closures.csvTitle")}</button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
