/**
 * @module The tour template form (create and edit): name, description, default start, zone, active, and a
 * fixed number of item rows (`items.<row>.<field>`; empty rows are ignored). Edit adds the delete form.
 */

import { AGENDA_KINDS } from "../../../db/schema/agenda";
import type { FieldErrors } from "../../../src/http/validate";
import { agendaKindKey } from "../../../src/i18n/keys";
import { type FormValues, rowField } from "../../../src/templates/forms";
import { hostLabel } from "../../../src/venues/host-label";
import { Field, FormErrors, fieldError } from "../../components/field";
import { HostPicker } from "../../components/host-picker";
import { ZoneSelect } from "../../components/zone-select";
import type { PageContext } from "../../page-context";

interface Choice {
  id: string;
  name: string;
}

interface FormProps {
  ctx: PageContext;
  action: string;
  values: FormValues;
  rows: number;
  errors?: FieldErrors;
  venues: Choice[];
  hosts: (Choice & { title: string })[];
  submitLabel: string;
}

const one = (v: FormValues, k: string): string => {
  const x = v[k];
  return Array.isArray(x) ? (x[0] ?? "") : (x ?? "");
};
const many = (v: FormValues, k: string): string[] => {
  const x = v[k];
  return Array.isArray(x) ? x : x ? [x] : [];
};

/** aria attributes of a hand-written control inside `Field` (whose own input is replaced). */
const aria = (errors: FieldErrors | undefined, name: string) =>
  fieldError(errors, name) ? { "aria-invalid": "true" as const, "aria-describedby": `f-${name}-error` } : {};

function ItemRow(props: FormProps & { row: number }) {
  const { ctx, values, errors, row } = props;
  const { t } = ctx;
  const n = (field: string) => rowField(row, field);
  const selectedHosts = new Set(many(values, n("hostIds")));
  return (
    <fieldset class="stack-tight" data-testid={`item-row-${row}`}>
      <legend>{t("templates.row", { n: row + 1 })}</legend>
      <div class="row">
        <Field
          name={n("offsetMinutes")}
          label={t("templates.offset")}
          type="number"
          min="0"
          inputmode="numeric"
          value={one(values, n("offsetMinutes"))}
          errors={errors}
        />
        <Field
          name={n("durationMinutes")}
          label={t("templates.duration")}
          type="number"
          min="5"
          inputmode="numeric"
          value={one(values, n("durationMinutes"))}
          errors={errors}
        />
        <Field name={n("kind")} label={t("templates.kind")} errors={errors}>
          <select id={`f-${n("kind")}`} name={n("kind")} {...aria(errors, n("kind"))}>
            {AGENDA_KINDS.map((k) => (
              <option value={k} selected={(one(values, n("kind")) || "tour") === k}>
                {t(agendaKindKey(k))}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div class="row">
        <Field
          name={n("titleId")}
          label={t("templates.titleId")}
          value={one(values, n("titleId"))}
          errors={errors}
        />
        <Field
          name={n("titleEn")}
          label={t("templates.titleEn")}
          value={one(values, n("titleEn"))}
          errors={errors}
        />
      </div>
      <div class="row">
        <Field name={n("venueId")} label={t("templates.venue")} errors={errors}>
          <select id={`f-${n("venueId")}`} name={n("venueId")} {...aria(errors, n("venueId"))}>
            <option value="">{t("templates.noVenue")}</option>
            {props.venues.map((venue) => (
              <option value={venue.id} selected={one(values, n("venueId")) === venue.id}>
                {venue.name}
              </option>
            ))}
          </select>
        </Field>
        <HostPicker
          ctx={ctx}
          name={n("hostIds")}
          id={`f-${n("hostIds")}`}
          legend={t("templates.hosts")}
          hosts={props.hosts.map((h) => ({ id: h.id, label: hostLabel(h) }))}
          selected={selectedHosts}
          error={fieldError(errors, n("hostIds"))}
        />
      </div>
    </fieldset>
  );
}

export function TemplateForm(props: FormProps) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const itemsError = fieldError(errors, "items");
  const active = one(values, "active");
  return (
    <form method="post" action={props.action} class="stack card" data-testid="template-form">
      <FormErrors errors={errors} />
      {values.version && <input type="hidden" name="version" value={one(values, "version")} />}
      <div class="row">
        <Field name="name" label={t("templates.name")} value={one(values, "name")} errors={errors} required />
        <Field name="nameEn" label={t("templates.nameEn")} value={one(values, "nameEn")} errors={errors} />
      </div>
      <Field name="description" label={t("templates.description")} errors={errors}>
        <textarea id="f-description" name="description" rows={2} {...aria(errors, "description")}>
          {one(values, "description")}
        </textarea>
      </Field>
      <div class="row">
        <Field
          name="defaultStartTime"
          label={t("templates.defaultStart")}
          type="time"
          value={one(values, "defaultStartTime") || "08:30"}
          errors={errors}
        />
        <ZoneSelect
          ctx={ctx}
          name="timeZone"
          label={t("templates.timeZone")}
          value={one(values, "timeZone") || ctx.hostTimeZone}
          errors={errors}
        />
      </div>
      <label class="check">
        <input type="checkbox" name="active" checked={active === "on" || active === "true"} />{" "}
        {t("templates.active")}
      </label>
      <fieldset class="stack-tight" aria-describedby={itemsError ? "f-items-error" : "f-items-hint"}>
        <legend>{t("templates.items")}</legend>
        <p class="hint muted" id="f-items-hint">
          {t("templates.itemsHint")}
        </p>
        {itemsError && (
          <p class="error" id="f-items-error" role="alert">
            {itemsError}
          </p>
        )}
        {Array.from({ length: props.rows }, (_, row) => (
          <ItemRow {...props} row={row} />
        ))}
      </fieldset>
      <div>
        <button type="submit">{props.submitLabel}</button>
      </div>
    </form>
  );
}

export function TemplateEditPage(
  props: FormProps & { templateId: string; notice?: string; deleteErrors?: FieldErrors },
) {
  const { t } = props.ctx;
  return (
    <>
      <p>
        <a href="/templates">{t("templates.back")}</a>
      </p>
      {props.notice && (
        <div class="alert ok" role="status">
          {props.notice}
        </div>
      )}
      <TemplateForm {...props} />
      <form
        method="post"
        action={`/templates/${props.templateId}/delete`}
        class="stack card"
        data-testid="template-delete"
      >
        <h2>{t("templates.delete")}</h2>
        <p class="muted">{t("templates.deleteHint")}</p>
        <Field name="confirm" label={t("templates.deleteConfirm")} errors={props.deleteErrors}>
          <input
            type="checkbox"
            id="f-confirm"
            name="confirm"
            required
            {...aria(props.deleteErrors, "confirm")}
          />
        </Field>
        <div>
          <button type="submit" class="danger">
            {t("templates.delete")}
          </button>
        </div>
      </form>
    </>
  );
}
