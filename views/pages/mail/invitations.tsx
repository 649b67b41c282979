/**
 * @module Staff page: a delegation's invitations — the sessions and their state, the recipients to tick
 * with the form each gets and the status of their last message, then "preview" (the confirm step shows
 * the exact mails). On a phone each recipient is a card, every value labelled by its column. Also the
 * automatic-notices switch and the delegation's message history.
 */
import { itemsOutside } from "../../../src/agenda/outside-dates";
import { formatDateTime } from "../../../src/i18n/format";
import { noticeKindKey } from "../../../src/i18n/keys";
import { mailStateOf } from "../../../src/mail/delivery-state";
import {
  type Candidate,
  INVITATION_FORMS,
  type InvitationForm,
} from "../../../src/mail/invitation-recipients";
import type { InvitationPlan } from "../../../src/mail/invitations";
import type { OutboxRow } from "../../../src/mail/outbox";
import { MailStateBadge } from "../../components/mail-state";
import { OutsideDatesBadge } from "../../components/outside-dates-badge";
import type { PageContext } from "../../page-context";

/** What the recipients form shows ticked and chosen (defaults, or the input sent back). */
export type ChoiceValues = Record<string, { checked: boolean; form: InvitationForm }>;

export function defaultChoiceValues(candidates: readonly Candidate[]): ChoiceValues {
  return Object.fromEntries(candidates.map((c) => [c.key, { checked: true, form: c.defaultForm }]));
}

const INVITATION_KINDS = new Set(["itinerary", "invitation", "update", "withdrawal"]);

