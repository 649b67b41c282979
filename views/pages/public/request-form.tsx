/**
 * @module The public visit-request form: phone-first, works without JavaScript (regencies are grouped by
 * province in one <select>; /assets/request-form.js only hides other provinces' groups), every error next
 * to its field. A hidden honeypot field catches bots.
 */
import type { FieldErrors } from "../../../src/http/validate";
import type { Province, Regency } from "../../../src/regions/regions";
import { Field, FormErrors, fieldError } from "../../components/field";
import type { PageContext } from "../../page-context";

export interface RequestFormProps {
  ctx: PageContext;
  action: string;
  provinces: readonly { province: Province; regencies: readonly Regency[] }[];
  topics: readonly { id: string; name: string }[];
  values: Record<string, string>;
  selectedTopics: readonly string[];
  errors?: FieldErrors;
  earliestLabel: string;
  minWorkingDays: number;
  /** Staff form: no honeypot, no letter hint about privacy. */
  staff?: boolean;
  submitLabel?: string;
  /** Extra hidden fields (the `version` of an edit, the public form's submission key). */
  hidden?: Record<string, string>;
  /** A letter was attached to the refused submit: the browser cannot keep it, so the form says so. */
  letterDropped?: boolean;
}

export function RegionFields({
  ctx,
  provinces,
  values,
  errors,
}: Pick<RequestFormProps, "ctx" | "provinces" | "values" | "errors">) {
  const { t } = ctx;
  return (
    <>
      <Field name="provinceCode" label={t("requests.province")} errors={errors}>
        <select
          id="f-provinceCode"
          name="provinceCode"
          required
          data-region="province"
          aria-invalid={fieldError(errors, "provinceCode") ? "true" : undefined}
          aria-describedby={fieldError(errors, "provinceCode") ? "f-provinceCode-error" : undefined}
        >
          <option value="">{t("requests.chooseProvince")}</option>
          {provinces.map(({ province }) => (
            <option value={province.code} selected={values.provinceCode === province.code}>
              {province.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="regencyCode" label={t("requests.regency")} errors={errors}>
        <select
          id="f-regencyCode"
          name="regencyCode"
          data-region="regency"
          aria-invalid={fieldError(errors, "regencyCode") ? "true" : undefined}
          aria-describedby={fieldError(errors, "regencyCode") ? "f-regencyCode-error" : undefined}
        >
          <option value="">{t("requests.regencyNone")}</option>
          {provinces.map(({ province, regencies }) => (
            <optgroup label={province.name} data-province={province.code}>
              {regencies.map((r) => (
                <option value={r.code} selected={values.regencyCode === r.code}>
                  {r.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
    </>
  );
}

export function RequestForm(props: RequestFormProps) {
  const { ctx, values, errors, topics, selectedTopics } = props;
  const { t } = ctx;
  const v = (name: string) => values[name] ?? "";
  const topicError = fieldError(errors, "topics");
  const hasErrors = errors && Object.keys(errors).length > 0;
  return (
    <form method="post" action={props.action} enctype="multipart/form-data" class="stack" novalidate>
      {!props.staff && <p class="muted">{t("requests.intro")}</p>}
      {hasErrors && <FormErrors message={errors?._?.join(" ") ?? t("requests.fixErrors")} />}
      <fieldset class="card">
        <legend>{t("requests.section.origin")}</legend>
        <Field
          name="institution"
          label={t("requests.institution")}
          value={v("institution")}
          errors={errors}
          required
          autocomplete="organization"
        />
        <RegionFields ctx={ctx} provinces={props.provinces} values={values} errors={errors} />
        <Field
          name="leaderName"
          label={t("requests.leaderName")}
          value={v("leaderName")}
          errors={errors}
          required
        />
        <Field
          name="leaderTitle"
          label={t("requests.leaderTitle")}
          value={v("leaderTitle")}
          errors={errors}
          required
        />
      </fieldset>
      <fieldset class="card">
        <legend>{t("requests.section.visit")}</legend>
        <Field name="purpose" label={t("requests.purpose")} errors={errors}>
          <textarea
            id="f-purpose"
            name="purpose"
            rows={4}
            required
            aria-invalid={fieldError(errors, "purpose") ? "true" : undefined}
            aria-describedby={fieldError(errors, "purpose") ? "f-purpose-error" : undefined}
          >
            {v("purpose")}
          </textarea>
        </Field>
        <fieldset
          class="field"
          aria-invalid={topicError ? "true" : undefined}
          aria-describedby={topicError ? "f-topics-error" : undefined}
        >
          <legend>{t("requests.topics")}</legend>
          {topics.map((topic) => (
            <label class="check">
              <input
                type="checkbox"
                name="topics"
                value={topic.id}
                checked={selectedTopics.includes(topic.id)}
              />{" "}
              {topic.name}
            </label>
          ))}
          {topicError && (
            <span class="error" id="f-topics-error">
              {topicError}
            </span>
          )}
        </fieldset>
        <Field
          name="expectedSize"
          label={t("requests.expectedSize")}
          type="number"
          inputmode="numeric"
          min="1"
          max="500"
          value={v("expectedSize")}
          errors={errors}
          required
        />
      </fieldset>
      <fieldset class="card">
        <legend>{t("requests.section.dates")}</legend>
        {!props.staff && (
          <p class="hint" data-testid="earliest">
            {t("requests.datesHint", { date: props.earliestLabel, days: props.minWorkingDays })}
          </p>
        )}
        {(["preferred", "alt1", "alt2"] as const).map((prefix) => (
          <div class="row">
            <Field
              name={`${prefix}Start`}
              label={t(`requests.${prefix}Start`)}
              type="date"
              value={v(`${prefix}Start`)}
              errors={errors}
              required={prefix === "preferred"}
            />
            <Field
              name={`${prefix}End`}
              label={t(`requests.${prefix}End`)}
              type="date"
              value={v(`${prefix}End`)}
              errors={errors}
            />
          </div>
        ))}
      </fieldset>
      <fieldset class="card">
        <legend>{t("requests.section.contact")}</legend>
        <Field
          name="contactName"
          label={t("requests.contactName")}
          value={v("contactName")}
          errors={errors}
          required
          autocomplete="name"
        />
        <Field
          name="contactEmail"
          label={t("requests.contactEmail")}
          type="email"
          inputmode="email"
          value={v("contactEmail")}
          errors={errors}
          required
          autocomplete="email"
        />
        <Field
          name="contactPhone"
          label={t("requests.contactPhone")}
          type="tel"
          inputmode="tel"
          value={v("contactPhone")}
          errors={errors}
          required
          autocomplete="tel"
        />
      </fieldset>
      <fieldset class="card">
        <legend>{t("requests.section.letter")}</legend>
        <Field
          name="letterNumber"
          label={t("requests.letterNumber")}
          value={v("letterNumber")}
          errors={errors}
        />
        <Field
          name="letterDate"
          label={t("requests.letterDate")}
          type="date"
          value={v("letterDate")}
          errors={errors}
        />
        <Field name="letterFile" label={t("requests.letterFile")} errors={errors}>
          <input
            id="f-letterFile"
            name="letterFile"
            type="file"
            accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            aria-invalid={fieldError(errors, "letterFile") ? "true" : undefined}
            aria-describedby={
              fieldError(errors, "letterFile")
                ? "f-letterFile-error"
                : props.letterDropped
                  ? "f-letterFile-reattach"
                  : undefined
            }
          />
          {props.letterDropped && (
            <p id="f-letterFile-reattach" class="alert warn" data-testid="letter-reattach">
              {t("letter.reattach")}
            </p>
          )}
        </Field>
        <Field name="notes" label={t("requests.notes")} errors={errors}>
          <textarea id="f-notes" name="notes" rows={3}>
            {v("notes")}
          </textarea>
        </Field>
      </fieldset>
      {props.staff ? (
        <Field name="language" label={ctx.t("delegations.language")}>
          <select id="f-language" name="language">
            <option value="id" selected={(values.language ?? "id") === "id"}>
              {t("lang.id")}
            </option>
            <option value="en" selected={values.language === "en"}>
              {t("lang.en")}
            </option>
          </select>
        </Field>
      ) : (
        <input type="hidden" name="language" value={values.language ?? ctx.locale} />
      )}
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {!props.staff && (
        <div class="hp" aria-hidden="true">
          <label for="f-website">{t("requests.website")}</label>
          <input id="f-website" name="website" type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
      )}
      <div>
        <button type="submit" data-testid="submit-request">
          {props.submitLabel ?? t("requests.submit")}
        </button>
      </div>
      <script src="/assets/request-form.js" defer />
    </form>
  );
}
