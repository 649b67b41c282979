/** @module The staff inbox: counts per status, filters, sort, and the list of delegations. */
import type { Child } from "hono/jsx";
import { DELEGATION_STATUSES, type DelegationStatus } from "../../../db/schema/delegations";
import type { DelegationRow } from "../../../src/delegations/intake";
import { type InboxQuery, SORTS } from "../../../src/delegations/queries";
import { formatDateTime } from "../../../src/i18n/format";
import { delegationSortKey, statusKey } from "../../../src/i18n/keys";
import type { Province } from "../../../src/regions/regions";
import { Field } from "../../components/field";
import type { PageContext } from "../../page-context";
import { rangeLabel, StatusBadge } from "../public/status";

export interface InboxProps {
  ctx: PageContext;
  rows: DelegationRow[];
  counts: Record<DelegationStatus, number>;
  query: InboxQuery;
  provinces: readonly Province[];
  topics: readonly { id: string; name: string }[];
  canAct: boolean;
  /** Visits whose outcome is still to be written (src/outcomes/follow-up.tsx). */
  writeUp?: Child;
  originOf: (d: DelegationRow) => string;
}

export function InboxPage({
  ctx,
  rows,
  counts,
  query,
  provinces,
  topics,
  canAct,
  originOf,
  writeUp,
}: InboxProps) {
  const { t, locale } = ctx;
  return (
    <>
      {canAct && (
        <p>
          <a class="button" href="/delegations/new">
            {t("delegations.new")}
          </a>
        </p>
      )}
      {writeUp}
      <nav aria-label={t("delegations.counts")} class="counts">
        <ul class="row">
          {DELEGATION_STATUSES.map((s) => (
            <li>
              <a
                href={`/delegations?status=${s}`}
                data-testid={`count-${s}`}
                aria-current={query.status === s ? "page" : undefined}
              >
                {t(statusKey(s))}: <strong>{counts[s]}</strong>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/delegations" class="card">
        <div class="row">
          <Field name="status" label={t("delegations.filter.status")}>
            <select id="f-status" name="status">
              <option value="">{t("delegations.filter.all")}</option>
              {DELEGATION_STATUSES.map((s) => (
                <option value={s} selected={query.status === s}>
                  {t(statusKey(s))}
                </option>
              ))}
            </select>
          </Field>
          <Field name="from" label={t("delegations.filter.from")} type="date" value={query.from} />
          <Field name="to" label={t("delegations.filter.to")} type="date" value={query.to} />
          <Field name="province" label={t("requests.province")}>
            <select id="f-province" name="province">
              <option value="">{t("delegations.filter.all")}</option>
              {provinces.map((p) => (
                <option value={p.code} selected={query.province === p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field name="topic" label={t("delegations.filter.topic")}>
            <select id="f-topic" name="topic">
              <option value="">{t("delegations.filter.all")}</option>
              {topics.map((tp) => (
                <option value={tp.id} selected={query.topic === tp.id}>
                  {tp.name}
                </option>
              ))}
            </select>
          </Field>
          <Field name="q" label={t("delegations.filter.q")} type="search" value={query.q} />
          <Field name="sort" label={t("delegations.sort")}>
            <select id="f-sort" name="sort">
              {SORTS.map((s) => (
                <option value={s} selected={(query.sort ?? "newest") === s}>
                  {t(delegationSortKey(s))}
                </option>
              ))}
            </select>
          </Field>
          <div>
            <button type="submit">{t("action.filter")}</button>
          </div>
        </div>
      </form>
      {rows.length === 0 ? (
        <p>{t("delegations.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards" data-testid="inbox">
            <thead>
              <tr>
                <th>{t("delegations.code")}</th>
                <th>{t("delegations.institution")}</th>
                <th>{t("delegations.origin")}</th>
                <th>{t("delegations.dates")}</th>
                <th>{t("delegations.size")}</th>
                <th>{t("field.status")}</th>
                <th>{t("delegations.received")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr>
                  <td class="nowrap" data-label={t("delegations.code")}>
                    <a href={`/delegations/${d.id}`}>{d.code}</a>
                  </td>
                  <td data-label={t("delegations.institution")}>
                    {d.institution}
                    <br />
                    <span class="muted">
                      {d.leaderName}, {d.leaderTitle}
                    </span>
                  </td>
                  <td data-label={t("delegations.origin")}>{originOf(d)}</td>
                  <td data-label={t("delegations.dates")}>
                    {rangeLabel(d.confirmedDates ?? d.preferredDates, locale)}
                  </td>
                  <td data-label={t("delegations.size")}>{d.expectedSize}</td>
                  <td data-label={t("field.status")}>
                    <StatusBadge ctx={ctx} status={d.status} />
                  </td>
                  <td data-label={t("delegations.received")}>
                    {formatDateTime(d.createdAt, locale, ctx.hostTimeZone)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
