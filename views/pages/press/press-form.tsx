/**
 * @module The humas form for a visit's press release: every part of the release, three quote rows, and
 * the downloads (Word, plain text) of the current saved version.
 */
import type { FieldErrors } from "../../../src/http/validate";
import { Field, FormErrors, TextAreaField } from "../../components/field";
import type { PageContext } from "../../page-context";

export const QUOTE_ROWS = 3;

export function PressFormPage(p: {
  ctx: PageContext;
  d: { id: string };
  values: Record<string, string>;
  errors: FieldErrors;
  note: string;
}) {
  const { t } = p.ctx;
  const v = (k: string) => p.values[k] ?? "";
  const base = `/delegations/${p.d.id}/press-release`;
  return (
    <>
      <p>{p.note}</p>
      <p class="row">
        <a href={`${base}/download.docx`}>{t("press.downloadDocx")}</a>
        <a href={`${base}/download.txt`}>{t("press.downloadText")}</a>
      </p>
      <form method="post" action={base} class="card stack wide" data-testid="press-form">
        <FormErrors errors={p.errors} />
        <input type="hidden" name="version" value={v("version")} />
        <Field name="headline" label={t("press.headline")} value={v("headline")} errors={p.errors} />
        <Field name="dateline" label={t("press.dateline")} value={v("dateline")} errors={p.errors} />
        <TextAreaField name="lead" label={t("press.lead")} value={v("lead")} errors={p.errors} rows={6} />
        <TextAreaField name="body" label={t("press.body")} value={v("body")} errors={p.errors} rows={8} />
        {Array.from({ length: QUOTE_ROWS }, (_, i) => (
          <fieldset>
            <Field
              name={`quotes.${i}.speaker`}
              label={t("press.quoteSpeaker", { n: i + 1 })}
              value={v(`quotes.${i}.speaker`)}
              errors={p.errors}
            />
            <Field
              name={`quotes.${i}.title`}
              label={t("press.quoteTitle", { n: i + 1 })}
              value={v(`quotes.${i}.title`)}
              errors={p.errors}
            />
            <TextAreaField
              name={`quotes.${i}.text`}
              label={t("press.quoteText", { n: i + 1 })}
              value={v(`quotes.${i}.text`)}
              errors={p.errors}
              rows={2}
            />
          </fieldset>
        ))}
        <TextAreaField
          name="commitments"
          label={t("press.commitments")}
          value={v("commitments")}
          errors={p.errors}
        />
        <TextAreaField name="closing" label={t("press.closing")} value={v("closing")} errors={p.errors} />
        <div class="row">
          <button type="submit">{t("press.save")}</button>
          <a href={`/delegations/${p.d.id}`}>{t("action.cancel")}</a>
        </div>
      </form>
    </>
  );
}
