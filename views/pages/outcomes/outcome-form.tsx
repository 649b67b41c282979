/**
 * @module The outcome form: summary (Indonesian, optional English), what was shown and discussed, press
 * release, media coverage and documentation links as fixed rows (no JavaScript; empty rows are ignored),
 * internal notes. The actual attendance comes from check-in and is shown, not typed.
 */
import type { FieldErrors } from "../../../src/http/validate";
import { Field, FormErrors, fieldError } from "../../components/field";
import type { PageContext } from "../../page-context";

export const MEDIA_ROWS = 4;
export const DOC_ROWS = 3;

export interface OutcomeFormProps {
  ctx: PageContext;
  delegation: { id: string; code: string; institution: string };
  values: Record<string, string>;
  errors?: FieldErrors;
  attendance: { attended: number; listed: number };
  mediaRows: number;
  docRows: number;
}

function TextArea({
  name,
  label,
  value,
  errors,
  rows = 4,
  required,
}: {
  name: string;
  label: string;
  value?: string;
  errors?: FieldErrors;
  rows?: number;
  required?: boolean;
}) {
  const error = fieldError(errors, name);
  return (
    <Field name={name} label={label} errors={errors}>
      <textarea
        id={`f-${name}`}
        name={name}
        rows={rows}
        required={required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `f-${name}-error` : undefined}
      >
        {value ?? ""}
      </textarea>
    </Field>
  );
}

export function OutcomeFormPage(p: OutcomeFormProps) {
  const { ctx, values, errors } = p;
  const { t } = ctx;
  return (
    <>
      <p>
        <a href={`/delegations/${p.delegation.id}`}>{p.delegation.code}</a> · {p.delegation.institution}
      </p>
      <p data-testid="outcome-attendance">{t("outcomes.attendance", p.attendance)}</p>
      <form
        method="post"
        action={`/delegations/${p.delegation.id}/outcome`}
        class="stack wide"
        data-testid="outcome-form"
      >
        <FormErrors errors={errors} />
        <input type="hidden" name="version" value={values.version ?? "0"} />
        <TextArea
          name="summary"
          label={t("outcomes.summary")}
          value={values.summary}
          errors={errors}
          rows={5}
          required
        />
        <TextArea
          name="summaryEn"
          label={t("outcomes.summaryEn")}
          value={values.summaryEn}
          errors={errors}
          rows={3}
        />
        <TextArea name="shown" label={t("outcomes.shown")} value={values.shown} errors={errors} />
        <TextArea name="discussed" label={t("outcomes.discussed")} value={values.discussed} errors={errors} />
        <Field
          name="pressReleaseUrl"
          label={t("outcomes.pressReleaseUrl")}
          type="url"
          value={values.pressReleaseUrl}
          errors={errors}
        />
        <fieldset class="field">
          <legend>{t("outcomes.media")}</legend>
          <span class="hint">{t("outcomes.rowsHint")}</span>
          {Array.from({ length: p.mediaRows }, (_, i) => (
            <div class="row" data-testid="media-row">
              <Field
                idPrefix={`m${i}`}
                name={`media.${i}.outlet`}
                label={t("outcomes.mediaOutlet")}
                value={values[`media.${i}.outlet`]}
                errors={errors}
              />
              <Field
                idPrefix={`m${i}`}
                name={`media.${i}.title`}
                label={t("outcomes.mediaTitle")}
                value={values[`media.${i}.title`]}
                errors={errors}
              />
              <Field
                idPrefix={`m${i}`}
                name={`media.${i}.url`}
                label={t("outcomes.mediaUrl")}
                type="url"
                value={values[`media.${i}.url`]}
                errors={errors}
              />
              <Field
                idPrefix={`m${i}`}
                name={`media.${i}.date`}
                label={t("outcomes.mediaDate")}
                type="date"
                value={values[`media.${i}.date`]}
                errors={errors}
              />
            </div>
          ))}
        </fieldset>
        <fieldset class="field">
          <legend>{t("outcomes.documentation")}</legend>
          {Array.from({ length: p.docRows }, (_, i) => (
            <div class="row">
              <Field
                idPrefix={`d${i}`}
                name={`documentation.${i}.label`}
                label={t("outcomes.docLabel")}
                value={values[`documentation.${i}.label`]}
                errors={errors}
              />
              <Field
                idPrefix={`d${i}`}
                name={`documentation.${i}.url`}
                label={t("outcomes.docUrl")}
                type="url"
                value={values[`documentation.${i}.url`]}
                errors={errors}
              />
            </div>
          ))}
        </fieldset>
        <TextArea
          name="internalNotes"
          label={t("outcomes.internalNotes")}
          value={values.internalNotes}
          errors={errors}
        />
        <div>
          <button type="submit">{t("action.save")}</button>
        </div>
      </form>
    </>
  );
}
