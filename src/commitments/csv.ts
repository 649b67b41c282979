/**
 * @module The commitment board as CSV (the rows the board shows, same filters), headed in the reader's
 * language; statuses and parties in words, dates as YYYY-MM-DD so a spreadsheet sorts them.
 */

import { toCsv } from "../csv/write";
import type { Translate } from "../i18n/dictionary";
import { commitmentPartyKey, commitmentStatusKey } from "../i18n/keys";
import { findProvince } from "../regions/regions";
import type { CommitmentView } from "./queries";

export function commitmentsCsv(rows: readonly CommitmentView[], t: Translate): string {
  const header = [
    t("commitments.delegation"),
    t("papers.institution"),
    t("commitments.region"),
    t("commitments.party"),
    t("commitments.what"),
    t("commitments.owner"),
    t("hostSettings.email"),
    t("commitments.targetDate"),
    t("commitments.status"),
    t("commitments.overdue"),
    t("commitments.completedOn", { date: "" }).trim(),
    t("commitments.evidenceUrl"),
    t("commitments.evidenceNote"),
    t("commitments.reason"),
  ];
  return toCsv(
    header,
    rows.map((c) => [
      c.delegationCode,
      c.institution,
      c.provinceCode ? (findProvince(c.provinceCode)?.name ?? c.provinceCode) : "",
      t(commitmentPartyKey(c.party)),
      c.what,
      c.ownerLabel,
      c.ownerAddress ?? "",
      c.targetDate,
      t(commitmentStatusKey(c.status)),
      c.overdue ? c.daysOverdue : "",
      c.completedOn ?? "",
      c.evidenceUrl ?? "",
      c.evidenceNote ?? "",
      c.dropReason ?? "",
    ]),
  );
}
