/**
 * @module The printable rundown (run-of-show) for staff: one table per local day with times, activity,
 * place and person in charge, then the reception's seating order: the visiting participants by protocol
 * precedence (lowest rank first; ties by name), numbered as seats are assigned from the head of the table.
 */

import type { AgendaEntry, AgendaParticipant, DelegationAgenda } from "../../../src/agenda/load-agenda";
import { localized } from "../../../src/i18n/dictionary";
import { formatDate, formatTime } from "../../../src/i18n/format";
import { agendaKindKey } from "../../../src/i18n/keys";
import { localDateOf } from "../../../src/scheduling/zoned-time";
import { hostLabel } from "../../../src/venues/host-label";
import { OutsideDatesBadge } from "../../components/outside-dates-badge";
import { ScrollTable } from "../../components/scroll-table";
import type { PageContext } from "../../page-context";

export function RundownPage(props: {
  ctx: PageContext;
  agenda: DelegationAgenda;
  participants: AgendaParticipant[];
  /** Items outside the confirmed dates (flagged). */
  outsideDates?: readonly string[];
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
  return (
    <div class="rundown">
      <p>
        <strong>{d.institution}</strong> · {d.leaderName}, {d.leaderTitle} · {d.code}
      </p>
      <p class="no-print">
        <a href={`/delegations/${d.id}/agenda`}>{t("agenda.title", { code: d.code })}</a>{" "}
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
    </div>
  );
}
