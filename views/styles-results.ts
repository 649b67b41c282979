/**
 * @module Styles of the results pages (reports with their charts, the survey, the public log of visits),
 * appended to the app's one stylesheet. The print part lays the report out on A4.
 */
export const RESULTS_CSS = `
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
ul.inline{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem}
.presets a[aria-current]{font-weight:700}
.range-form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin:0 0 1rem}
.range-form .field{margin:0}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.75rem;margin:0 0 1rem}
.figure{margin:0}
.figure-label{color:var(--muted);font-size:.9rem}
.figure-value{font-size:1.8rem;font-weight:700}
.figure meter{display:block;width:100%;height:.6rem}
.chart-block{margin:1.5rem 0;break-inside:avoid}
.chart-block h2{font-size:1.15rem}
.chart-pair{display:grid;grid-template-columns:1fr;gap:.75rem}
@media (min-width:64rem){.chart-pair{grid-template-columns:3fr 2fr;align-items:start}}
.chart-figure{margin:0}
svg.chart{display:block;width:100%;height:auto;max-width:100%;font:11px system-ui,sans-serif}
svg.chart .bar{fill:#0b5cad}
svg.chart .grid{stroke:#d5dbe1;stroke-width:1}
svg.chart .axis{fill:#5b6470}
svg.chart .value{fill:#1b1f24;font-weight:600}
svg.chart .target{stroke:#b42318;stroke-width:2;fill:none;stroke-dasharray:6 3}
svg.chart .legend{fill:#b42318}
table.data th,table.data td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left}
table.data .num{text-align:right;font-variant-numeric:tabular-nums}
.survey{max-width:36rem;margin:0 auto}
.survey fieldset{border:1px solid var(--line);border-radius:.5rem;margin:0 0 1rem;padding:.5rem .75rem}
.survey legend{font-weight:600;padding:0 .25rem}
.rating{display:flex;flex-wrap:wrap;gap:.25rem .75rem}
.rating label{display:flex;align-items:center;gap:.35rem;min-height:2.75rem;padding:0 .25rem}
.rating input{width:1.4rem;height:1.4rem}
.survey textarea{width:100%;min-height:5rem;font:inherit}
.survey button{width:100%;padding:.8rem}
.public-visit{max-width:48rem}
.public-visit img{display:block;max-width:100%;height:auto;border-radius:.5rem}
.visit-list{list-style:none;padding:0}
.visit-list li{border-bottom:1px solid var(--line);padding:.75rem 0}
.press-preview{white-space:pre-wrap;border:1px solid var(--line);border-radius:.5rem;padding:1rem;background:var(--soft)}
@media print{.chart-pair{grid-template-columns:3fr 2fr}.figures{grid-template-columns:repeat(4,1fr)}.figure{border:1px solid #999;padding:2mm}.range-form,.presets{display:none!important}svg.chart{max-height:70mm}table.data{font-size:9pt}}
`;
