/**
 * @module A delegation's roster in protocol precedence order: add, edit (with version), delete, CSV import
 * with a preview (all rows or none, every bad row listed) and CSV export.
 */
import type { ParticipantRow } from "../../../src/delegations/participants";
import type { ParticipantInput, RosterCsvError } from "../../../src/delegations/roster-csv";
import type { FieldErrors } from "../../../src/http/validate";
import { Field, FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";

export interface RosterProps {
  ctx: PageContext;
  delegationId: string;
  code: string;
  rows: ParticipantRow[];
  canAct: boolean;
  editing?: ParticipantRow;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
  preview?: { csv: string; rows: ParticipantInput[]; errors: RosterCsvError[] };
}

function ParticipantForm({
  ctx,
  action,
  values,
  errors,
  version,
}: {
  ctx: PageContext;
  action: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  version?: number;
}) {
  const { t } = ctx;
  return (
    <form method="post" action={action} class="stack card">
      <FormErrors errors={errors} />
      {version !== undefined && <input type="hidden" name="version" value={String(version)} />}
      <Field name="name" label={t("roster.name")} value={values.name} errors={errors} required />
      <Field name="title" label={t("roster.titleField")} value={values.title} errors={errors} required />
      <Field name="institution" label={t("roster.institution")} value={values.institution} errors={errors} />
      <Field name="email" label={t("roster.email")} type="email" value={values.email} errors={errors} />
      <Field name="phone" label={t("roster.phone")} type="tel" value={values.phone} errors={errors} />
      <Field name="needs" label={t("roster.needs")} value={values.needs} errors={errors} />
      <Field
        name="rank"
        label={t("roster.rank")}
        type="number"
        inputmode="numeric"
        value={values.rank}
        errors={errors}
        hint={t("roster.rankHint")}
      />
      <div>
        <button type="submit">{t("roster.save")}</button>
      </div>
    </form>
  );
}

export function RosterPage(props: RosterProps) {
  const { ctx, delegationId, rows, canAct, editing, preview } = props;
  const { t, locale } = ctx;
  const base = `/delegations/${delegationId}/participants`;
  return (
    <>
      <p>
        <a href={`/delegations/${delegationId}`}>← {props.code}</a> ·{" "}
        <a href={`${base}.csv`}>{t("roster.export")}</a> ·{" "}
        <a href={`${base}.csv?sep=;`}>{t("roster.exportSemicolon")}</a>
      </p>
      {props.notice && (
        <div class="alert ok" role="status">
          {props.notice}
        </div>
      )}
      {rows.length === 0 ? (
        <p>{t("roster.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards" data-testid="roster">
            <thead>
              <tr>
                <th>{t("roster.rank")}</th>
                <th>{t("roster.name")}</th>
                <th>{t("roster.titleField")}</th>
                <th>{t("roster.institution")}</th>
                <th>{t("roster.email")}</th>
                <th>{t("roster.phone")}</th>
                <th>{t("roster.needs")}</th>
                {canAct && <th />}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr>
                  <td data-label={t("roster.rank")}>
                    {p.precedenceRank}{" "}
                    <span class="muted">
                      ({t(p.rankOverridden ? "roster.overridden" : "roster.suggested")})
                    </span>
                  </td>
                  <td data-label={t("roster.name")}>{p.name}</td>
                  <td data-label={t("roster.titleField")}>{p.title}</td>
                  <td data-label={t("roster.institution")}>{p.institution ?? ""}</td>
                  <td data-label={t("roster.email")}>
                    {p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : ""}
                  </td>
                  <td data-label={t("roster.phone")}>{p.phone ?? ""}</td>
                  <td data-label={t("roster.needs")}>{p.needs ?? ""}</td>
                  {canAct && (
                    <td>
                      <div class="inline-form">
                        <a class="button secondary" href={`${base}/${p.id}/edit`}>
                          {t("delegations.edit")}
                        </a>
                        <form method="post" action={`${base}/${p.id}/delete`}>
                          <button type="submit" class="danger">
                            {t("roster.delete")}
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
      {canAct && (
        <>
          <h2>{editing ? `${t("delegations.edit")}: ${editing.name}` : t("roster.add")}</h2>
          <ParticipantForm
            ctx={ctx}
            action={editing ? `${base}/${editing.id}` : base}
            values={
              props.values ??
              (editing
                ? {
                    ...Object.fromEntries(
                      Object.entries(editing).map(([k, v]) => [k, v == null ? "" : String(v)]),
                    ),
                    rank: editing.rankOverridden ? String(editing.precedenceRank) : "",
                  }
                : {})
            }
            errors={props.errors}
            version={editing?.version}
          />
          <h2>{t("roster.import")}</h2>
          {preview && (
            <div class="card" data-testid="import-preview">
              <h3>{t("roster.preview")}</h3>
              {preview.errors.length > 0 ? (
                <div class="alert error" role="alert">
                  <p>{t("roster.previewErrors", { count: preview.errors.length })}</p>
                  <ul data-testid="import-errors">
                    {preview.errors.map((e) => (
                      <li>
                        {t("roster.row")} {e.row}, {t("roster.field")} {e.field}: {e.message[locale]}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <>
                  <p>{t("roster.previewOk", { count: preview.rows.length })}</p>
                  <div class="table-wrap">
                    <table>
                      <thead>
                        <tr>
                          <th>{t("roster.rank")}</th>
                          <th>{t("roster.name")}</th>
                          <th>{t("roster.titleField")}</th>
                          <th>{t("roster.institution")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {preview.rows.map((r) => (
                          <tr>
                            <td>{r.rank}</td>
                            <td>{r.name}</td>
                            <td>{r.title}</td>
                            <td>{r.institution ?? ""}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  <form method="post" action={`${base}/import/confirm`}>
                    <input type="hidden" name="csv" value={preview.csv} />
                    <button type="submit">{t("roster.confirmImport")}</button>
                  </form>
                </>
              )}
            </div>
          )}
          <form method="post" action={`${base}/import`} enctype="multipart/form-data" class="stack card">
            <p class="muted">{t("roster.importHint")}</p>
            <Field name="file" label="CSV">
              <input id="f-file" name="file" type="file" accept=".csv,text/csv" required />
            </Field>
            <div>
              <button type="submit">{t("roster.preview")}</button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
