/**
 * @module The humas part of the home page: visits to write up (the last day has come, no outcome yet) and
 * commitments due (overdue, or due within 30 days), mine first.
 */
import type { CommitmentView } from "../../../src/commitments/queries";
import { formatLocalDate } from "../../../src/i18n/format";
import type { PageContext } from "../../page-context";
import { CommitmentTable } from "../commitments/parts";

export interface HumasHomeData {
  toWriteUp: { id: string; code: string; institution: string; lastDay: string }[];
  due: CommitmentView[];
}

/** "To write up (n)": visits whose last day has come without an outcome. Nothing when there are none. */
export function WriteUpList({ ctx, rows }: { ctx: PageContext; rows: HumasHomeData["toWriteUp"] }) {
  const { t, locale } = ctx;
  if (rows.length === 0) return null;
  return (
    <details class="card" data-testid="inbox-write-up">
      <summary>
        {t("humas.home.writeUp")} ({rows.length})
      </summary>
      <ul>
        {rows.map((d) => (
          <li>
            <a href={`/delegations/${d.id}#outcome`}>{d.code}</a> {d.institution}{" "}
            <span class="muted">· {formatLocalDate(d.lastDay, locale)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function HumasHome({ ctx, data }: { ctx: PageContext; data: HumasHomeData }) {
  const { t, locale } = ctx;
  return (
    <>
      <h2>{t("humas.home.writeUp")}</h2>
      {data.toWriteUp.length === 0 ? (
        <p class="muted">{t("humas.home.writeUpEmpty")}</p>
      ) : (
        <ul data-testid="to-write-up">
          {data.toWriteUp.map((d) => (
            <li>
              <a href={`/delegations/${d.id}/outcome`}>{d.code}</a> {d.institution}{" "}
              <span class="muted">· {formatLocalDate(d.lastDay, locale)}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("humas.home.due")}</h2>
      {data.due.length === 0 ? (
        <p class="muted">{t("humas.home.dueEmpty")}</p>
      ) : (
        <CommitmentTable ctx={ctx} rows={data.due} />
      )}
      <p>
        <a href="/commitments">{t("humas.home.board")}</a>
      </p>
    </>
  );
}
