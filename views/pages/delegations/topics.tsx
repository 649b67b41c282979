/** @module Admin page: the visit topics list (add, activate/deactivate). */
import type { Topic } from "../../../src/delegations/topics";
import type { FieldErrors } from "../../../src/http/validate";
import { Field, FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";

export function TopicsPage({
  ctx,
  topics,
  errors,
  values,
  notice,
  editing,
}: {
  ctx: PageContext;
  topics: Topic[];
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: string;
  /** The topic whose rename form was refused (its errors and values belong to that row). */
  editing?: string;
}) {
  const { t } = ctx;
  return (
    <>
      {notice && (
        <div class="alert ok" role="status">
          {notice}
        </div>
      )}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t("topics.id")}</th>
              <th>{t("topics.nameId")}</th>
              <th>{t("topics.nameEn")}</th>
              <th>{t("topics.active")}</th>
            </tr>
          </thead>
          <tbody>
            {topics.map((tp) => (
              <tr>
                <td>
                  <code>{tp.id}</code>
                </td>
                <td colspan={2}>
                  <form method="post" action={`/admin/topics/${tp.id}`} class="inline-form">
                    <Field
                      name="nameId"
                      label={t("topics.nameId")}
                      value={editing === tp.id ? values?.nameId : tp.nameId}
                      errors={editing === tp.id ? errors : undefined}
                      idPrefix={tp.id}
                    />
                    <Field
                      name="nameEn"
                      label={t("topics.nameEn")}
                      value={editing === tp.id ? values?.nameEn : tp.nameEn}
                      errors={editing === tp.id ? errors : undefined}
                      idPrefix={tp.id}
                    />
                    <button type="submit" class="secondary">
                      {t("action.save")}
                    </button>
                  </form>
                </td>
                <td>
                  <form method="post" action={`/admin/topics/${tp.id}/active`}>
                    <input type="hidden" name="active" value={tp.active ? "false" : "true"} />
                    <button type="submit" class="secondary">
                      {t(tp.active ? "topics.deactivate" : "topics.activate")}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("topics.add")}</h2>
      <form method="post" action="/admin/topics" class="stack card">
        {!editing && <FormErrors errors={errors} />}
        <Field
          name="id"
          label={t("topics.id")}
          value={editing ? "" : values?.id}
          errors={editing ? undefined : errors}
          required
        />
        <Field
          name="nameId"
          label={t("topics.nameId")}
          value={editing ? "" : values?.nameId}
          errors={editing ? undefined : errors}
          required
        />
        <Field
          name="nameEn"
          label={t("topics.nameEn")}
          value={editing ? "" : values?.nameEn}
          errors={editing ? undefined : errors}
          required
        />
        <div>
          <button type="submit">{t("action.create")}</button>
        </div>
      </form>
    </>
  );
}