export function InvitationsPage({
  ctx,
  plan,
  history,
  values,
  notice,
  error,
  choiceError,
}: {
  ctx: PageContext;
  plan: InvitationPlan;
  history: OutboxRow[];
  values: ChoiceValues;
  notice?: string;
  error?: string;
  choiceError?: string;
}) {
  const { t, locale } = ctx;
  const d = plan.delegation;
  const outside = new Set(
    itemsOutside(plan.agenda.items, plan.agenda.delegation.confirmedDates).map((i) => i.id),
  );
  const stateOf = (p: InvitationPlan["items"][number]) => {
    if (p.action === "invite") return t("mail.inv.state.new");
    if (p.action === "update") return t("mail.inv.state.changed");
    if (p.action === "withdraw") return t("mail.inv.state.withdraw");
    if (p.last?.kind === "withdrawal") return t("mail.inv.state.withdrawn");
    return p.recipients.length > 0 ? t("mail.inv.announced") : "—";
  };
  // History is newest first: the first invitation-type message to an address is its latest.
  const lastTo = new Map<string, OutboxRow>();
  for (const h of history) {
    if (INVITATION_KINDS.has(h.kind) && !lastTo.has(h.toEmail)) lastTo.set(h.toEmail, h);
  }
  const canSend = d.status !== "requested" && plan.candidates.length > 0;
  return (
    <>
      <p>
        <a href={`/delegations/${d.id}`}>← {t("mail.inv.back")}</a>
      </p>
      {notice && (
        <p class="alert ok" role="status" data-testid="notice">
          {notice}
        </p>
      )}
      {error && (
        <p class="alert error" role="alert">
          {error}
        </p>
      )}
      <section class="card">
        <h2>{t("mail.inv.items")}</h2>
        {plan.items.length === 0 ? (
          <p>{t("mail.inv.noItems")}</p>
        ) : (
          <div class="table-wrap">
            <table class="cards" data-testid="invitation-items">
              <tbody>
                {plan.items.map((p) => (
                  <tr data-action={p.action}>
                    <td>{formatDateTime(p.item.startsAt, locale, p.item.timeZone)}</td>
                    <td>
                      {p.item.title}
                      {outside.has(p.item.id) && (
                        <>
                          {" "}
                          <OutsideDatesBadge ctx={ctx} />
                        </>
                      )}
                    </td>
                    <td>{stateOf(p)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="card">
        <h2 id="recipients-title">{t("mail.inv.choose")}</h2>
        {plan.candidates.length === 0 ? (
          <p>{t("mail.inv.noRecipients")}</p>
        ) : (
          <form
            method="post"
            action={`/delegations/${d.id}/invitations/send`}
            class="stack wide recipients-form"
          >
            <p class="hint" id="recipients-hint">
              {t("mail.inv.chooseHint")}
            </p>
            {choiceError && (
              <p class="error" id="recipients-error" role="alert" data-testid="choice-error">
                {choiceError}
              </p>
            )}
            <div class="table-wrap">
              <table
                class="cards recipients"
                data-testid="recipients"
                aria-labelledby="recipients-title"
                aria-describedby={choiceError ? "recipients-hint recipients-error" : "recipients-hint"}
              >
                <thead>
                  <tr>
                    <th scope="col">{t("mail.inv.col.send")}</th>
                    <th scope="col">{t("mail.inv.col.recipient")}</th>
                    <th scope="col">{t("mail.inv.col.role")}</th>
                    <th scope="col">{t("mail.inv.col.form")}</th>
                    <th scope="col">{t("mail.inv.col.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.candidates.map((c, i) => {
                    const v = values[c.key] ?? { checked: false, form: c.defaultForm };
                    const last = lastTo.get(c.email);
                    return (
                      <tr data-recipient={c.key} data-email={c.email}>
                        <td data-label={t("mail.inv.col.send")}>
                          <input
                            type="checkbox"
                            id={`to-${i}`}
                            name={`to.${c.key}`}
                            value="yes"
                            checked={v.checked}
                            data-testid="recipient-check"
                          />
                        </td>
                        <td data-label={t("mail.inv.col.recipient")}>
                          <label for={`to-${i}`}>
                            {c.name} <span translate="no">&lt;{c.email}&gt;</span>
                          </label>
                        </td>
                        <td data-label={t("mail.inv.col.role")}>{t(`mail.inv.role.${c.role}`)}</td>
                        <td data-label={t("mail.inv.col.form")}>
                          <select
                            name={`form.${c.key}`}
                            aria-label={`${t("mail.inv.col.form")}: ${c.name}`}
                            data-testid="recipient-form"
                          >
                            {INVITATION_FORMS.map((f) => (
                              <option value={f} selected={v.form === f}>
                                {t(`mail.inv.form.${f}`)}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td data-label={t("mail.inv.col.status")} data-testid="recipient-status">
                          {last ? (
                            <>
                              {t(noticeKindKey(last.kind))} ·{" "}
                              <MailStateBadge ctx={ctx} state={mailStateOf(last)} />
                            </>
                          ) : (
                            "—"
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {canSend && (
              <p>
                <button type="submit" data-testid="preview-invitations">
                  {t("mail.inv.previewButton")}
                </button>
              </p>
            )}
          </form>
        )}
      </section>
      <section class="card">
        <h2>{t("mail.inv.autoNotices")}</h2>
        <form method="post" action={`/delegations/${d.id}/invitations/auto-notices`} class="inline-form">
          <span>{d.autoNotices ? t("mail.inv.autoOn") : t("mail.inv.autoOff")}</span>{" "}
          <input type="hidden" name="enabled" value={d.autoNotices ? "false" : "true"} />
          <button type="submit" class="secondary">
            {d.autoNotices ? t("mail.inv.turnOff") : t("mail.inv.turnOn")}
          </button>
        </form>
      </section>
      <section class="card">
        <h2>{t("mail.inv.history")}</h2>
        <ul data-testid="history">
          {history.map((h) => (
            <li>
              {t(noticeKindKey(h.kind))} · <span translate="no">{h.toEmail}</span> ·{" "}
              <span lang={h.locale}>{h.subject}</span> · <MailStateBadge ctx={ctx} state={mailStateOf(h)} />
            </li>
          ))}
        </ul>
        <p>
          <a href="/admin/outbox">{t("mail.outbox.title")}</a>
        </p>
      </section>
    </>
  );
}
