/**
 * @module One delegation for staff: status and the allowed actions, duplicate warning, everything the
 * requester submitted, the letter file, the timeline (audit events) and internal notes.
 */
import type { Child } from "hono/jsx";
import type { delegationNotes } from "../../../db/schema/delegations";
import type { DelegationRow } from "../../../src/delegations/intake";
import { TRANSITIONS } from "../../../src/delegations/lifecycle";
import type { TimelineEntry } from "../../../src/delegations/timeline-view";
import type { FieldErrors } from "../../../src/http/validate";
import { formatDateTime, formatLocalDate } from "../../../src/i18n/format";
import { delegationSourceKey, languageKey } from "../../../src/i18n/keys";
import { Field, FormErrors } from "../../components/field";
import { MailStateBadge } from "../../components/mail-state";
import type { PageContext } from "../../page-context";
import { rangeLabel, StatusBadge } from "../public/status";

export interface DetailProps {
  ctx: PageContext;
  d: DelegationRow;
  origin: string;
  topicNames: string[];
  letter: { fileName: string; contentType: string; size: number } | null;
  duplicates: { id: string; code: string; status: string }[];
  notes: (typeof delegationNotes.$inferSelect)[];
  events: TimelineEntry[];
  participantCount: number;
  canAct: boolean;
  /** Outcome, attendance, papers and commitments (src/outcomes/follow-up.tsx). */
  followUp?: Child;
  notice?: string;
  error?: string;
  errors?: FieldErrors;
  statusUrl?: string;
}

function TransitionForms({ ctx, d, errors }: { ctx: PageContext; d: DelegationRow; errors?: FieldErrors }) {
  const { t } = ctx;
  const allowed = TRANSITIONS[d.status];
  const action = `/delegations/${d.id}/transition`;
  const hidden = (to: string) => (
    <>
      <input type="hidden" name="to" value={to} />
      <input type="hidden" name="version" value={String(d.version)} />
    </>
  );
  return (
    <div class="actions">
      {allowed.includes("confirmed") && (
        <form method="post" action={action} class="card stack" data-testid="confirm-form">
          <h3>{t(d.status === "confirmed" ? "dates.change" : "transition.confirm")}</h3>
          {hidden("confirmed")}
          <div class="row">
            <Field
              name="start"
              label={t("transition.confirmStart")}
              type="date"
              value={(d.confirmedDates ?? d.preferredDates).start}
              errors={errors}
              required
            />
            <Field
              name="end"
              label={t("transition.confirmEnd")}
              type="date"
              value={(d.confirmedDates ?? d.preferredDates).end}
              errors={errors}
            />
          </div>
          <Field name="message" label={t("transition.message")} />
          <div>
            <button type="submit" data-testid="confirm">
              {t(d.status === "confirmed" ? "dates.change" : "transition.confirm")}
            </button>
          </div>
        </form>
      )}
      {allowed.includes("requested") && (
        <form method="post" action={action} class="card stack">
          <h3>{t("transition.propose")}</h3>
          {hidden("requested")}
          <div class="row">
            <Field name="start" label={t("transition.confirmStart")} type="date" errors={errors} required />
            <Field name="end" label={t("transition.confirmEnd")} type="date" />
          </div>
          <div class="row">
            <Field name="start2" label={`${t("transition.confirmStart")} 2`} type="date" />
            <Field name="end2" label={`${t("transition.confirmEnd")} 2`} type="date" />
          </div>
          <Field name="message" label={t("transition.message")} />
          <div>
            <button type="submit" class="secondary">
              {t("transition.propose")}
            </button>
          </div>
        </form>
      )}
      {(["declined", "cancelled"] as const)
        .filter((to) => allowed.includes(to))
        .map((to) => (
          <form method="post" action={action} class="card stack">
            <h3>{t(to === "declined" ? "transition.decline" : "transition.cancel")}</h3>
            {hidden(to)}
            <Field name="reason" label={t("transition.reason")} errors={errors} required />
            <div>
              <button type="submit" class="danger">
                {t(to === "declined" ? "transition.decline" : "transition.cancel")}
              </button>
            </div>
          </form>
        ))}
      {/* Completing a visit lives in the outcome section: it needs a summary, the last day and a confirmation. */}
    </div>
  );
}

