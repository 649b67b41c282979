/**
 * @module Staff page: the outbox by delivery state (waiting, being sent, waiting to retry, sent, not sent
 * because saved as a file, failed, cancelled), with retry (failed, cancelled, saved as a file) and cancel
 * (waiting, failed).
 */
import { formatDateTime } from "../../../src/i18n/format";
import { mailStateKey, noticeKindKey } from "../../../src/i18n/keys";
import { MAIL_STATES, type MailState, mailStateOf } from "../../../src/mail/delivery-state";
import type { OutboxRow } from "../../../src/mail/outbox";
import { MailStateBadge } from "../../components/mail-state";
import type { PageContext } from "../../page-context";

export function OutboxPage({
  ctx,
  rows,
  counts,
  status,
  notice,
  fileMode,
}: {
  ctx: PageContext;
  rows: OutboxRow[];
  counts: Record<MailState, number>;
  status?: MailState;
  notice?: string;
  fileMode: boolean;
}) {
  const { t, locale } = ctx;
  const when = (d: Date | null) => (d ? formatDateTime(d, locale, ctx.hostTimeZone) : "—");
  return (
    <>
      {fileMode && (
        <p class="alert warn" data-testid="not-sent-banner">
          {t("mail.outbox.transportFile")} <a href="/mail/preview">{t("mail.preview.title")}</a>
        </p>
      )}
      {notice && (
        <p class="alert ok" role="status">
          {notice}
        </p>
      )}
      <nav aria-label={t("field.status")}>
        <ul class="filter-links" data-testid="outbox-filters">
          <li>
            <a href="/admin/outbox" aria-current={status ? undefined : "page"}>
              {t("mail.outbox.all")}
            </a>
          </li>
          {MAIL_STATES.map((s) => (
            <li>
              <a href={`/admin/outbox?status=${s}`} aria-current={status === s ? "page" : undefined}>
                {t(mailStateKey(s))} ({counts[s]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>{t("mail.outbox.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards" data-testid="outbox">
            <thead>
              <tr>
                <th>{t("field.createdAt")}</th>
                <th>{t("mail.outbox.kind")}</th>
                <th>{t("mail.outbox.to")}</th>
                <th>{t("mail.outbox.subject")}</th>
                <th>{t("field.status")}</th>
                <th>{t("mail.outbox.attempts")}</th>
                <th>{t("mail.outbox.serverReply")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const state = mailStateOf(r);
                return (
                  <tr data-status={state}>
                    <td data-label={t("field.createdAt")}>{when(r.createdAt)}</td>
                    <td data-label={t("mail.outbox.kind")}>{t(noticeKindKey(r.kind))}</td>
                    <td data-label={t("mail.outbox.to")}>
                      {r.toName}{" "}
                      <span class="muted" translate="no">
                        &lt;{r.toEmail}&gt;
                      </span>
                    </td>
                    <td data-label={t("mail.outbox.subject")} lang={r.locale}>
                      {r.subject}
                    </td>
                    <td data-label={t("field.status")}>
                      <MailStateBadge ctx={ctx} state={state} />
                      {(state === "sent" || state === "written") && <div class="muted">{when(r.sentAt)}</div>}
                      {state === "retrying" && (
                        <div class="muted">
                          {t("mail.outbox.next")}: {when(r.nextAttemptAt)}
                        </div>
                      )}
                    </td>
                    <td data-label={t("mail.outbox.attempts")}>{r.attempts}</td>
                    <td data-label={t("mail.outbox.serverReply")}>
                      {r.lastError ? (
                        <code class="server-reply" translate="no">
                          {r.lastError}
                        </code>
                      ) : (
                        ""
                      )}
                    </td>
                    <td>
                      {(state === "failed" || state === "cancelled" || state === "written") && (
                        <form method="post" action={`/admin/outbox/${r.id}/retry`} class="inline-form">
                          <button type="submit">{t("mail.outbox.retry")}</button>
                        </form>
                      )}
                      {(state === "queued" || state === "retrying" || state === "failed") && (
                        <form method="post" action={`/admin/outbox/${r.id}/cancel`} class="inline-form">
                          <button type="submit" class="secondary">
                            {t("mail.outbox.cancel")}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
