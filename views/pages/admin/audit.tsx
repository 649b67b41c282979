/** @module Admin page: the audit trail with filters and paging. */
import type { AuditFilter } from "../../../src/audit/query";
import { formatDateTime } from "../../../src/i18n/format";
import { Field } from "../../components/field";
import type { PageContext } from "../../page-context";

export interface AuditRow {
  id: number;
  at: Date;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

function changes(before: unknown, after: unknown): string {
  const parts: string[] = [];
  if (before !== null && before !== undefined) parts.push(`− ${JSON.stringify(before)}`);
  if (after !== null && after !== undefined) parts.push(`+ ${JSON.stringify(after)}`);
  return parts.join("\n");
}

export function AuditPage({
  ctx,
  events,
  filter,
  nextHref,
}: {
  ctx: PageContext;
  events: AuditRow[];
  filter: AuditFilter;
  nextHref?: string;
}) {
  const { t, locale } = ctx;
  return (
    <>
      <form method="get" action="/admin/audit" class="card">
        <div class="row">
          <Field name="actor" label={t("audit.actor")} value={filter.actor} />
          <Field name="action" label={t("audit.action")} value={filter.action} />
          <Field name="entityType" label={t("audit.entity")} value={filter.entityType} />
          <Field name="from" label={t("audit.from")} type="date" value={filter.from} />
          <Field name="to" label={t("audit.to")} type="date" value={filter.to} />
          <div>
            <button type="submit">{t("action.filter")}</button>
          </div>
        </div>
      </form>
      {events.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards">
            <thead>
              <tr>
                <th>{t("audit.at")}</th>
                <th>{t("audit.actor")}</th>
                <th>{t("audit.action")}</th>
                <th>{t("audit.entity")}</th>
                <th>{t("audit.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr>
                  <td data-label={t("audit.at")}>{formatDateTime(e.at, locale, ctx.hostTimeZone)}</td>
                  <td data-label={t("audit.actor")}>{e.actorLabel}</td>
                  <td data-label={t("audit.action")}>
                    <code>{e.action}</code>
                  </td>
                  <td data-label={t("audit.entity")}>
                    {e.entityType} <span class="muted">{e.entityId}</span>
                  </td>
                  <td data-label={t("audit.changes")}>
                    <pre class="code">{changes(e.before, e.after)}</pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextHref && (
        <p>
          <a href={nextHref}>{t("audit.more")} →</a>
        </p>
      )}
    </>
  );
}
