/** @module Blackouts of a venue (or of all venues): the list with delete buttons and the add form. */
import type { FieldErrors } from "../../../src/http/validate";
import { formatDateTime, formatWallTimeRange } from "../../../src/i18n/format";
import { isWeekday, weekdayKey } from "../../../src/i18n/keys";
import { Field, FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";
import { WEEKDAYS } from "./venue-form";

export interface BlackoutItem {
  id: string;
  kind: "once" | "weekly";
  startsAt: Date | null;
  endsAt: Date | null;
  weekdays: number[] | null;
  fromTime: string | null;
  toTime: string | null;
  reason: string;
}

export function BlackoutList(props: {
  ctx: PageContext;
  items: BlackoutItem[];
  timeZone: string;
  back: string;
}) {
  const { t, locale } = props.ctx;
  if (props.items.length === 0) return <p class="muted">{t("blackouts.empty")}</p>;
  return (
    <ul class="plain" data-testid="blackouts">
      {props.items.map((b) => (
        <li>
          <strong>{b.reason}</strong> —{" "}
          {b.kind === "once" && b.startsAt && b.endsAt
            ? `${formatDateTime(b.startsAt, locale, props.timeZone)} – ${formatDateTime(b.endsAt, locale, props.timeZone)}`
            : `${(b.weekdays ?? [])
                .filter(isWeekday)
                .map((d) => t(weekdayKey(d)))
                .join(", ")} ${formatWallTimeRange(b.fromTime ?? "", b.toTime ?? "", locale)}`}{" "}
          <form method="post" action={`/blackouts/${b.id}/delete`} class="inline-form">
            <input type="hidden" name="back" value={props.back} />
            <button type="submit" class="secondary">
              {t("scheduling.delete")}
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}

export function BlackoutForm(props: {
  ctx: PageContext;
  action: string;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t } = props.ctx;
  const { values, errors } = props;
  return (
    <form method="post" action={props.action} class="stack card">
      <h3>{t("blackouts.new")}</h3>
      <p class="muted">{t("blackouts.intro")}</p>
      <FormErrors errors={errors} />
      <Field name="reason" label={t("blackout.reason")} value={values.reason} errors={errors} required />
      <Field name="kind" label={t("blackout.kind")} errors={errors}>
        <select id="f-kind" name="kind">
          <option value="weekly" selected={values.kind !== "once"}>
            {t("blackout.weekly")}
          </option>
          <option value="once" selected={values.kind === "once"}>
            {t("blackout.once")}
          </option>
        </select>
      </Field>
      <div class="row">
        <Field name="date" label={t("blackout.date")} type="date" value={values.date} errors={errors} />
        <Field
          name="endDate"
          label={t("blackout.endDate")}
          type="date"
          value={values.endDate}
          errors={errors}
        />
      </div>
      <div class="row">
        <Field
          name="fromTime"
          label={t("blackout.from")}
          type="time"
          value={values.fromTime}
          errors={errors}
        />
        <Field name="toTime" label={t("blackout.to")} type="time" value={values.toTime} errors={errors} />
      </div>
      <fieldset>
        <legend>{t("blackout.weekdays")}</legend>
        {WEEKDAYS.map((d) => (
          <label class="check">
            <input
              type="checkbox"
              name="weekdays"
              value={d}
              checked={(values.weekdays ?? "").split(",").includes(d)}
            />{" "}
            {t(weekdayKey(d))}
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit">{t("blackouts.new")}</button>
      </div>
    </form>
  );
}
