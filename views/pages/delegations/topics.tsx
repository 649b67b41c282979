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
}: {
  ctx: PageContext;
  topics: Topic[];
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: string;
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
                <td>{tp.nameId}</td>
                <td>{tp.nameEn}</td>
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
        <FormErrors errors={errors} />
        <Field name="id" label={t("topics.id")} value={values?.id} errors={errors} required />
        <Field name="nameId" label={t("topics.nameId")} value={values?.nameId} errors={errors} required />
        <Field name="nameEn" label={t("topics.nameEn")} value={values?.nameEn} errors={errors} required />
        <div>
          <button type="submit">{t("action.create")}</button>
        </div>
      </form>
    </>
  );
}
