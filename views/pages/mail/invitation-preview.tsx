/**
 * @module The mails a send will queue, shown on its confirm step: for each, the recipient, the subject,
 * the attachments' names and the body as the recipient will read it (the plain-text part).
 */
import type { ComposedMailOut } from "../../../src/mail/invitations";
import type { PageContext } from "../../page-context";

export function InvitationPreview({
  ctx,
  mails,
  basis,
  newLink,
  warning,
}: {
  ctx: PageContext;
  mails: readonly ComposedMailOut[];
  basis: string;
  newLink: boolean;
  warning?: string;
}) {
  const { t } = ctx;
  return (
    <div class="stack" data-testid="invitation-preview">
      {warning && (
        <p class="alert error" role="alert" data-testid="preview-warning">
          {warning}
        </p>
      )}
      {newLink && <p class="hint">{t("mail.inv.newLinkNote")}</p>}
      <input type="hidden" name="basis" value={basis} />
      {mails.map((m) => (
        <details open class="card" data-testid="preview-mail" data-to={m.to.email} data-kind={m.kind}>
          <summary>
            <span data-testid="preview-to" translate="no">
              {m.to.name} &lt;{m.to.email}&gt;
            </span>{" "}
            · <span data-testid="preview-subject">{m.subject}</span>
          </summary>
          <dl>
            <dt>{t("mail.inv.previewTo")}</dt>
            <dd translate="no">
              {m.to.name} &lt;{m.to.email}&gt;
            </dd>
            <dt>{t("mail.inv.previewSubject")}</dt>
            <dd>{m.subject}</dd>
            <dt>{t("mail.inv.previewFiles")}</dt>
            <dd data-testid="preview-files">
              {m.attachments.length > 0 ? m.attachments.join(", ") : t("mail.inv.noFiles")}
            </dd>
          </dl>
          <pre class="code" data-testid="preview-body">
            {m.text}
          </pre>
        </details>
      ))}
    </div>
  );
}
