/**
 * @module Small pieces shared by the commitment pages and the delegation page: the status badge (overdue in
 * red with its days), the owner line, and the table of commitments (cards on a phone).
 */

import type { CommitmentView } from "../../../src/commitments/queries";
import { formatLocalDate } from "../../../src/i18n/format";
import { commitmentPartyKey, commitmentStatusKey } from "../../../src/i18n/keys";
import type { PageContext } from "../../page-context";

export function CommitmentStatus({ ctx, c }: { ctx: PageContext; c: CommitmentView }) {
  const { t } = ctx;
  return (
    <>
      <span class={`badge${c.status === "done" ? " ok" : ""}`}>{t(commitmentStatusKey(c.status))}</span>
      {c.overdue && (
        <>
          {" "}
          <span class="badge danger" data-testid="overdue">
            {t("commitments.overdue")} · {t("commitments.overdueDays", { days: c.daysOverdue })}
          </span>
        </>
      )}
    </>
  );
}

export function CommitmentTable({
  ctx,
  rows,
  showDelegation = true,
}: {
  ctx: PageContext;
  rows: readonly CommitmentView[];
  showDelegation?: boolean;
}) {
  const { t, locale } = ctx;
  return (
    <div class="table-wrap">
      <table class="cards" data-testid="commitments">
        <thead>
          <tr>
            <th scope="col">{t("commitments.targetDate")}</th>
            <th scope="col">{t("commitments.what")}</th>
            <th scope="col">{t("commitments.owner")}</th>
            <th scope="col">{t("commitments.party")}</th>
            {showDelegation && <th scope="col">{t("commitments.delegation")}</th>}
            <th scope="col">{t("commitments.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr data-testid="commitment-row" class={c.overdue ? "overdue" : undefined}>
              <td data-label={t("commitments.targetDate")}>{formatLocalDate(c.targetDate, locale)}</td>
              <td data-label={t("commitments.what")}>
                <a href={`/commitments/${c.id}`}>{c.what}</a>
              </td>
              <td data-label={t("commitments.owner")}>{c.ownerLabel}</td>
              <td data-label={t("commitments.party")}>{t(commitmentPartyKey(c.party))}</td>
              {showDelegation && (
                <td data-label={t("commitments.delegation")}>
                  <a href={`/delegations/${c.delegationId}`}>{c.delegationCode}</a>{" "}
                  <span class="muted">{c.institution}</span>
                </td>
              )}
              <td data-label={t("commitments.status")}>
                <CommitmentStatus ctx={ctx} c={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
