/**
 * @module The humas sections of a delegation's page: outcome (with the complete / reopen steps),
 * attendance, SPPD papers and commitments. Each shows only to the roles that may read it; the write
 * links only to those who may write (humas, protocol, admin).
 */
import type { CommitmentView } from "../../../src/commitments/queries";
import { formatLocalDate } from "../../../src/i18n/format";
import type { CompletionBlock } from "../../../src/outcomes/completion";
import type { OutcomeRow } from "../../../src/outcomes/service";
import { Field } from "../../components/field";
import type { PageContext } from "../../page-context";
import { CommitmentTable } from "../commitments/parts";

export interface HumasSectionsProps {
  ctx: PageContext;
  d: {
    id: string;
    code: string;
    status: string;
    version: number;
    confirmedDates: { start: string; end: string } | null;
  };
  outcome: OutcomeRow | null;
  attendance: { attended: number; listed: number };
  commitments: readonly CommitmentView[];
  canWrite: boolean;
  canReopen: boolean;
  completion: CompletionBlock | null;
}

export function HumasSections(p: HumasSectionsProps) {
  const { ctx, d, outcome } = p;
  const { t, locale } = ctx;
  const hasPapers = (d.status === "confirmed" || d.status === "completed") && d.confirmedDates;
  const api = `/api/v1/delegations/${d.id}`;
  return (
    <>
      <section aria-labelledby="h-outcome" id="outcome" class="outcome">
        <h2 id="h-outcome">{t("outcomes.title")}</h2>
        <p data-testid="attendance-summary">{t("outcomes.attendance", p.attendance)}</p>
        {outcome ? (
          <div class="card" data-testid="outcome-summary">
            <p class="pre">{locale === "en" && outcome.summaryEn ? outcome.summaryEn : outcome.summary}</p>
            {outcome.pressReleaseUrl && (
              <p>
                {t("outcomes.pressReleaseUrl")}:{" "}
                <a href={outcome.pressReleaseUrl} rel="noopener noreferrer">
                  {outcome.pressReleaseUrl}
                </a>
              </p>
            )}
            {outcome.media.length > 0 && (
              <>
                <h3>{t("outcomes.media")}</h3>
                <ul>
                  {outcome.media.map((m) => (
                    <li>
                      <a href={m.url} rel="noopener noreferrer">
                        {m.title}
                      </a>{" "}
                      <span class="muted">
                        {m.outlet} · {formatLocalDate(m.date, locale)}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {outcome.documentation.length > 0 && (
              <>
                <h3>{t("outcomes.documentation")}</h3>
                <ul>
                  {outcome.documentation.map((l) => (
                    <li>
                      <a href={l.url} rel="noopener noreferrer">
                        {l.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ) : (
          <p class="muted">{t("outcomes.none")}</p>
        )}
        {p.canWrite && (
          <p class="actions">
            <a class="button" href={`/delegations/${d.id}/outcome`} data-testid="edit-outcome">
              {t("outcomes.edit")}
            </a>
            {d.status === "confirmed" && (
              <a
                class="button secondary"
                href={`/delegations/${d.id}/outcome/complete`}
                data-testid="complete-link"
              >
                {t("outcomes.complete")}
              </a>
            )}
          </p>
        )}
        {p.canWrite && d.status === "confirmed" && p.completion && p.completion !== "not_confirmed" && (
          <p class="muted" data-testid="completion-block">
            {p.completion === "too_early"
              ? t("outcomes.completeTooEarly", {
                  date: d.confirmedDates ? formatLocalDate(d.confirmedDates.end, locale) : "",
                })
              : t("outcomes.completeNoSummary")}
          </p>
        )}
        {p.canReopen && d.status === "completed" && (
          <details class="card">
            <summary>{t("outcomes.reopen")}</summary>
            <form method="post" action={`/delegations/${d.id}/outcome/reopen`} class="stack">
              <input type="hidden" name="version" value={String(d.version)} />
              <Field name="reason" label={t("outcomes.reopenReason")} required />
              <div>
                <button type="submit" class="danger">
                  {t("outcomes.reopen")}
                </button>
              </div>
            </form>
          </details>
        )}
      </section>

      <section aria-labelledby="h-attendance" id="attendance">
        <h2 id="h-attendance">{t("attendance.title")}</h2>
        {p.canWrite && (
          <p>
            <a class="button" href={`/delegations/${d.id}/attendance`} data-testid="check-in-link">
              {t("attendance.open")}
            </a>
          </p>
        )}
      </section>

      {hasPapers && (
        <section aria-labelledby="h-papers" id="papers">
          <h2 id="h-papers">{t("papers.title")}</h2>
          <p class="muted">{t("papers.intro")}</p>
          <ul>
            <li>
              <a href={`${api}/papers/attendance.pdf`} data-testid="attendance-pdf">
                {t("papers.attendancePdf")}
              </a>
            </li>
            <li>
              <a href={`${api}/attendance.csv`}>{t("papers.attendanceCsv")}</a>
            </li>
            <li>
              <a href={`${api}/papers/visit-letter.pdf`} data-testid="visit-letter-pdf">
                {t("papers.visitLetter")}
              </a>
            </li>
          </ul>
        </section>
      )}

      <section aria-labelledby="h-commitments" id="commitments">
        <h2 id="h-commitments">{t("commitments.title")}</h2>
        {p.commitments.length === 0 ? (
          <p class="muted">{t("commitments.none")}</p>
        ) : (
          <CommitmentTable ctx={ctx} rows={p.commitments} showDelegation={false} />
        )}
        {p.canWrite && (
          <p>
            <a class="button" href={`/commitments/new?delegationId=${d.id}`} data-testid="add-commitment">
              {t("commitments.add")}
            </a>
          </p>
        )}
      </section>
    </>
  );
}
