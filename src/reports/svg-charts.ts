/**
 * @module Charts as SVG strings, drawn on the server (pure; no client library, no CDN). Every bar carries
 * its number as visible text and `data-value`, so a chart can be checked against the data table printed
 * beside it (the table is what screen readers use: the SVG is `role="img"` with a title and a pointer to
 * the table). Every text is XML-escaped here; callers pass plain strings.
 */

function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** Numbers as people read them in the chosen language: "1.234,5" (id) or "1,234.5" (en). */
export function formatNumber(value: number, locale: "id" | "en", digits = 1): string {
  return new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: digits }).format(
    value,
  );
}

interface ColumnChartInput {
  id: string;
  title: string;
  /** Id of the data table that holds the same numbers. */
  tableId: string;
  labels: readonly string[];
  values: readonly number[];
  /** Per column target (the target line); null where there is none. */
  target?: readonly (number | null)[];
  targetLabel?: string;
  locale: "id" | "en";
}

const W = 640;
const H = 260;
const PAD = { left: 36, right: 12, top: 28, bottom: 44 };

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= max) return m * step;
  return 10 * step;
}

const f1 = (n: number) => String(Math.round(n * 10) / 10);

/** Vertical columns (e.g. visits per month), with an optional stepped target line. */
export function columnChart(input: ColumnChartInput): string {
  const { labels, values, locale } = input;
  const targets = input.target ?? [];
  const max = niceMax(Math.max(0, ...values, ...targets.map((t) => t ?? 0)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, labels.length);
  const barW = Math.max(2, slot * 0.62);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  for (const tick of [0, 0.5, 1]) {
    const v = max * tick;
    parts.push(
      `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${f1(y(v))}" y2="${f1(y(v))}"/>`,
      `<text class="axis" x="${PAD.left - 4}" y="${f1(y(v) + 4)}" text-anchor="end">${escapeXml(formatNumber(v, locale))}</text>`,
    );
  }
  const every = Math.ceil(labels.length / 12);
  labels.forEach((label, i) => {
    const value = values[i] ?? 0;
    const x = PAD.left + i * slot + (slot - barW) / 2;
    parts.push(
      `<rect class="bar" x="${f1(x)}" y="${f1(y(value))}" width="${f1(barW)}" height="${f1(y(0) - y(value))}" data-label="${escapeXml(label)}" data-value="${value}"/>`,
      `<text class="value" x="${f1(x + barW / 2)}" y="${f1(y(value) - 4)}" text-anchor="middle">${escapeXml(formatNumber(value, locale))}</text>`,
    );
    if (i % every === 0)
      parts.push(
        `<text class="axis" x="${f1(x + barW / 2)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${escapeXml(label)}</text>`,
      );
  });
  const points = targets
    .map((t, i) => (t === null ? null : ([PAD.left + i * slot, PAD.left + (i + 1) * slot, y(t), t] as const)))
    .filter((p) => p !== null);
  if (points.length > 0) {
    const d = points.map(([x1, x2, yy]) => `M${f1(x1)} ${f1(yy)}H${f1(x2)}`).join("");
    parts.push(`<path class="target" d="${d}" data-target="${points.map((p) => p[3]).join(" ")}"/>`);
    if (input.targetLabel)
      parts.push(
        `<text class="legend" x="${W - PAD.right}" y="${PAD.top - 10}" text-anchor="end">— ${escapeXml(input.targetLabel)}</text>`,
      );
  }
  return frame(input.id, input.title, input.tableId, parts, W, H);
}

interface BarChartInput {
  id: string;
  title: string;
  tableId: string;
  labels: readonly string[];
  values: readonly number[];
  locale: "id" | "en";
}

/** Horizontal bars (provinces, topics, venues, hosts, commitment states), one row per label. */
export function barChart(input: BarChartInput): string {
  const { labels, values, locale } = input;
  const row = 24;
  const labelW = 190;
  const height = PAD.top + Math.max(1, labels.length) * row + 8;
  const max = niceMax(Math.max(0, ...values));
  const plotW = W - labelW - 56;
  const parts: string[] = [];
  labels.forEach((label, i) => {
    const value = values[i] ?? 0;
    const yy = PAD.top + i * row;
    const w = (value / max) * plotW;
    const short = label.length > 28 ? `${label.slice(0, 27)}…` : label;
    parts.push(
      `<text class="axis" x="${labelW - 6}" y="${yy + 15}" text-anchor="end">${escapeXml(short)}</text>`,
      `<rect class="bar" x="${labelW}" y="${yy + 3}" width="${f1(w)}" height="${row - 8}" data-label="${escapeXml(label)}" data-value="${value}"/>`,
      `<text class="value" x="${f1(labelW + w + 4)}" y="${yy + 15}">${escapeXml(formatNumber(value, locale))}</text>`,
    );
  });
  return frame(input.id, input.title, input.tableId, parts, W, height);
}

function frame(id: string, title: string, tableId: string, parts: string[], w: number, h: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${escapeXml(id)}" viewBox="0 0 ${w} ${h}" ` +
    `role="img" aria-labelledby="${escapeXml(id)}-title" aria-describedby="${escapeXml(tableId)}">` +
    `<title id="${escapeXml(id)}-title">${escapeXml(title)}</title>${parts.join("")}</svg>`
  );
}
