/** @module Admin page: the outbox by status, with retry (failed, cancelled) and cancel (queued, failed). */
import { OUTBOX_STATUSES, type OutboxStatus } from "../../../db/schema/outbox";
import { formatDateTime } from "../../../src/i18n/format";
import type { OutboxRow } from "../../../src/mail/outbox";
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
  counts: Record<OutboxStatus, number>;
  status?: OutboxStatus;
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
        <ul class="row">
          <li>
            <a href="/admin/outbox" aria-current={status ? undefined : "page"}>
              {t("mail.outbox.all")}
            </a>
          </li>
          {OUTBOX_STATUSES.map((s) => (
            <li>
              <a href={`/admin/outbox?status=${s}`} aria-current={status === s ? "page" : undefined}>
                {t(`mail.status.${s}`)} ({counts[s]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>{t("mail.outbox.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="outbox">
            <thead>
              <tr>
                <th>{t("field.createdAt")}</th>
                <th>{t("mail.outbox.kind")}</th>
                <th>{t("mail.outbox.to")}</th>
                <th>{t("mail.outbox.subject")}</th>
                <th>{t("field.status")}</th>
                <th>{t("mail.outbox.attempts")}</th>
                <th>{t("mail.outbox.lastError")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr data-status={r.status}>
                  <td>{when(r.createdAt)}</td>
                  <td>
                    <code>{r.kind}</code>
                  </td>
                  <td>
                    {r.toName} <span class="muted">&lt;{r.toEmail}&gt;</span>
                  </td>
                  <td>{r.subject}</td>
                  <td>
                    <span class={r.status === "sent" ? "badge ok" : "badge"}>
                      {t(`mail.status.${r.status}`)}
                    </span>
                    {r.status === "sent" && <div class="muted">{when(r.sentAt)}</div>}
                    {r.status === "queued" && r.attempts > 0 && (
                      <div class="muted">
                        {t("mail.outbox.next")}: {when(r.nextAttemptAt)}
                      </div>
                    )}
                  </td>
                  <td>{r.attempts}</td>
                  <td>{r.lastError ?? ""}</td>
                  <td>
                    {(r.status === "failed" || r.status === "cancelled") && (
                      <form method="post" action={`/admin/outbox/${r.id}/retry`} class="inline-form">
                        <button type="submit">{t("mail.outbox.retry")}</button>
                      </form>
                    )}
                    {(r.status === "queued" || r.status === "failed") && (
                      <form method="post" action={`/admin/outbox/${r.id}/cancel`} class="inline-form">
                        <button type="submit" class="secondary">
                          {t("mail.outbox.cancel")}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
