/**
 * @module The report page: a period form with presets, the headline figures against their targets, and
 * each chart (SVG drawn on the server) beside the table that holds its numbers, then the CSV exports.
 * Prints on A4 (the print section of the stylesheet hides the navigation and the forms).
 */
import { raw } from "hono/html";
import type { FieldErrors } from "../../../src/http/validate";
import { type Locale, localized } from "../../../src/i18n/dictionary";
import { formatLocalDate, INTL_LOCALE } from "../../../src/i18n/format";
import { PRESETS, type Preset } from "../../../src/reports/range";
import type { Report } from "../../../src/reports/summary";
import { barChart, columnChart, formatNumber } from "../../../src/reports/svg-charts";
import { FormErrors } from "../../components/field";
import type { PageContext } from "../../page-context";

export interface ReportPageProps {
  ctx: PageContext;
  report: Report | null;
  preset: Preset | null;
  values: { from: string; to: string };
  errors?: FieldErrors;
  canSetTargets: boolean;
}

const monthLabel = (month: string, locale: Locale) =>
  new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    month: "short",
    year: "2-digit",
    timeZone: "UTC",
  }).format(new Date(`${month}-15T00:00:00Z`));

function Headline(props: {
  ctx: PageContext;
  id: string;
  label: string;
  value: string;
  target: number | null;
  progress: number | null;
  digits?: number;
}) {
  const { t, locale } = props.ctx;
  return (
    <div class="figure card" data-testid={`figure-${props.id}`}>
      <div class="figure-label">{props.label}</div>
      <div class="figure-value">{props.value}</div>
      {props.target === null ? (
        <div class="muted">{t("reports.noTarget")}</div>
      ) : (
        <div>
          {t("reports.ofTarget", {
            target: formatNumber(props.target, locale, props.digits ?? 1),
            pct: props.progress === null ? "–" : formatNumber(props.progress, locale),
          })}
          <meter min="0" max="100" value={Math.min(100, props.progress ?? 0)} aria-hidden="true" />
        </div>
      )}
    </div>
  );
}

