/**
 * @module The printable rundown (run-of-show) for staff: the host's letterhead, one table per local day with
 * times (each with its venue's zone), activity, place and person in charge, then the reception's seating
 * order: the visiting participants by protocol precedence (lowest rank first; ties by name), numbered as
 * seats are assigned from the head of the table; last, when (in the host's zone) and by whom it was printed.
 */

import type { AgendaEntry, AgendaParticipant, DelegationAgenda } from "../../../src/agenda/load-agenda";
import type { HostSettings } from "../../../src/host-settings/service";
import { localized } from "../../../src/i18n/dictionary";
import { formatDate, formatDateTime, formatTime } from "../../../src/i18n/format";
import { agendaKindKey } from "../../../src/i18n/keys";
import { homeZoneOf, toBase64 } from "../../../src/mail/compose";
import { localDateOf } from "../../../src/scheduling/zoned-time";
import { hostLabel } from "../../../src/venues/host-label";
import { HomeTime } from "../../components/home-time";
import { OutsideDatesBadge } from "../../components/outside-dates-badge";
import { ScrollTable } from "../../components/scroll-table";
import type { PageContext } from "../../page-context";

/** The logo as a `data:` URL (the CSP allows `data:` images; the stored logo is at most 300 KB). */
function logoUrl(host: HostSettings): string | null {
  if (!host.logo || !host.logoType) return null;
  return `data:${host.logoType};base64,${toBase64(host.logo)}`;
}

/** The host's letterhead (*kop*): logo, government and office names, address and contacts. */
function Letterhead({ host, ctx }: { host: HostSettings; ctx: PageContext }) {
  const logo = logoUrl(host);
  const contacts = [host.phone, host.whatsapp, host.email, host.website].filter(Boolean).join(" · ");
  return (
    <header class="letterhead" data-testid="letterhead">
      {logo && <img src={logo} alt={ctx.t("hostSettings.logo")} width="72" class="letterhead-logo" />}
      <div class="letterhead-text">
        <strong>{host.governmentName.toLocaleUpperCase("id")}</strong>
        <br />
        <strong>{host.officeName}</strong>
        <br />
        <span>{host.address}</span>
        {contacts && (
          <>
            <br />
            <span>{contacts}</span>
          </>
        )}
      </div>
    </header>
  );
}

export function RundownPage(props: {
  ctx: PageContext;
  agenda: DelegationAgenda;
  participants: AgendaParticipant[];
  /** Items outside the confirmed dates (flagged). */
  outsideDates?: readonly string[];
  host: HostSettings;
  printedAt: Date;
}) {
  const { ctx, agenda, participants } = props;
  const { t, locale } = ctx;
  const days = new Map<string, AgendaEntry[]>();
  for (const item of agenda.items) {
    if (item.status === "cancelled") continue;
    const date = localDateOf(item.startsAt.getTime(), item.timeZone);
    days.set(date, [...(days.get(date) ?? []), item]);
  }
  const d = agenda.delegation;
  const homeZone = homeZoneOf(d.provinceCode);
  return (
    <div class="rundown">
      <Letterhead host={props.host} ctx={ctx} />
      <p>
        <strong>{d.institution}</strong> · {d.leaderName}, {d.leaderTitle} · {d.code}
      </p>
      <p class="no-print">
        <a href={`/delegations/${d.id}/agenda`}>{t("agenda.title", { code: d.code })}</a>{" "}
        {/* The layout's /assets/app.js wires every data-print button to the browser's print dialog. */}
        <button type="button" class="secondary" data-print hidden data-testid="rundown-print">
          {t("itinerary.print")}
        </button>
      </p>
      {days.size === 0 && <p>{t("agenda.empty")}</p>}
      {[...days.values()].map((list) => (
        <section class="rundown-day">
          <h2>
            {formatDate(list[0]?.startsAt ?? new Date(), locale, list[0]?.timeZone ?? ctx.hostTimeZone)}
          </h2>
          <ScrollTable
            label={formatDate(list[0]?.startsAt ?? new Date(), locale, list[0]?.timeZone ?? ctx.hostTimeZone)}
          >
            <table data-testid="rundown-table">
              <thead>
                <tr>
                  <th>{t("rundown.time")}</th>
                  <th>{t("rundown.activity")}</th>
                  <th>{t("rundown.place")}</th>
                  <th>{t("rundown.pic")}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((item) => (
                  <tr>
                    <td class="nowrap">
                      {formatTime(item.startsAt, locale, item.timeZone, false)}–
                      {formatTime(item.endsAt, locale, item.timeZone)}
                      {homeZone && <HomeTime item={item} locale={locale} homeZone={homeZone} />}
                    </td>
                    <td>
                      <strong>{localized(locale, item.title, item.titleEn)}</strong>{" "}
                      {props.outsideDates?.includes(item.id) && <OutsideDatesBadge ctx={ctx} />}
                      <span class="muted">({t(agendaKindKey(item.kind))})</span>
                      {item.hosts.length > 0 && (
                        <div class="muted">
                          {t("itinerary.hosts")}: {item.hosts.map((h) => hostLabel(h)).join(", ")}
                        </div>
                      )}
                      {item.dressCode && (
                        <div>
                          {t("itinerary.dressCode")}: {item.dressCode}
                        </div>
                      )}
                      {item.notes && <div class="muted">{item.notes}</div>}
                    </td>
                    <td>{item.venue ? item.venue.name : "—"}</td>
                    <td>{item.personInCharge ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </section>
      ))}
      <section class="rundown-seating">
        <h2>{t("rundown.seating")}</h2>
        {participants.length === 0 ? (
          <p>{t("rundown.noParticipants")}</p>
        ) : (
          <ScrollTable label={t("rundown.seating")}>
            <table data-testid="seating">
              <thead>
                <tr>
                  <th>{t("rundown.seatNo")}</th>
                  <th>{t("field.name")}</th>
                  <th>{t("rundown.rank")}</th>
                </tr>
              </thead>
              <tbody>
                {participants.map((p, i) => (
                  <tr>
                    <td>{i + 1}</td>
                    <td>
                      <strong>{p.name}</strong>
                      <div class="muted">
                        {p.title}
                        {p.institution ? `, ${p.institution}` : ""}
                      </div>
                    </td>
                    <td>{p.precedenceRank}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
      <p class="muted" data-testid="printed-at">
        {t("rundown.printedAt", { at: formatDateTime(props.printedAt, locale, ctx.hostTimeZone) })}
        {ctx.user ? ` ${t("rundown.printedBy", { name: ctx.user.name })}` : ""}
      </p>
    </div>
  );
}
