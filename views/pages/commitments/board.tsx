/**
 * @module The commitment board across all delegations: counts (per status, overdue, due this month),
 * filters in a plain GET form (works without JavaScript), the list sorted by due date, and the CSV link
 * with the same filters.
 */

import { COMMITMENT_PARTIES, COMMITMENT_STATUSES } from "../../../db/schema/outcomes";
import type { BoardCounts, CommitmentView } from "../../../src/commitments/queries";
import type { BoardQuery } from "../../../src/commitments/schemas";
import { commitmentPartyKey, commitmentStatusKey } from "../../../src/i18n/keys";
import { Field } from "../../components/field";
import type { PageContext } from "../../page-context";
import { CommitmentTable } from "./parts";

export interface BoardProps {
  ctx: PageContext;
  counts: BoardCounts;
  rows: readonly CommitmentView[];
  query: BoardQuery;
  owners: { id: string; name: string }[];
  provinces: { code: string; name: string }[];
  delegations: { id: string; code: string; institution: string }[];
  csvHref: string;
}

export function BoardPage({ ctx, counts, rows, query, owners, provinces, delegations, csvHref }: BoardProps) {
  const { t, user } = ctx;
  const link = (params: Record<string, string>) => `/commitments?${new URLSearchParams(params)}`;
  const selected = (a: string | undefined, b: string) => (a === b ? true : undefined);
  return (
    <>
      <p class="muted">{t("commitments.boardIntro")}</p>
      <ul class="stat-list" aria-label={t("commitments.status")} data-testid="board-counts">
        {COMMITMENT_STATUSES.map((s) => (
          <li>
            <a href={link({ status: s })} data-testid={`count-${s}`}>
              <strong>{counts.byStatus[s]}</strong> {t(commitmentStatusKey(s))}
            </a>
          </li>
        ))}
        <li>
          <a href={link({ overdue: "true" })} data-testid="count-overdue" class="danger-link">
            <strong>{counts.overdue}</strong> {t("commitments.overdue")}
          </a>
        </li>
        <li>
          <span class="stat" data-testid="count-month">
            <strong>{counts.dueThisMonth}</strong> {t("commitments.dueThisMonth")}
          </span>
        </li>
      </ul>
      <p>
        {user && (
          <a href={link({ owner: "me" })} class="button secondary" data-testid="mine">
            {t("commitments.mine")}
          </a>
        )}{" "}
        <a href={csvHref} class="button secondary" download>
          {t("commitments.csv")}
        </a>
      </p>
      <details class="card" open={Object.values(query).some(Boolean) ? true : undefined}>
        <summary>{t("commitments.filter")}</summary>
        <form method="get" action="/commitments" class="stack" data-testid="board-filter">
          <div class="row">
            <Field name="status" label={t("commitments.status")}>
              <select id="f-status" name="status">
                <option value="">{t("commitments.anyStatus")}</option>
                {COMMITMENT_STATUSES.map((s) => (
                  <option value={s} selected={selected(query.status, s)}>
                    {t(commitmentStatusKey(s))}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="party" label={t("commitments.party")}>
              <select id="f-party" name="party">
                <option value="">{t("commitments.anyParty")}</option>
                {COMMITMENT_PARTIES.map((p) => (
                  <option value={p} selected={selected(query.party, p)}>
                    {t(commitmentPartyKey(p))}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <div class="row">
            <Field name="owner" label={t("commitments.owner")}>
              <select id="f-owner" name="owner">
                <option value="">{t("commitments.anyOwner")}</option>
                {user && (
                  <option value="me" selected={selected(query.owner, "me")}>
                    {t("commitments.mine")}
                  </option>
                )}
                {owners.map((o) => (
                  <option value={o.id} selected={selected(query.owner, o.id)}>
                    {o.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="province" label={t("commitments.region")}>
              <select id="f-province" name="province">
                <option value="">{t("commitments.anyProvince")}</option>
                {provinces.map((p) => (
                  <option value={p.code} selected={selected(query.province, p.code)}>
                    {p.name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field name="delegationId" label={t("commitments.delegation")}>
            <select id="f-delegationId" name="delegationId">
              <option value="">{t("commitments.all")}</option>
              {delegations.map((d) => (
                <option value={d.id} selected={selected(query.delegationId, d.id)}>
                  {d.code} · {d.institution}
                </option>
              ))}
            </select>
          </Field>
          <div class="row">
            <Field name="dueFrom" label={t("commitments.dueFrom")} type="date" value={query.dueFrom} />
            <Field name="dueTo" label={t("commitments.dueTo")} type="date" value={query.dueTo} />
          </div>
          <label class="check">
            <input
              type="checkbox"
              name="overdue"
              value="true"
              checked={query.overdue === "true" ? true : undefined}
            />{" "}
            {t("commitments.overdueOnly")}
          </label>
          <div class="row">
            <button type="submit">{t("commitments.filter")}</button>
            <a href="/commitments">{t("commitments.reset")}</a>
          </div>
        </form>
      </details>
      <p class="muted" data-testid="board-total">
        {t("commitments.total")}: {rows.length}
      </p>
      {rows.length === 0 ? (
        <p class="muted">
          {t(Object.values(query).some(Boolean) ? "commitments.noneMatch" : "commitments.none")}
        </p>
      ) : (
        <CommitmentTable ctx={ctx} rows={rows} />
      )}
    </>
  );
}