function ChartWithTable(props: {
  id: string;
  title: string;
  svg: string;
  head: string[];
  rows: (string | number)[][];
}) {
  return (
    <section class="chart-block" aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      <div class="chart-pair">
        <figure class="chart-figure">{raw(props.svg)}</figure>
        <div class="table-wrap">
          <table id={`${props.id}-table`} class="data">
            <caption class="sr-only">{props.title}</caption>
            <thead>
              <tr>
                {props.head.map((h, i) => (
                  <th scope="col" class={i > 0 ? "num" : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr>
                  {r.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td class="num">{cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/** A bar chart of `items` with its table beside it: each row is the item's label, then its `cells`. */
function BarChartWithTable(props: {
  id: string;
  title: string;
  locale: Locale;
  head: string[];
  items: { label: string; value: number; cells: string[] }[];
  /** Said instead of an empty chart and table. */
  empty: string;
}) {
  if (props.items.length === 0)
    return (
      <section class="chart-block" aria-labelledby={`${props.id}-h`}>
        <h2 id={`${props.id}-h`}>{props.title}</h2>
        <p class="muted" data-testid={`${props.id}-empty`}>
          {props.empty}
        </p>
      </section>
    );
  const svg = barChart({
    id: `${props.id}-svg`,
    title: props.title,
    tableId: `${props.id}-table`,
    labels: props.items.map((i) => i.label),
    values: props.items.map((i) => i.value),
    locale: props.locale,
  });
  return (
    <ChartWithTable
      id={props.id}
      title={props.title}
      svg={svg}
      head={props.head}
      rows={props.items.map((i) => [i.label, ...i.cells])}
    />
  );
}

const COMMITMENT_STATES = ["onTime", "late", "open", "dropped"] as const;
const EXPORTS = ["visits", "participants", "commitments", "feedback"] as const;

export function ReportPage(props: ReportPageProps) {
  const { ctx, report } = props;
  const { t, locale } = ctx;
  const n = (v: number | null, digits = 1) => (v === null ? "–" : formatNumber(v, locale, digits));
  const query = `from=${props.values.from}&to=${props.values.to}`;
  return (
    <>
      <nav class="presets no-print" aria-label={t("reports.presets")}>
        <ul class="inline">
          {PRESETS.map((p) => (
            <li>
              <a href={`/reports?preset=${p}`} aria-current={props.preset === p ? "true" : undefined}>
                {t(`reports.preset.${p}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/reports" class="range-form no-print">
        <FormErrors message={props.errors ? Object.values(props.errors).flat().join(" ") : undefined} />
        <div class="field">
          <label for="f-from">{t("reports.from")}</label>
          <input id="f-from" name="from" type="date" value={props.values.from} required />
        </div>
        <div class="field">
          <label for="f-to">{t("reports.to")}</label>
          <input id="f-to" name="to" type="date" value={props.values.to} required />
        </div>
        <button type="submit">{t("reports.show")}</button>
        {props.canSetTargets && <a href="/admin/targets">{t("targets.title")}</a>}
      </form>
      {report && (
        <>
          <p class="period" data-testid="report-period">
            {t("reports.period", {
              from: formatLocalDate(report.range.from, locale),
              to: formatLocalDate(report.range.to, locale),
            })}{" "}
            {report.range.countedUntil && report.range.countedUntil < report.range.to
              ? t("reports.countedUntil", { date: formatLocalDate(report.range.countedUntil, locale) })
              : ""}
          </p>
          <div class="figures">
            <Headline
              ctx={ctx}
              id="visits"
              label={t("reports.visits")}
              value={n(report.visits.value, 0)}
              target={report.visits.target}
              progress={report.visits.progressPct}
            />
            <Headline
              ctx={ctx}
              id="visitors"
              label={t("reports.visitors")}
              value={n(report.visitors.value, 0)}
              target={report.visitors.target}
              progress={report.visitors.progressPct}
              digits={0}
            />
            <Headline
              ctx={ctx}
              id="on-time"
              label={t("reports.onTimePct")}
              value={report.commitments.onTimePct === null ? "–" : `${n(report.commitments.onTimePct)} %`}
              target={report.commitments.target}
              progress={report.commitments.progressPct}
            />
            <Headline
              ctx={ctx}
              id="rating"
              label={t("reports.averageRating")}
              value={report.rating.average === null ? "–" : `${n(report.rating.average, 2)} / 5`}
              target={report.rating.target}
              progress={report.rating.progressPct}
              digits={2}
            />
          </div>
          <dl class="details">
            <dt>{t("reports.upcoming")}</dt>
            <dd>{n(report.visits.upcoming, 0)}</dd>
            <dt>{t("reports.leadTime")}</dt>
            <dd>
              {report.leadTime.averageDays === null
                ? "–"
                : t("reports.leadTimeValue", {
                    avg: n(report.leadTime.averageDays),
                    min: n(report.leadTime.minDays, 0),
                    max: n(report.leadTime.maxDays, 0),
                  })}
            </dd>
            <dt>{t("reports.overdue")}</dt>
            <dd>{n(report.commitments.overdue, 0)}</dd>
            <dt>{t("reports.responses")}</dt>
            <dd>
              {t("reports.responsesValue", {
                responses: report.rating.responses,
                links: report.rating.links,
              })}
            </dd>
          </dl>
          <ChartWithTable
            id="chart-monthly-visits"
            title={t("reports.chart.monthlyVisits")}
            svg={columnChart({
              id: "chart-monthly-visits-svg",
              title: t("reports.chart.monthlyVisits"),
              tableId: "chart-monthly-visits-table",
              labels: report.monthly.map((m) => monthLabel(m.month, locale)),
              values: report.monthly.map((m) => m.visits),
              target: report.monthly.map((m) => m.targetVisits),
              targetLabel: t("reports.targetLine"),
              locale,
            })}
            head={[t("reports.month"), t("reports.visits"), t("reports.target")]}
            rows={report.monthly.map((m) => [monthLabel(m.month, locale), n(m.visits, 0), n(m.targetVisits)])}
          />
          <ChartWithTable
            id="chart-monthly-visitors"
            title={t("reports.chart.monthlyVisitors")}
            svg={columnChart({
              id: "chart-monthly-visitors-svg",
              title: t("reports.chart.monthlyVisitors"),
              tableId: "chart-monthly-visitors-table",
              labels: report.monthly.map((m) => monthLabel(m.month, locale)),
              values: report.monthly.map((m) => m.visitors),
              target: report.monthly.map((m) => m.targetVisitors),
              targetLabel: t("reports.targetLine"),
              locale,
            })}
            head={[t("reports.month"), t("reports.visitors"), t("reports.target")]}
            rows={report.monthly.map((m) => [
              monthLabel(m.month, locale),
              n(m.visitors, 0),
              n(m.targetVisitors),
            ])}
          />
          <BarChartWithTable
            id="chart-provinces"
            title={t("reports.chart.provinces")}
            locale={locale}
            empty={t("reports.empty")}
            head={[t("reports.province"), t("reports.visits"), t("reports.visitors")]}
            items={report.byProvince.map((p) => ({
              label: p.name ?? t("reports.unknownRegion"),
              value: p.visits,
              cells: [n(p.visits, 0), n(p.visitors, 0)],
            }))}
          />
          <BarChartWithTable
            id="chart-topics"
            title={t("reports.chart.topics")}
            locale={locale}
            empty={t("reports.empty")}
            head={[t("reports.topic"), t("reports.visits")]}
            items={report.byTopic.map((x) => ({
              label: localized(locale, x.nameId, x.nameEn),
              value: x.visits,
              cells: [n(x.visits, 0)],
            }))}
          />
          <BarChartWithTable
            id="chart-venues"
            title={t("reports.chart.venues")}
            locale={locale}
            empty={t("reports.empty")}
            head={[t("reports.venue"), t("reports.sessions"), t("reports.hours")]}
            items={report.venues.map((v) => ({
              label: v.name,
              value: v.sessions,
              cells: [n(v.sessions, 0), n(v.hours)],
            }))}
          />
          <BarChartWithTable
            id="chart-hosts"
            title={t("reports.chart.hosts")}
            locale={locale}
            empty={t("reports.empty")}
            head={[t("reports.host"), t("reports.sessions"), t("reports.hours")]}
            items={report.hosts.map((h) => ({
              label: h.name,
              value: h.sessions,
              cells: [n(h.sessions, 0), n(h.hours)],
            }))}
          />
          <BarChartWithTable
            id="chart-commitments"
            title={t("reports.chart.commitments")}
            locale={locale}
            empty={t("reports.empty")}
            head={[t("reports.c.state"), t("reports.c.count")]}
            items={COMMITMENT_STATES.map((state) => ({
              label: t(`reports.c.${state}`),
              value: report.commitments[state],
              cells: [n(report.commitments[state], 0)],
            }))}
          />
          <section class="no-print" aria-labelledby="exports-h">
            <h2 id="exports-h">{t("reports.exports")}</h2>
            <ul class="inline">
              {EXPORTS.map((name) => (
                <li>
                  <a href={`/reports/${name}.csv?${query}`} download>
                    {t(`reports.export.${name}`)}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
