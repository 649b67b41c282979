/**
 * @module The day grid: venues down the side, the day's hours across, each booking a block spanning its
 * 15-minute slots (a table with colspans, so it prints and needs no inline style). Tentative visits are
 * striped and say so in words; closed slots are shaded.
 */
import type { Locale } from "../../../src/i18n/dictionary";
import { formatLocalDate, formatWallTime, formatWallTimeRange } from "../../../src/i18n/format";
import type { DayGrid, GridBlock } from "../../../src/staff-calendar/day-grid";
import { SLOT_MINUTES } from "../../../src/staff-calendar/day-grid";
import { ScrollTable } from "../../components/scroll-table";
import type { PageContext } from "../../page-context";

export interface DayGridNav {
  prev: string;
  next: string;
  today: string;
}

const hh = (h: number, locale: Locale) => formatWallTime(`${String(h).padStart(2, "0")}:00`, locale);

function Block({ ctx, block, span }: { ctx: PageContext; block: GridBlock; span: number }) {
  const { t, locale } = ctx;
  const i = block.item;
  const title = locale === "en" && i.titleEn ? i.titleEn : i.title;
  return (
    <td
      colspan={span}
      class={block.tentative ? "grid-block tentative" : "grid-block"}
      data-testid="grid-block"
      title={`${block.codes.join(" + ")} · ${title} · ${formatWallTimeRange(i.local.start, i.local.end, locale)} ${i.local.zone}`}
    >
      <a href={i.delegations[0] ? `/delegations/${i.delegations[0].delegationId}/agenda` : "#"}>
        <strong>{block.codes.join(" + ")}</strong>
      </a>{" "}
      {block.tentative && <span class="badge">{t("grid.tentative")}</span>}
      <br />
      <span>{title}</span>
      <br />
      <span class="small">
        {formatWallTimeRange(i.local.start, i.local.end, locale)} {i.local.zone}
      </span>
    </td>
  );
}

export function DayGridPage(props: { ctx: PageContext; grid: DayGrid; nav: DayGridNav; notice?: string }) {
  const { ctx, grid, nav } = props;
  const { t, locale } = ctx;
  const hours = Array.from({ length: grid.lastHour - grid.firstHour }, (_, k) => grid.firstHour + k);
  const perHour = 60 / SLOT_MINUTES;
  return (
    <>
      {props.notice && (
        <p class="alert warn" role="status">
          {props.notice}
        </p>
      )}
      <h2 class="grid-date" data-testid="grid-date">
        {formatLocalDate(grid.date, locale)}
      </h2>
      <div class="row no-print cal-nav">
        <a class="button secondary" href={nav.prev}>
          ← {t("grid.prev")}
        </a>
        <a class="button secondary" href={nav.today}>
          {t("grid.today")}
        </a>
        <a class="button secondary" href={nav.next}>
          {t("grid.next")} →
        </a>
        <form method="get" action="/calendar/day" class="inline-form">
          <label for="f-date">{t("grid.date")}</label>
          <input id="f-date" type="date" name="date" value={grid.date} required />
          <button type="submit">{t("grid.go")}</button>
        </form>
        <button type="button" class="secondary" data-print hidden data-testid="day-grid-print">
          {t("grid.print")}
        </button>
      </div>
      <p class="muted small">{t("grid.legend")}</p>
      {grid.venues.length === 0 ? (
        <p>{t("grid.empty")}</p>
      ) : (
        <ScrollTable class="grid-wrap" label={t("grid.title")}>
          <table class="day-grid" data-testid="day-grid">
            <thead>
              <tr>
                <th scope="col">{t("grid.venue")}</th>
                {hours.map((h) => (
                  <th scope="col" colspan={perHour}>
                    {hh(h, locale)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.venues.map((v) =>
                v.lanes.map((lane, li) => {
                  const cells = [];
                  let k = 0;
                  for (const b of lane) {
                    for (; k < b.from; k++) cells.push(<td class={v.closed[k] ? "closed" : undefined} />);
                    cells.push(<Block ctx={ctx} block={b} span={b.to - b.from} />);
                    k = b.to;
                  }
                  for (; k < grid.slots; k++) cells.push(<td class={v.closed[k] ? "closed" : undefined} />);
                  return (
                    <tr data-venue={v.id}>
                      {li === 0 && (
                        <th scope="row" rowspan={v.lanes.length}>
                          {v.name}
                          <br />
                          <span class="small muted">{v.zone}</span>
                        </th>
                      )}
                      {cells}
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {grid.venues.every((v) => v.lanes.every((l) => l.length === 0)) && grid.venues.length > 0 && (
        <p>{t("grid.noItems")}</p>
      )}
    </>
  );
}
