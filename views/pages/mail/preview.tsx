/** @module Staff page: .eml files written without SMTP, clearly labelled NOT SENT, each viewable. */
import { isNoticeKind } from "../../../db/schema/outbox";
import { noticeKindKey } from "../../../src/i18n/keys";
import type { MailPreviewEntry, MailPreviewSummary } from "../../../src/mail/preview";
import type { PageContext } from "../../page-context";

export function MailPreviewPage({
  ctx,
  transport,
  entries,
  selected,
}: {
  ctx: PageContext;
  transport: { kind: string; description: string };
  entries: MailPreviewSummary[];
  selected?: MailPreviewEntry;
}) {
  const { t } = ctx;
  return (
    <>
      <p class="alert warn" data-testid="not-sent-banner">
        {transport.kind === "smtp"
          ? t("mail.preview.smtp", { server: transport.description })
          : t("mail.preview.notSent", { dir: transport.description })}
      </p>
      {selected && (
        <section class="card" aria-labelledby="selected-subject">
          <h2 id="selected-subject" lang={selected.language}>
            {selected.subject}
          </h2>
          <p>
            {t("mail.outbox.to")}: <span translate="no">{selected.to}</span> ·{" "}
            <code translate="no">{selected.messageId}</code>
          </p>
          <p>
            <a href={`/mail/preview/${selected.name}/html`}>{t("mail.preview.html")}</a> ·{" "}
            <a href={`/mail/preview/${selected.name}/raw`}>{t("mail.preview.raw")}</a>
          </p>
          <pre class="code" lang={selected.language}>
            {selected.text}
          </pre>
        </section>
      )}
      {entries.length === 0 ? (
        <p>{t("mail.preview.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t("mail.outbox.subject")}</th>
                <th>{t("mail.outbox.to")}</th>
                <th>{t("mail.outbox.kind")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr>
                  <td>
                    <a href={`/mail/preview/${e.name}`} lang={e.language}>
                      {e.subject}
                    </a>
                  </td>
                  <td translate="no">{e.to}</td>
                  <td>
                    {isNoticeKind(e.kind) ? t(noticeKindKey(e.kind)) : ""}{" "}
                    {e.hasCalendar && <span class="badge">{t("mail.preview.calendar")}</span>}
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
