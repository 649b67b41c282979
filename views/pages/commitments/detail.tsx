/**
 * @module One commitment: what, who, when, status (overdue in red), the next steps allowed (start; done
 * with evidence; drop with a reason), the edit form, and its history from the audit log.
 */

import { COMMITMENT_STATUSES } from "../../../db/schema/outcomes";
import type { CommitmentView } from "../../../src/commitments/queries";
import { COMMITMENT_TRANSITIONS } from "../../../src/commitments/rules";
import type { FieldErrors } from "../../../src/http/validate";
import { formatDateTime, formatLocalDate } from "../../../src/i18n/format";
import { commitmentPartyKey, commitmentStatusKey } from "../../../src/i18n/keys";
import { Field, FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";
import { CommitmentForm } from "./form";
import { CommitmentStatus } from "./parts";

export interface CommitmentDetailProps {
  ctx: PageContext;
  c: CommitmentView;
  history: { at: Date; actor: string; action: string; after: unknown }[];
  canEdit: boolean;
  staff: { id: string; name: string }[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
  error?: string;
  timeZone: string;
}

export function commitmentFormValues(c: CommitmentView): Record<string, string> {
  return {
    what: c.what,
    party: c.party,
    ownerUserId: c.ownerUserId ?? "",
    ownerName: c.ownerName ?? "",
    ownerEmail: c.ownerEmail ?? "",
    targetDate: c.targetDate,
    remindersEnabled: c.remindersEnabled ? "on" : "off",
  };
}

function historyLine(ctx: PageContext, e: { action: string; after: unknown }) {
  const { t } = ctx;
  const after = (e.after ?? {}) as Record<string, unknown>;
  if (e.action === "commitment.create") return t("commitments.added");
  const status = COMMITMENT_STATUSES.find((x) => x === after.status);
  if (e.action === "commitment.transition" && status)
    return t("commitments.transitioned", { status: t(commitmentStatusKey(status)) });
  return `${t("commitments.edit")}: ${Object.keys(after).join(", ")}`;
}

export function CommitmentDetailPage(p: CommitmentDetailProps) {
  const { ctx, c } = p;
  const { t, locale } = ctx;
  const allowed = COMMITMENT_TRANSITIONS[c.status];
  const hidden = (to: string) => (
    <>
      <input type="hidden" name="to" value={to} />
      <input type="hidden" name="version" value={String(c.version)} />
    </>
  );
  const action = `/commitments/${c.id}/transition`;
  return (
    <>
      {p.notice && (
        <div class="alert ok" role="status">
          {p.notice}
        </div>
      )}
      <FormErrors errors={p.errors} message={p.error} />
      <dl class="details">
        <dt>{t("commitments.status")}</dt>
        <dd>
          <CommitmentStatus ctx={ctx} c={c} />
          {c.completedOn && (
            <span class="muted">
              {" "}
              · {t("commitments.completedOn", { date: formatLocalDate(c.completedOn, locale) })}
            </span>
          )}
        </dd>
        <dt>{t("commitments.targetDate")}</dt>
        <dd>{formatLocalDate(c.targetDate, locale)}</dd>
        <dt>{t("commitments.owner")}</dt>
        <dd>
          {c.ownerLabel}
          {c.ownerAddress && <span class="muted"> · {c.ownerAddress}</span>}
        </dd>
        <dt>{t("commitments.party")}</dt>
        <dd>{t(commitmentPartyKey(c.party))}</dd>
        <dt>{t("commitments.delegation")}</dt>
        <dd>
          <a href={`/delegations/${c.delegationId}`}>{c.delegationCode}</a> · {c.institution}
        </dd>
        <dt>{t("commitments.reminders")}</dt>
        <dd>{c.remindersEnabled ? t("commitments.remindersOn") : t("commitments.remindersOff")}</dd>
        {(c.evidenceUrl || c.evidenceNote) && (
          <>
            <dt>{t("commitments.evidence")}</dt>
            <dd>
              {c.evidenceUrl && (
                <a href={c.evidenceUrl} rel="noopener noreferrer">
                  {c.evidenceUrl}
                </a>
              )}
              {c.evidenceNote && <p class="pre">{c.evidenceNote}</p>}
            </dd>
          </>
        )}
        {c.dropReason && (
          <>
            <dt>{t("commitments.reason")}</dt>
            <dd class="pre">{c.dropReason}</dd>
          </>
        )}
      </dl>

      {p.canEdit && allowed.length > 0 && (
        <div class="actions">
          {allowed.includes("in_progress") && (
            <form method="post" action={action} class="card stack">
              {hidden("in_progress")}
              <button type="submit">{t("commitments.to.in_progress")}</button>
            </form>
          )}
          {allowed.includes("done") && (
            <form method="post" action={action} class="card stack" data-testid="done-form">
              <h3>{t("commitments.to.done")}</h3>
              {hidden("done")}
              <Field
                name="evidenceUrl"
                label={t("commitments.evidenceUrl")}
                type="url"
                value={p.values?.evidenceUrl}
                errors={p.errors}
              />
              <Field
                name="evidenceNote"
                label={t("commitments.evidenceNote")}
                value={p.values?.evidenceNote}
                errors={p.errors}
              />
              <button type="submit">{t("commitments.to.done")}</button>
            </form>
          )}
          {allowed.includes("dropped") && (
            <form method="post" action={action} class="card stack" data-testid="drop-form">
              <h3>{t("commitments.to.dropped")}</h3>
              <p class="muted">{t("commitments.confirmDrop")}</p>
              {hidden("dropped")}
              <Field
                name="reason"
                label={t("commitments.reason")}
                value={p.values?.reason}
                errors={p.errors}
                required
              />
              <button type="submit" class="danger">
                {t("commitments.to.dropped")}
              </button>
            </form>
          )}
        </div>
      )}

      {p.canEdit && (
        <details class="card">
          <summary>{t("commitments.edit")}</summary>
          <CommitmentForm
            ctx={ctx}
            action={`/commitments/${c.id}/edit`}
            values={p.values?.what !== undefined ? p.values : commitmentFormValues(c)}
            errors={p.errors}
            staff={p.staff}
            hidden={{ version: String(c.version) }}
            submitLabel={t("commitments.save")}
          />
        </details>
      )}

      <h2>{t("commitments.history")}</h2>
      <ol class="timeline">
        {p.history.map((e) => (
          <li>
            <span class="muted">{formatDateTime(e.at, locale, p.timeZone)}</span> · {e.actor} ·{" "}
            {historyLine(ctx, e)}
          </li>
        ))}
      </ol>
    </>
  );
}
