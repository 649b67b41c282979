/** @module Hosts: the list, the add form and the edit form (optional weekly availability). */
import type { FieldErrors } from "../../../src/http/validate";
import type { HostRow } from "../../../src/venues/service";
import { Field, FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";
import { ActiveCheckbox, HoursFields, TimeZoneField } from "./venue-form";
import { ActiveBadge } from "./venues";

export function HostForm(props: {
  ctx: PageContext;
  action: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  submitLabel: string;
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  return (
    <form method="post" action={props.action} class="stack card" data-testid="host-form">
      <FormErrors errors={errors} />
      {values.version && <input type="hidden" name="version" value={values.version} />}
      <Field name="name" label={t("host.name")} value={values.name} errors={errors} required />
      <Field name="title" label={t("host.title")} value={values.title} errors={errors} required />
      <Field name="agency" label={t("host.agency")} value={values.agency} errors={errors} />
      <div class="row">
        <Field name="email" label={t("host.email")} type="email" value={values.email} errors={errors} />
        <Field name="phone" label={t("host.phone")} type="tel" value={values.phone} errors={errors} />
      </div>
      <TimeZoneField ctx={ctx} values={values} errors={errors} />
      <ActiveCheckbox ctx={ctx} values={values} />
      <HoursFields
        ctx={ctx}
        prefix="avail"
        values={values}
        errors={errors}
        legend={t("host.availability")}
        hint={t("scheduling.hostHoursHint")}
      />
      <div>
        <button type="submit">{props.submitLabel}</button>
      </div>
    </form>
  );
}

export function HostsPage(props: {
  ctx: PageContext;
  hosts: HostRow[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      {props.notice && (
        <div class="alert ok" role="status">
          {props.notice}
        </div>
      )}
      {props.hosts.length === 0 ? (
        <p class="muted">{t("hosts.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="hosts">
            <thead>
              <tr>
                <th>{t("host.name")}</th>
                <th>{t("host.title")}</th>
                <th>{t("host.agency")}</th>
                <th>{t("field.status")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {props.hosts.map((h) => (
                <tr>
                  <td>
                    <a href={`/hosts/${h.id}`}>{h.name}</a>
                  </td>
                  <td>{h.title}</td>
                  <td>{h.agency ?? ""}</td>
                  <td>
                    <ActiveBadge ctx={ctx} active={h.active} />
                  </td>
                  <td>
                    <a href={`/calendar/hosts/${h.id}`}>{t("venue.calendar")}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("hosts.new")}</h2>
      <HostForm
        ctx={ctx}
        action="/hosts"
        values={props.values ?? {}}
        errors={props.errors}
        submitLabel={t("action.create")}
      />
    </>
  );
}
