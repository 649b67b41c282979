/** @module Staff page: a delegation's invitations — recipients, per-item state, a preview, send / send update. */
import { itemsOutside } from "../../../src/agenda/outside-dates";
import { formatDateTime } from "../../../src/i18n/format";
import { noticeKindKey } from "../../../src/i18n/keys";
import { mailStateOf } from "../../../src/mail/delivery-state";
import type { InvitationPlan } from "../../../src/mail/invitations";
import type { OutboxRow } from "../../../src/mail/outbox";
import { MailStateBadge } from "../../components/mail-state";
import { OutsideDatesBadge } from "../../components/outside-dates-badge";
import type { PageContext } from "../../page-context";

export function InvitationsPage({
  ctx,
  plan,
  history,
  preview,
  notice,
  error,
}: {
  ctx: PageContext;
  plan: InvitationPlan;
  history: OutboxRow[];
  preview?: { subject: string; text: string };
  notice?: string;
  error?: string;
}) {
  const { t, locale } = ctx;
  const d = plan.delegation;
  const outside = new Set(
    itemsOutside(plan.agenda.items, plan.agenda.delegation.confirmedDates).map((i) => i.id),
  );
  const everInvited = plan.items.some((i) => i.last !== null);
  const stateOf = (p: InvitationPlan["items"][number]) => {
    if (p.action === "invite") return t("mail.inv.state.new");
    if (p.action === "update") return t("mail.inv.state.changed");
    if (p.action === "withdraw") return t("mail.inv.state.withdraw");
    if (p.last?.kind === "withdrawal") return t("mail.inv.state.withdrawn");
    if (!p.last) return "—";
    // The calendar's SEQUENCE counts the changes sent after the first invitation.
    return p.last.sequence > 0
      ? t("mail.inv.state.invitedChanged", { n: p.last.sequence })
      : t("mail.inv.state.invited");
  };
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
        <h2>{t("mail.inv.recipients")}</h2>
        {plan.recipients.length === 0 ? (
          <p>{t("mail.inv.noRecipients")}</p>
        ) : (
          <ul data-testid="recipients">
            {plan.recipients.map((r) => (
              <li>
                {r.name} <span translate="no">&lt;{r.email}&gt;</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card">
        <h2>{t("mail.inv.items")}</h2>
        {plan.items.length === 0 ? (
          <p>{t("mail.inv.noItems")}</p>
        ) : (
          <div class="table-wrap">
            <table data-testid="invitation-items">
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
        {plan.pending > 0 ? (
          <form method="post" action={`/delegations/${d.id}/invitations/send`}>
            <button type="submit" data-testid="send-invitations">
              {everInvited ? t("mail.inv.sendUpdate") : t("mail.inv.send")}
            </button>
          </form>
        ) : (
          <p>{t("mail.inv.nothing")}</p>
        )}
      </section>
      {preview && (
        <section class="card">
          <h2>
            {t("mail.inv.preview")}: {preview.subject}
          </h2>
          <pre class="code">{preview.text}</pre>
        </section>
      )}
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
        <ul>
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
