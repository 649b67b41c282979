/**
 * @module The audit trail as a CSV file for an auditor: the same filters as the page, every matching
 * event (newest first, at most `AUDIT_CSV_MAX` rows), with the readable columns of the page and the raw
 * ones an auditor may need to trace a record (ids, the action code, before/after as JSON). UTF-8 with a
 * BOM, every cell quoted, formula cells neutralised (src/csv/write.ts).
 */
import type { Queryable } from "../../db/client";
import { toCsv } from "../csv/write";
import type { Locale, Translate } from "../i18n/dictionary";
import { formatDateTime } from "../i18n/format";
import { describeEvent, summaryText } from "./describe";
import { loadAuditNames } from "./names";
import { type AuditFilter, queryAudit } from "./query";

const AUDIT_CSV_MAX = 10_000;

export async function auditCsv(
  db: Queryable,
  filter: AuditFilter,
  view: { t: Translate; locale: Locale; timeZone: string },
): Promise<string> {
  const { t, locale, timeZone } = view;
  const rows: (readonly unknown[])[] = [];
  let before: number | undefined;
  while (rows.length < AUDIT_CSV_MAX) {
    const page = await queryAudit(db, { ...filter, page: undefined, before, limit: 200 }, timeZone);
    const names = await loadAuditNames(db, page.events);
    for (const e of page.events) {
      const d = describeEvent(e, { t, locale, timeZone, names });
      rows.push([
        formatDateTime(e.at, locale, timeZone),
        e.at.toISOString(),
        d.actor,
        e.actorId ?? "",
        d.action,
        e.action,
        d.entity,
        d.entityName ?? "",
        e.entityId,
        summaryText(d, t),
        e.before === null ? "" : JSON.stringify(e.before),
        e.after === null ? "" : JSON.stringify(e.after),
      ]);
    }
    if (!page.nextBefore) break;
    before = page.nextBefore;
  }
  const header = [
    t("audit.at"),
    "UTC",
    t("audit.actor"),
    `${t("audit.actor")} (ID)`,
    t("audit.action"),
    `${t("audit.action")} (${t("audit.csv.code")})`,
    t("audit.entity"),
    t("audit.csv.entityName"),
    t("audit.csv.entityId"),
    t("audit.csv.summary"),
    t("audit.csv.before"),
    t("audit.csv.after"),
  ];
  return toCsv(header, rows.slice(0, AUDIT_CSV_MAX));
}
