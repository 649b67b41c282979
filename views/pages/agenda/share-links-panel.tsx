/**
 * @module The agenda page's itinerary-link panel for protocol staff: every live link with when and by whom
 * (or which invitation send) it was made and when a visitor last opened it; the link as selectable text
 * with a copy button (enhanced by /assets/app.js, hidden without it), a WhatsApp share with a message in
 * the delegation's language, and a QR code; revoke one or all, and issue a new one (both confirmed first).
 */
import { raw } from "hono/html";
import type { ShareLinkInfo } from "../../../src/agenda/share-links";
import { translator } from "../../../src/i18n/dictionary";
import { formatDateTime } from "../../../src/i18n/format";
import { qrSvg } from "../../../src/itinerary/qr-svg";
import { whatsappShareUrl } from "../../../src/itinerary/whatsapp";
import type { PageContext } from "../../page-context";

export interface ShareLinksPanelProps {
  ctx: PageContext;
  /** `/delegations/{id}`. */
  base: string;
  links: readonly ShareLinkInfo[];
  delegation: { code: string; institution: string; language: "id" | "en" };
}

export function ShareLinksPanel({ ctx, base, links, delegation }: ShareLinksPanelProps) {
  const { t, locale } = ctx;
  const when = (d: Date) => formatDateTime(d, locale, ctx.hostTimeZone);
  const theirs = translator(delegation.language);
  return (
    <section aria-labelledby="share-h" id="share-links" data-testid="share-links">
      <h2 id="share-h">{t("share.title")}</h2>
      <div class="card">
        <p class="muted">{t("share.intro")}</p>
        {links.length === 0 && <p>{t("share.none")}</p>}
        <ul class="plain share-list">
          {links.map((link) => {
            const name = link.createdBy ?? t("share.someone");
            const made = t(link.via === "mail" ? "share.createdByMail" : "share.createdBy", {
              at: when(link.createdAt),
              name,
            });
            const inputId = `share-url-${link.id}`;
            return (
              <li class="share-link" data-testid="share-link">
                <p>
                  {made}
                  <br />
                  <span class="muted" data-testid="share-opened">
                    {link.lastOpenedAt
                      ? t("share.lastOpened", { at: when(link.lastOpenedAt) })
                      : t("share.neverOpened")}
                  </span>
                </p>
                {link.url ? (
                  <>
                    <label for={inputId}>{t("share.linkLabel")}</label>
                    <div class="inline-form">
                      <input
                        id={inputId}
                        type="text"
                        readonly
                        value={link.url}
                        class="secret"
                        data-testid="share-url"
                      />
                      <button type="button" class="secondary" data-copy={inputId} hidden>
                        <span data-copy-label>{t("share.copy")}</span>
                        <span data-copy-done hidden>
                          {t("share.copied")}
                        </span>
                      </button>
                      <a
                        class="button secondary"
                        href={whatsappShareUrl(
                          theirs("share.whatsappText", {
                            institution: delegation.institution,
                            code: delegation.code,
                            url: link.url,
                          }),
                        )}
                        rel="noopener noreferrer"
                        target="_blank"
                        data-testid="share-whatsapp"
                      >
                        {t("share.whatsapp")}
                      </a>
                    </div>
                    <details class="share-qr">
                      <summary>{t("share.qr")}</summary>
                      <figure data-testid="share-qr">
                        {raw(qrSvg(link.url, t("share.qrTitle", { code: delegation.code })))}
                      </figure>
                    </details>
                  </>
                ) : (
                  <p class="muted">{t("share.noUrl")}</p>
                )}
                <form method="post" action={`${base}/share/${link.id}/revoke`}>
                  <button type="submit" class="danger" data-testid="share-revoke-one">
                    {t("share.revokeOne")}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
        <div class="inline-form share-actions">
          <form method="post" action={`${base}/share`}>
            <button type="submit" data-testid="share-issue">
              {links.length > 0 ? t("share.reissue") : t("share.issue")}
            </button>
          </form>
          {links.length > 0 && (
            <form method="post" action={`${base}/share/revoke`}>
              <button type="submit" class="danger" data-testid="share-revoke-all">
                {t("share.revokeAll")}
              </button>
            </form>
          )}
        </div>
      </div>
    </section>
  );
}
