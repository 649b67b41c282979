/**
 * @module The commitment form (new and edit): party, owner (a staff account, or an outside person's name
 * and e-mail), what, target date, reminders on or off. Errors sit beside their fields.
 */

import { COMMITMENT_PARTIES } from "../../../db/schema/outcomes";
import type { FieldErrors } from "../../../src/http/validate";
import { commitmentPartyKey } from "../../../src/i18n/keys";
import { Field, FormErrors, fieldError } from "../../components/field";
import type { PageContext } from "../../page-context";

export interface CommitmentFormProps {
  ctx: PageContext;
  action: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  staff: { id: string; name: string }[];
  submitLabel: string;
  hidden?: Record<string, string>;
  warning?: string;
}

export function CommitmentForm({
  ctx,
  action,
  values,
  errors,
  staff,
  submitLabel,
  hidden,
  warning,
}: CommitmentFormProps) {
  const { t } = ctx;
  const ownerError = fieldError(errors, "owner");
  return (
    <form method="post" action={action} class="stack" data-testid="commitment-form">
      <FormErrors errors={errors} />
      {warning && <div class="alert warn">{warning}</div>}
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <Field name="what" label={t("commitments.what")} errors={errors}>
        <textarea
          id="f-what"
          name="what"
          rows={3}
          required
          aria-invalid={fieldError(errors, "what") ? "true" : undefined}
          aria-describedby={fieldError(errors, "what") ? "f-what-error" : undefined}
        >
          {values.what ?? ""}
        </textarea>
      </Field>
      <Field name="party" label={t("commitments.party")} errors={errors}>
        <select id="f-party" name="party">
          {COMMITMENT_PARTIES.map((p) => (
            <option value={p} selected={values.party === p ? true : undefined}>
              {t(commitmentPartyKey(p))}
            </option>
          ))}
        </select>
      </Field>
      <fieldset class="field">
        <legend>{t("commitments.owner")}</legend>
        {ownerError && (
          <span class="error" id="f-owner-error">
            {ownerError}
          </span>
        )}
        <Field name="ownerUserId" label={t("commitments.ownerUser")} errors={errors}>
          <select
            id="f-ownerUserId"
            name="ownerUserId"
            aria-describedby={ownerError ? "f-owner-error" : undefined}
          >
            <option value="">—</option>
            {staff.map((u) => (
              <option value={u.id} selected={values.ownerUserId === u.id ? true : undefined}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <div class="row">
          <Field
            name="ownerName"
            label={t("commitments.ownerExternal")}
            value={values.ownerName}
            errors={errors}
          />
          <Field
            name="ownerEmail"
            label={t("commitments.ownerEmail")}
            type="email"
            value={values.ownerEmail}
            errors={errors}
          />
        </div>
      </fieldset>
      <Field
        name="targetDate"
        label={t("commitments.targetDate")}
        type="date"
        value={values.targetDate}
        errors={errors}
        required
      />
      <label class="check">
        <input
          type="checkbox"
          name="remindersEnabled"
          value="on"
          checked={values.remindersEnabled !== "off" ? true : undefined}
        />{" "}
        {t("commitments.remindersOn")}
      </label>
      <div>
        <button type="submit">{submitLabel}</button>
      </div>
    </form>
  );
}