export function DetailPage(props: DetailProps) {
  const { ctx, d, letter, duplicates, notes, events, canAct } = props;
  const { t, locale } = ctx;
  const when = (at: Date) => formatDateTime(at, locale, ctx.hostTimeZone);
  return (
    <>
      {props.notice && (
        <div class="alert ok" role="status">
          {props.notice}
        </div>
      )}
      {props.statusUrl && (
        <div class="alert ok" role="status">
          {t("delegations.statusLink")} <span class="secret">{props.statusUrl}</span>
        </div>
      )}
      <FormErrors message={props.error} errors={props.errors} />
      {duplicates.length > 0 && (
        <div class="alert warn" role="alert" data-testid="duplicate-warning">
          {t("delegations.duplicate")}{" "}
          {duplicates.map((o) => (
            <a href={`/delegations/${o.id}`}>{o.code} </a>
          ))}
        </div>
      )}
      <p>
        <StatusBadge ctx={ctx} status={d.status} />
        {canAct && (
          <>
            {" · "}
            <a href={`/delegations/${d.id}/edit`}>{t("delegations.edit")}</a>
          </>
        )}
        {" · "}
        <a href={`/delegations/${d.id}/participants`}>
          {t("roster.title")} ({props.participantCount})
        </a>
        {" · "}
        <a href={`/delegations/${d.id}/agenda`} data-testid="agenda-link">
          {t("agenda.title", { code: d.code })}
        </a>
        {" · "}
        <a href={`/delegations/${d.id}/rundown`}>{t("agenda.rundown")}</a>
        {" · "}
        <a href={`/delegations/${d.id}/invitations`} data-testid="invitations-link">
          {t("mail.inv.link")}
        </a>
      </p>
      {d.confirmedDates && (
        <p>
          <strong>{t("status.confirmedDates")}:</strong> {rangeLabel(d.confirmedDates, locale)}
        </p>
      )}
      {d.publicMessage && (
        <p>
          <strong>{t("status.message")}:</strong> {d.publicMessage}
        </p>
      )}
      {canAct && TRANSITIONS[d.status].length > 0 && (
        <>
          <h2>{t("delegations.actions")}</h2>
          <TransitionForms ctx={ctx} d={d} errors={props.errors} />
        </>
      )}
      {props.followUp}
      <h2>{t("delegations.details")}</h2>
      <dl class="card details">
        <dt>{t("requests.institution")}</dt>
        <dd>{d.institution}</dd>
        <dt>{t("delegations.origin")}</dt>
        <dd>{props.origin}</dd>
        <dt>{t("delegations.leader")}</dt>
        <dd>
          {d.leaderName} — {d.leaderTitle}
        </dd>
        <dt>{t("requests.purpose")}</dt>
        <dd class="pre">{d.purpose}</dd>
        <dt>{t("requests.topics")}</dt>
        <dd>{props.topicNames.join(", ")}</dd>
        <dt>{t("requests.expectedSize")}</dt>
        <dd>{d.expectedSize}</dd>
        <dt>{t("status.preferred")}</dt>
        <dd>{rangeLabel(d.preferredDates, locale)}</dd>
        {d.alternativeDates.length > 0 && (
          <>
            <dt>{t("status.alternatives")}</dt>
            <dd>{d.alternativeDates.map((r) => rangeLabel(r, locale)).join("; ")}</dd>
          </>
        )}
        {d.proposedDates && d.proposedDates.length > 0 && (
          <>
            <dt>{t("status.proposed")}</dt>
            <dd>{d.proposedDates.map((r) => rangeLabel(r, locale)).join("; ")}</dd>
          </>
        )}
        <dt>{t("delegations.contact")}</dt>
        <dd>
          {d.contactName} · <a href={`mailto:${d.contactEmail}`}>{d.contactEmail}</a> · {d.contactPhone}
        </dd>
        <dt>{t("delegations.letter")}</dt>
        <dd>
          {d.letterNumber ?? "—"}
          {d.letterDate ? `, ${formatLocalDate(d.letterDate, locale)}` : ""}
          <br />
          {letter ? (
            <a href={`/delegations/${d.id}/letter`} data-testid="letter-download">
              {t("delegations.letterDownload")} ({letter.fileName}, {Math.ceil(letter.size / 1024)} KB)
            </a>
          ) : (
            <span class="muted">{t("delegations.noLetter")}</span>
          )}
        </dd>
        {d.notes && (
          <>
            <dt>{t("requests.notes")}</dt>
            <dd class="pre">{d.notes}</dd>
          </>
        )}
        <dt>{t("delegations.language")}</dt>
        <dd>{t(languageKey(d.language))}</dd>
        <dt>{t("delegations.source")}</dt>
        <dd>{t(delegationSourceKey(d.source))}</dd>
        <dt>{t("delegations.received")}</dt>
        <dd>{when(d.createdAt)}</dd>
      </dl>
      <h2>{t("delegations.notes")}</h2>
      {notes.length === 0 ? (
        <p class="muted">{t("delegations.noNotes")}</p>
      ) : (
        <ul class="notes" data-testid="notes">
          {notes.map((n) => (
            <li>
              <span class="muted">
                {n.authorLabel}, {when(n.createdAt)}
              </span>
              <p class="pre">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canAct && (
        <form method="post" action={`/delegations/${d.id}/notes`} class="stack">
          <Field name="body" label={t("delegations.noteBody")}>
            <textarea id="f-body" name="body" rows={3} required />
          </Field>
          <div>
            <button type="submit" class="secondary">
              {t("delegations.addNote")}
            </button>
          </div>
        </form>
      )}
      <h2>{t("delegations.timeline")}</h2>
      <ol class="timeline" data-testid="timeline">
        {events.map((e) => (
          <li>
            <span class="muted">{when(e.at)}</span> — {e.actor ? `${e.actor}: ` : ""}
            {e.text}
            {e.detail ? ` ${e.detail}` : ""}
            {e.subject && (
              <>
                {": “"}
                <span lang={e.subject.lang}>{e.subject.text}</span>”
              </>
            )}
            {e.mailState && (
              <>
                {" "}
                <MailStateBadge ctx={ctx} state={e.mailState} />
              </>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
