import { type Locale, localized } from "../../../src/i18n/dictionary";
import { formatWallTime } from "../../../src/i18n/format";
import { agendaKindKey } from "../../../src/i18n/keys";
import type { TemplateView } from "../../../src/templates/service";
import { ScrollTable } from "../../components/scroll-table";
import type { PageContext } from "../../page-context";

const hhmm = (start: string, offset: number, locale: Locale) => {
  const m = Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5)) + offset;
  return formatWallTime(
    `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`,
    locale,
  );
};

export function TemplatesPage(props: {
  ctx: PageContext;
  templates: TemplateView[];
  venueNames: Record<string, string>;
  hostNames: Record<string, string>;
  notice?: string;
}) {
  const { t, locale } = props.ctx;
  return (
    <>
      {props.notice && (
        <div class="alert ok" role="status">
          {props.notice}
        </div>
      )}
      <p>
        <a href="/templates/new">{t("templates.new")}</a>
      </p>
      {props.templates.length === 0 && <p class="muted">{t("templates.empty")}</p>}
      {props.templates.map((tpl) => (
        <section class="card">
          <h2>
            {localized(locale, tpl.name, tpl.nameEn)}{" "}
            {!tpl.active && <span class="badge">{t("templates.inactive")}</span>}
          </h2>
          <p>
            <a href={`/templates/${tpl.id}`}>{t("templates.edit")}</a>
          </p>
          {tpl.description && <p class="muted">{tpl.description}</p>}
          <p class="small">
            {t("templates.defaultStart")}: {tpl.defaultStartTime} ({tpl.timeZone})
          </p>
          <ScrollTable label={tpl.name}>
            <table>
              <thead>
                <tr>
                  <th>{t("templates.offset")}</th>
                  <th>{t("templates.duration")}</th>
                  <th>{t("templates.items")}</th>
                  <th>{t("availability.venue")}</th>
                  <th>{t("availability.hosts")}</th>
                </tr>
              </thead>
              <tbody>
                {tpl.items.map((i) => (
                  <tr>
                    <td>
                      {hhmm(tpl.defaultStartTime, i.offsetMinutes, locale)} (+{i.offsetMinutes})
                    </td>
                    <td>{i.durationMinutes}</td>
                    <td>
                      {localized(locale, i.titleId, i.titleEn)}
                      <div class="small muted">{t(agendaKindKey(i.kind))}</div>
                    </td>
                    <td>{i.venueId ? (props.venueNames[i.venueId] ?? "") : ""}</td>
                    <td>{i.hostIds.map((h) => props.hostNames[h] ?? h).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </section>
      ))}
    </>
  );
}
