/**
 * @module The venue form (create and edit): one text field per weekday for opening hours. The weekly-hours,
 * time-zone and "active" fields are shared with the host form.
 */
import type { FieldErrors } from "../../../src/http/validate";
import { weekdayKey } from "../../../src/i18n/keys";
import { Field, FormErrors } from "../../components/field";
import { ZoneSelect } from "../../components/zone-select";
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
          label={t(weekdayKey(d))}
          value={props.values[`${props.prefix}${d}`] ?? ""}
          errors={props.errors}
        />
      ))}
    </fieldset>
  );
}

/** The IANA zone of a venue or host; the host's zone (HOST_TIME_ZONE) on a new form. */
export function TimeZoneField(props: {
  ctx: PageContext;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  return (
    <ZoneSelect
      ctx={props.ctx}
      name="timeZone"
      label={props.ctx.t("venue.timeZone")}
      value={props.values.timeZone ?? props.ctx.hostTimeZone}
      errors={props.errors}
    />
  );
}

/** "Active" of a venue or host: ticked on a new form, then as submitted or stored ("on" or "true"). */
export function ActiveCheckbox(props: { ctx: PageContext; values: Record<string, string> }) {
  const { active } = props.values;
  return (
    <label class="check">
      <input
        type="checkbox"
        name="active"
        checked={active === undefined || active === "on" || active === "true"}
      />{" "}
      {props.ctx.t("venue.active")}
    </label>
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
      <TimeZoneField ctx={ctx} values={values} errors={errors} />
      <label class="check">
        <input type="checkbox" name="opensOnHolidays" checked={checked("opensOnHolidays")} />{" "}
        {t("venue.opensOnHolidays")}
      </label>
      <ActiveCheckbox ctx={ctx} values={values} />
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
