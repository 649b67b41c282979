/**
 * @module Admin page: the audit trail in words (who, what, which record, what changed from → to), with
 * filters as choices, numbered pages and a CSV export for an auditor.
 */
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "../../../src/audit/actions";
import type { EventDescription } from "../../../src/audit/describe";
import { type AuditFilter, NON_USER_ACTORS } from "../../../src/audit/query";
import { formatDateTime } from "../../../src/i18n/format";
import { auditActionKey, auditEntityKey } from "../../../src/i18n/keys";
import { Field } from "../../components/field";
import type { PageContext } from "../../page-context";

export interface AuditRow extends EventDescription {
  id: number;
  at: Date;
}

export interface AuditPaging {
  from: number;
  to: number;
  total: number;
  previousHref?: string;
  nextHref?: string;
}

/** Shown lines of a created or removed record; the rest is counted. */
const SHOWN_ON_CREATE = 4;

function Changes({ row, ctx }: { row: AuditRow; ctx: PageContext }) {
  const { t } = ctx;
  const lines = row.kind === "changed" ? row.changes : row.changes.slice(0, SHOWN_ON_CREATE);
  const hidden = row.hiddenChanges + (row.changes.length - lines.length);
  if (lines.length === 0) return <span class="muted">—</span>;
  return (
    <ul class="changes">
      {lines.map((ch) => (
        <li>
          <strong>{ch.field}</strong>:{" "}
          {ch.before !== undefined && ch.after !== undefined ? (
            <>
              <del>{ch.before}</del> → <ins>{ch.after}</ins>
            </>
          ) : (
            (ch.after ?? ch.before)
          )}
        </li>
      ))}
      {hidden > 0 && <li class="muted">{t("audit.otherFields", { count: hidden })}</li>}
    </ul>
  );
}

export function AuditPage({
  ctx,
  rows,
  filter,
  actors,
  paging,
  csvHref,
}: {
  ctx: PageContext;
  rows: AuditRow[];
  filter: AuditFilter;
  actors: { id: string; name: string }[];
  paging: AuditPaging;
  csvHref: string;
}) {
  const { t, locale } = ctx;
  const actions = AUDIT_ACTIONS.map((a) => ({ value: a, label: t(auditActionKey(a)) })).sort((a, b) =>
    a.label.localeCompare(b.label, locale),
  );
  const entities = AUDIT_ENTITIES.map((e) => ({ value: e, label: t(auditEntityKey(e)) })).sort((a, b) =>
    a.label.localeCompare(b.label, locale),
  );
  return (
    <>
      <form method="get" action="/admin/audit" class="card">
        <div class="row">
          <Field name="actor" label={t("audit.actor")}>
            <select id="f-actor" name="actor">
              <option value="">{t("audit.anyActor")}</option>
              {NON_USER_ACTORS.map((a) => (
                <option value={a} selected={filter.actor === a}>
                  {t(a === "public" ? "audit.actor.public" : "audit.actor.system")}
                </option>
              ))}
              {actors.map((a) => (
                <option value={a.id} selected={filter.actor === a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </Field>
          <Field name="action" label={t("audit.action")}>
            <select id="f-action" name="action">
              <option value="">{t("audit.anyAction")}</option>
              {actions.map((a) => (
                <option value={a.value} selected={filter.action === a.value}>
                  {a.label}
                </option>
              ))}
            </select>
          </Field>
          <Field name="entityType" label={t("audit.entity")}>
            <select id="f-entityType" name="entityType">
              <option value="">{t("audit.anyEntity")}</option>
              {entities.map((e) => (
                <option value={e.value} selected={filter.entityType === e.value}>
                  {e.label}
                </option>
              ))}
            </select>
          </Field>
          <Field name="from" label={t("audit.from")} type="date" value={filter.from} />
          <Field name="to" label={t("audit.to")} type="date" value={filter.to} />
          <div>
            <button type="submit">{t("action.filter")}</button>
          </div>
        </div>
      </form>
      <p>
        <a href={csvHref} download data-testid="audit-csv">
          {t("audit.csv")}
        </a>
      </p>
      {rows.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <>
          <p class="muted" data-testid="audit-range">
            {t("audit.page", { from: paging.from, to: paging.to })} ·{" "}
            {t("audit.total", { total: paging.total })}
          </p>
          <div class="table-wrap">
            <table class="cards" data-testid="audit">
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
                {rows.map((r) => (
                  <tr>
                    <td data-label={t("audit.at")}>{formatDateTime(r.at, locale, ctx.hostTimeZone)}</td>
                    <td data-label={t("audit.actor")}>{r.actor}</td>
                    <td data-label={t("audit.action")}>{r.action}</td>
                    <td data-label={t("audit.entity")}>
                      {r.entity}
                      {r.entityName && <div class="muted">{r.entityName}</div>}
                    </td>
                    <td data-label={t("audit.changes")}>
                      <Changes row={r} ctx={ctx} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <nav aria-label={t("audit.paging")} class="pager">
        {paging.previousHref && (
          <a href={paging.previousHref} rel="prev" data-testid="audit-previous">
            ← {t("audit.previous")}
          </a>
        )}
        {paging.nextHref && (
          <a href={paging.nextHref} rel="next" data-testid="audit-next">
            {t("audit.more")} →
          </a>
        )}
      </nav>
    </>
  );
}
