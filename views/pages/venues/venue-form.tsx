/** @module The venue form (create and edit): one text field per weekday for opening hours. */
import type { FieldErrors } from "../../../src/http/validate";
import type { MessageKey } from "../../../src/i18n/dictionary";
import { Field, FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";

export const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;

export function HoursFields(props: {
  ctx: PageContext;
  prefix: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  legend: string;
  hint: string;
}) {
  const { t } = props.ctx;
  return (
    <fieldset class="stack-tight">
      <legend>{props.legend}</legend>
      <p class="hint muted">{props.hint}</p>
      {WEEKDAYS.map((d) => (
        <Field
          name={`${props.prefix}${d}`}
          label={t(`scheduling.weekday.${d}` as MessageKey)}
          value={props.values[`${props.prefix}${d}`] ?? ""}
          errors={props.errors}
        />
      ))}
    </fieldset>
  );
}

export function VenueForm(props: {
  ctx: PageContext;
  action: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  submitLabel: string;
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const checked = (name: string) => values[name] === "on" || values[name] === "true";
  return (
    <form method="post" action={props.action} class="stack card" data-testid="venue-form">
      <FormErrors errors={errors} />
      {values.version && <input type="hidden" name="version" value={values.version} />}
      <Field name="name" label={t("venue.name")} value={values.name} errors={errors} required />
      <Field name="address" label={t("venue.address")} value={values.address} errors={errors} required />
      <Field name="mapUrl" label={t("venue.mapUrl")} type="url" value={values.mapUrl} errors={errors} />
      <div class="row">
        <Field
          name="capacity"
          label={t("venue.capacity")}
          type="number"
          min="1"
          value={values.capacity}
          errors={errors}
          required
        />
        <Field
          name="concurrentGroups"
          label={t("venue.concurrentGroups")}
          type="number"
          min="1"
          value={values.concurrentGroups ?? "1"}
          errors={errors}
        />
        <Field
          name="bufferMinutes"
          label={t("venue.bufferMinutes")}
          type="number"
          min="0"
          value={values.bufferMinutes ?? "0"}
          errors={errors}
        />
      </div>
      <Field
        name="timeZone"
        label={t("venue.timeZone")}
        value={values.timeZone ?? "Asia/Jakarta"}
        errors={errors}
      />
      <label class="check">
        <input type="checkbox" name="opensOnHolidays" checked={checked("opensOnHolidays")} />{" "}
        {t("venue.opensOnHolidays")}
      </label>
      <label class="check">
        <input type="checkbox" name="active" checked={values.active === undefined || checked("active")} />{" "}
        {t("venue.active")}
      </label>
      <HoursFields
        ctx={ctx}
        prefix="hours"
        values={values}
        errors={errors}
        legend={t("venue.hours")}
        hint={t("scheduling.hoursHint")}
      />
      <div>
        <button type="submit">{props.submitLabel}</button>
      </div>
    </form>
  );
}
