/** @module The visitor's status page (private link) and the page shown right after submitting. */

import type { DelegationStatus } from "../../../db/schema/delegations";
import type { DelegationRow } from "../../../src/delegations/intake";
import type { PublicHistoryEntry } from "../../../src/delegations/status-view";
import { otherLocale } from "../../../src/i18n/dictionary";
import { formatDateTime, formatLocalDate } from "../../../src/i18n/format";
import { statusKey } from "../../../src/i18n/keys";
import type { HostContactView } from "../../../src/itinerary/host-contact";
import { HostContact } from "../../components/host-contact";
import type { PageContext } from "../../page-context";

export function rangeLabel(r: { start: string; end: string }, locale: PageContext["locale"]): string {
  return r.start === r.end
    ? formatLocalDate(r.start, locale)
    : `${formatLocalDate(r.start, locale)} – ${formatLocalDate(r.end, locale)}`;
}

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: DelegationStatus }) {
  const cls =
    status === "confirmed" || status === "completed"
      ? "badge ok"
      : status === "requested"
        ? "badge"
        : "badge danger";
  return (
    <span class={cls} data-testid="status" data-status={status}>
      {ctx.t(statusKey(status))}
    </span>
  );
}

export function RequestDone({ ctx, code, statusUrl }: { ctx: PageContext; code: string; statusUrl: string }) {
  const { t } = ctx;
  return (
    <div class="card">
      <p>{t("requests.doneIntro")}</p>
      <p class="secret" data-testid="tracking-code">
        {code}
      </p>
      <p>{t("requests.doneLink")}</p>
      <p class="secret">
        <a href={statusUrl} data-testid="status-link">
          {statusUrl}
        </a>
      </p>
      <p>
        <a class="button" href={statusUrl}>
          {t("requests.openStatus")}
        </a>
      </p>
    </div>
  );
}

export function StatusPage({
  ctx,
  d,
  history,
  token,
  itineraryUrl,
  host,
}: {
  ctx: PageContext;
  d: DelegationRow;
  history: PublicHistoryEntry[];
  token: string;
  /** The visit's live itinerary link, once there is one. */
  itineraryUrl?: string | null;
  /** The host's protocol contact. */
  host?: HostContactView;
}) {
  const { t, locale } = ctx;
  const other = otherLocale(locale);
  return (
    <>
      <p>
        <a
          href={`/kunjungan/status/${encodeURIComponent(d.code)}?token=${encodeURIComponent(token)}&lang=${other}`}
          lang={other}
        >
          {t(other === "en" ? "lang.en" : "lang.id")}
        </a>
      </p>
      <div class="card">
        <p>
          {t("status.current")}: <StatusBadge ctx={ctx} status={d.status} />
        </p>
        <p>
          <strong>{d.institution}</strong>
        </p>
        {d.publicMessage && (
          <div class="alert warn" data-testid="public-message">
            <strong>{t("status.message")}:</strong> {d.publicMessage}
          </div>
        )}
        <dl>
          {d.confirmedDates && (
            <>
              <dt>{t("status.confirmedDates")}</dt>
              <dd data-testid="confirmed-dates">{rangeLabel(d.confirmedDates, locale)}</dd>
            </>
          )}
          {d.status === "requested" && d.proposedDates && d.proposedDates.length > 0 && (
            <>
              <dt>{t("status.proposed")}</dt>
              {d.proposedDates.map((r) => (
                <dd>{rangeLabel(r, locale)}</dd>
              ))}
            </>
          )}
          <dt>{t("status.preferred")}</dt>
          <dd>{rangeLabel(d.preferredDates, locale)}</dd>
          {d.alternativeDates.length > 0 && (
            <>
              <dt>{t("status.alternatives")}</dt>
              {d.alternativeDates.map((r) => (
                <dd>{rangeLabel(r, locale)}</dd>
              ))}
            </>
          )}
        </dl>
      </div>
      {itineraryUrl && (
        <p class="alert ok" data-testid="status-itinerary">
          {t("status.itinerary")} <a href={itineraryUrl}>{t("status.itineraryOpen")}</a>
        </p>
      )}
      <h2>{t("status.history")}</h2>
      <ol class="timeline">
        {history.map((h) => (
          <li>
            <span class="muted">{formatDateTime(h.at, locale, ctx.hostTimeZone)}</span> —{" "}
            {t(statusKey(h.status))}
            {h.message ? `: ${h.message}` : ""}
          </li>
        ))}
      </ol>
      <p class="muted">{t("status.contact")}</p>
      {host && <HostContact host={host} t={t} />}
    </>
  );
}
