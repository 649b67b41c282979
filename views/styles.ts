/**
 * @module The app's one stylesheet, served from /assets/app.css (CSP allows no inline style or script).
 * Phone first; a print section for A4.
 */
import { RESULTS_CSS } from "./styles-results";

export const APP_CSS = `
:root{--fg:#1b1f24;--muted:#5b6470;--bg:#fff;--line:#d5dbe1;--accent:#0b5cad;--accent-fg:#fff;--danger:#b42318;--ok:#067647;--warn:#b54708;--soft:#f3f6f9}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;font-size:16px;line-height:1.5;color:var(--fg);background:var(--bg)}
body{margin:0}
a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
/* The header wraps whole items (the tools go under the brand and menu on a phone), never inside one. */
header.top{position:relative;background:#0b3d6e;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header.top a{color:#fff}
header.top .brand{font-weight:700;font-size:1.15rem;text-decoration:none}
/* Staff menu: one "Menu" button on a phone, drop-down groups on a wide screen (views/nav.tsx). */
.nav-menu{flex:1 1 auto}
.nav-menu>summary,.nav-group>summary{cursor:pointer;list-style:none;padding:.35rem .6rem;border-radius:.375rem}
.nav-menu>summary::-webkit-details-marker,.nav-group>summary::-webkit-details-marker{display:none}
.nav-menu>summary{display:inline-block;border:1px solid #fff;font-weight:600}
.nav-menu>summary::before{content:"\\2630";margin-right:.4rem}
.nav-group>summary::after{content:"\\25BE";margin-left:.35rem;font-size:.8em}
.nav-group>summary.current{text-decoration:underline;font-weight:600}
nav.main ul{list-style:none;margin:0;padding:0}
nav.main a{display:block;padding:.45rem .6rem;text-decoration:none;border-radius:.375rem}
nav.main a:hover,nav.main summary:hover{background:#174f86}
nav.main a[aria-current=page]{text-decoration:underline;font-weight:600;background:#174f86}
.nav-menu[open]>nav.main{position:absolute;left:0;right:0;top:100%;z-index:30;background:#0b3d6e;padding:.25rem .75rem .75rem;box-shadow:0 6px 12px rgba(0,0,0,.25);max-height:80vh;overflow:auto}
.nav-group>ul{padding-left:.75rem!important;border-left:2px solid #5d86b0;margin:.15rem 0 .35rem .6rem!important}
@media (min-width:64rem){
.nav-menu>summary{display:none}
.nav-menu::details-content{content-visibility:visible;display:block}
.nav-menu>nav.main,.nav-menu[open]>nav.main{position:static;padding:0;box-shadow:none;max-height:none;overflow:visible;background:none}
ul.nav-groups{display:flex;gap:.25rem;align-items:center}
.nav-group{position:relative}
.nav-group>ul{position:absolute;top:calc(100% + .35rem);left:0;z-index:30;min-width:15rem;background:#0b3d6e;border:1px solid #5d86b0!important;border-radius:.375rem;margin:0!important;padding:.35rem!important;box-shadow:0 6px 12px rgba(0,0,0,.25)}
}
.tools{display:flex;gap:.75rem;align-items:center;margin-left:auto}
.tools form{display:inline;margin:0}
.tools button{white-space:nowrap}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.muted{color:var(--muted)}
.card{border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:0 0 1rem;background:#fff}
form.stack{display:grid;gap:.9rem;max-width:32rem}
.field{display:grid;gap:.25rem}
.field label{font-weight:600}
.field .hint{color:var(--muted);font-size:.9rem}
.field .error{color:var(--danger);font-size:.9rem}
input,select,textarea{font:inherit;padding:.55rem .6rem;border:1px solid #8a96a3;border-radius:.375rem;width:100%;background:#fff}
input[type=checkbox],input[type=radio]{width:auto}
[aria-invalid=true]{border-color:var(--danger);outline-color:var(--danger)}
button,.button{font:inherit;display:inline-block;padding:.5rem .9rem;border-radius:.375rem;border:1px solid var(--accent);background:var(--accent);color:var(--accent-fg);cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:var(--accent)}
button.danger{background:var(--danger);border-color:var(--danger)}
button.link{background:none;border:none;color:inherit;text-decoration:underline;padding:0}
:focus-visible{outline:3px solid #f5b400;outline-offset:2px}
.alert{padding:.75rem 1rem;border-radius:.375rem;margin:0 0 1rem;border:1px solid}
.alert.error{border-color:var(--danger);background:#fef3f2;color:#7a271a}
.alert.ok{border-color:var(--ok);background:#ecfdf3;color:#054f31}
.alert.warn{border-color:var(--warn);background:#fffaeb;color:#7a2e0e}
.secret{font-family:ui-monospace,monospace;word-break:break-all;background:var(--soft);padding:.5rem;border-radius:.25rem}
.table-wrap{overflow-x:auto}
/* Tables keep a compact line height (normal, not the page's 1.5), so dense lists and cards stay short. */
table{border-collapse:collapse;width:100%;line-height:normal}
th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--soft);font-weight:600}
.badge{display:inline-block;padding:0 .45rem;border-radius:999px;background:var(--soft);border:1px solid var(--line);font-size:.85rem}
.badge.ok{border-color:var(--ok);color:var(--ok)}.badge.warn{border-color:var(--warn);background:#fffaeb;color:#7a2e0e}.badge.danger{border-color:var(--danger);color:var(--danger)}
.stat-list{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.5rem}.stat-list a{display:block;padding:.5rem .8rem;border:1px solid var(--line);border-radius:.5rem;text-decoration:none;color:inherit;background:var(--soft)}.stat-list strong{font-size:1.25rem;margin-right:.25rem}
.row{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end}
.row>.field{flex:1 1 12rem}
.inline-form{display:inline-flex;gap:.35rem;align-items:center;flex-wrap:wrap}
.inline-form select,.inline-form input{width:auto}
pre.code{background:var(--soft);padding:.75rem;overflow:auto;font-size:.85rem;max-width:100%;white-space:pre-wrap;word-break:break-word}
@media (max-width:40rem){
table.cards thead{display:none}
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
table.cards tr{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem;margin:0 0 .75rem}
table.cards td{border:none;padding:.2rem 0;overflow-wrap:anywhere}
table.cards td[data-label]::before{content:attr(data-label);display:block;font-size:.8rem;font-weight:600;color:var(--muted)}
header.top{padding:.5rem .75rem;gap:.5rem .75rem}
.tools button.secondary{padding:.35rem .65rem}
main{padding:.75rem}
}
fieldset{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;margin:0;min-width:0;display:grid;gap:.9rem}
fieldset.field{border:none;padding:0;gap:.35rem}
legend{font-weight:700;padding:0 .25rem}
label.check{display:flex;gap:.5rem;align-items:center;font-weight:400}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.counts ul{list-style:none;margin:0 0 1rem;padding:0}
ol.timeline{padding-left:1.25rem}
dl.details{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.35rem 1rem}dl.details dd{margin:0}
@media (max-width:40rem){dl.details{grid-template-columns:1fr}dl.details dt{font-weight:600}}
.pre{white-space:pre-wrap}
ul.notes{list-style:none;padding:0}ul.notes li{border-bottom:1px solid var(--line);padding:.5rem 0}
tr.changed td{background:#fffaeb}
.actions{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr))}
footer.bottom{max-width:72rem;margin:2rem auto;padding:0 1rem;color:var(--muted);font-size:.85rem}
/* Itinerary (/i/{token}): phone first, a standalone document without staff navigation. */
body.itin{background:var(--soft)}
.itin-top{background:#0b3d6e;color:#fff;padding:.6rem 1rem;display:flex;justify-content:space-between;align-items:center;gap:1rem}
.itin-top a{color:#fff;font-weight:600}
.itin-top .brand{font-weight:700;font-size:1.1rem}
.itin-main{max-width:44rem;margin:0 auto;padding:1rem}
.itin-head{display:flex;gap:1rem;align-items:flex-start;justify-content:space-between;background:#fff;border:1px solid var(--line);border-radius:.75rem;padding:1rem;margin:0 0 1rem}
.itin-head h1{margin:0 0 .25rem;font-size:1.35rem}
.itin-head p{margin:.1rem 0}
.itin-who{font-weight:600}
.itin-qr{margin:0;flex:0 0 5.5rem;width:5.5rem}
.itin-qr svg{display:block;width:100%;height:auto}
.itin-actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:0 0 1rem}
.itin-actions .button{flex:1 1 auto;text-align:center;padding:.65rem .9rem}
.itin-changes h2{margin:0 0 .35rem;font-size:1rem}
.itin-changes ul{margin:0;padding-left:1.1rem}
.itin-changes p{margin:.35rem 0 0;font-size:.85rem}
.itin-zone-note{font-size:.9rem}
.itin-day{margin:0 0 1.25rem}
.itin-day h2{font-size:1.1rem;margin:1.25rem 0 .5rem;position:sticky;top:0;background:var(--soft);padding:.35rem 0;z-index:1}
.itin-daynum{display:inline-block;background:var(--accent);color:#fff;border-radius:999px;padding:0 .55rem;font-size:.85rem;margin-right:.35rem;vertical-align:middle}
.itin-list{list-style:none;margin:0;padding:0;display:grid;gap:.6rem}
.itin-item{background:#fff;border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:.6rem;padding:.75rem .9rem}
.itin-item.cancelled{border-left-color:var(--danger);opacity:.75}
.itin-item.cancelled h3{text-decoration:line-through}
.itin-item h3{font-size:1.05rem;margin:.15rem 0 .35rem}
.itin-item h3 .badge{margin-left:.4rem;text-decoration:none}
.itin-time{display:flex;flex-wrap:wrap;gap:.15rem .5rem;align-items:baseline}
.itin-local{font-weight:700;font-size:1.05rem;color:#0b3d6e}
.itin-home{color:var(--muted);font-size:.92rem}
.itin-venue{margin:.25rem 0}
.itin-facts{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:.35rem 0 0;font-size:.93rem}
.itin-facts dt{color:var(--muted)}
.itin-facts dd{margin:0}
.itin-notes{margin:.4rem 0 0;font-size:.93rem;white-space:pre-line}
.itin-contacts{background:#fff;border:1px solid var(--line);border-radius:.75rem;padding:.5rem 1rem;margin:1rem 0}
.itin-contacts h2{margin:.5rem 0 .6rem}
.itin-contacts ul{list-style:none;margin:0;padding:0;display:grid;gap:.6rem}
.itin-url{font-size:.8rem;word-break:break-all}
@media (min-width:40rem){.itin-item{display:grid;grid-template-columns:10rem 1fr;gap:.75rem}.itin-time{flex-direction:column}.itin-qr{flex-basis:7rem;width:7rem}}
/* Agenda builder and rundown (staff). */
.agenda-list{list-style:none;margin:0;padding:0}
.agenda-list .card.cancelled{opacity:.7}
.agenda-fields{display:grid;gap:.5rem;margin:.5rem 0}
.nowrap{white-space:nowrap}
.small{font-size:.875rem}
ul.plain{list-style:none;padding:0;margin:0}
ul.share-list{margin:0 0 1rem}.share-actions{row-gap:.75rem}.share-link{border-top:1px solid var(--line);padding:.75rem 0}.share-link .inline-form input.secret{width:min(100%,34rem)}.share-qr svg{display:block;width:12rem;height:auto}.host-contact{margin-top:1.5rem}
label.check{display:flex;gap:.4rem;align-items:center}
fieldset{border:1px solid var(--line);border-radius:.375rem;padding:.5rem .75rem;display:grid;gap:.5rem}
.stack-wide{display:grid;gap:.9rem}
ul.slots{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.4rem}
button.slot{padding:.35rem .6rem;font-size:.95rem}
.cal-nav{margin:0 0 .5rem}
.cal-week{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.5rem}
.cal-day{border:1px solid var(--line);border-radius:.375rem;padding:.5rem;break-inside:avoid}
.cal-day h2{font-size:1rem;margin:0 0 .25rem}
.cal-item{border-left:4px solid var(--accent);background:var(--soft);padding:.3rem .45rem;margin:.35rem 0}
.cal-item.merged{border-left-color:var(--ok)}
.cal-item.tentative{border-left-style:dashed;border-left-color:var(--warn)}
.cal-closed{color:var(--warn);margin:.2rem 0}
@media print{body.itin{background:#fff;font-size:10.5pt}.itin-top,.itin-actions{display:none!important}.itin-main{max-width:none;padding:0}.itin-head{border:none;border-bottom:2px solid #0b3d6e;border-radius:0;padding:0 0 6mm}.itin-qr{flex-basis:28mm;width:28mm}.itin-day{break-inside:auto}.itin-day h2{position:static;background:none;break-after:avoid}.itin-item{display:grid;grid-template-columns:42mm 1fr;gap:4mm;border:none;border-bottom:1px solid #ccc;border-radius:0;padding:2.5mm 0;break-inside:avoid}.itin-time{flex-direction:column}.itin-changes{border:1px solid #999;background:none}.itin-contacts{border:1px solid #ccc;break-inside:avoid}.itin-url{display:block}.rundown table{font-size:9.5pt}.rundown-day,.rundown-seating{break-inside:avoid}details.no-print{display:none}header.top,nav,.tools,.no-print,footer.bottom{display:none!important}main{max-width:none;padding:0}body{font-size:11pt}@page{size:A4;margin:15mm}a{color:inherit;text-decoration:none}.card{border:none;padding:0}.cal-week{grid-template-columns:repeat(4,1fr);gap:2mm}.cal-day{border-color:#999}.cal-item{background:none}}

/* Day grid of all venues (views/pages/calendar/day-grid.tsx): 15-minute columns, blocks span them. */
.grid-wrap{border:1px solid var(--line);border-radius:.375rem}
table.day-grid{table-layout:fixed;min-width:60rem;font-size:.85rem}
table.day-grid th,table.day-grid td{padding:.2rem .25rem;border-bottom:1px solid var(--line)}
table.day-grid thead th{text-align:left;border-left:1px solid var(--line);font-weight:600}
table.day-grid thead th:first-child,table.day-grid tbody th{width:10rem;position:sticky;left:0;z-index:1;background:var(--soft);border-right:1px solid var(--line)}
table.day-grid td.closed{background:repeating-linear-gradient(135deg,#eef1f4 0 4px,#e3e7ec 4px 8px)}
table.day-grid td.grid-block{background:#dbe8f6;border:1px solid var(--accent);border-left:4px solid var(--accent);border-radius:.25rem;overflow:hidden;overflow-wrap:normal;word-break:normal;vertical-align:top}
table.day-grid td.grid-block strong{white-space:nowrap}
table.day-grid td.grid-block.tentative{background:repeating-linear-gradient(135deg,#fff7e6 0 6px,#fdebc8 6px 12px);border-color:var(--warn)}
@media (max-width:40rem){table.day-grid thead th:first-child,table.day-grid tbody th{width:6.5rem}}
@media print{.grid-wrap{overflow:visible;border:none}table.day-grid{min-width:0;font-size:7.5pt}table.day-grid thead th:first-child,table.day-grid tbody th{position:static;width:28mm}table.day-grid td.grid-block{-webkit-print-color-adjust:exact;print-color-adjust:exact}@page{size:A4 landscape}}
/* The rundown's letterhead (kop): logo at the left, the host's names centred, a double rule under it. */
.letterhead{display:flex;gap:1rem;align-items:center;border-bottom:3px double #222;padding-bottom:.5rem;margin-bottom:1rem}
.letterhead-text{flex:1;text-align:center;line-height:1.35}
.letterhead-logo{height:auto}
/* Host picker: a scrollable list of checkboxes, filtered by /assets/app.js when scripts run. */
.picker{display:grid;gap:.35rem}
.picker-list{list-style:none;margin:0;padding:.35rem .5rem;max-height:13rem;overflow:auto;border:1px solid #8a96a3;border-radius:.375rem;background:#fff}
.picker-list li{padding:.15rem 0}
.picker-list li[hidden]{display:none}
.picker-list label{display:flex;gap:.5rem;align-items:flex-start;font-weight:400}
.picker-list input{margin-top:.3rem}
.map-links{display:inline-flex;flex-wrap:wrap;gap:.25rem .75rem}
/* Check-in at the reception desk: big tap targets, the state in words and colour. */
ol.checkin{list-style:none;padding:0;margin:0 0 1rem;display:grid;gap:.5rem}
.checkin-row{display:flex;gap:.75rem;align-items:center;justify-content:space-between;border:1px solid var(--line);border-radius:.6rem;padding:.6rem .75rem;background:#fff}
.checkin-row.present{border-left:.4rem solid var(--ok)}.checkin-row.absent{border-left:.4rem solid var(--danger)}
.checkin-row .who{display:grid;gap:.1rem;min-width:0;overflow-wrap:anywhere}
.checkin-row .who .badge{justify-self:start}
section.outcome a{overflow-wrap:anywhere}
.checkin-row button{min-height:3rem;min-width:7.5rem;font-size:1rem}
.checkin-row .state{font-size:.85rem;font-weight:600}.state.present{color:var(--ok)}.state.absent{color:var(--danger)}
.checkin-count{font-size:1.25rem;font-weight:700}
.checkin-search input{flex:1 1 12rem;min-height:2.75rem;font-size:1rem}
.stat-list .stat{display:block;padding:.5rem .8rem;border:1px solid var(--line);border-radius:.5rem;background:var(--soft)}
.stat-list a.danger-link{border-color:var(--danger);color:var(--danger)}
tr.overdue td:first-child{color:var(--danger);font-weight:600}
form.stack.wide{max-width:48rem}
/* Invitation recipients: the table takes the card's whole width and the form choice its own, so nothing is
   cut off on a desktop; on a phone each recipient is a card (table.cards). */
form.stack.wide.recipients-form{max-width:none}form.recipients-form>p{max-width:48rem}
table.recipients select{width:auto;max-width:100%}
@media (max-width:40rem){table.recipients td:first-child{display:flex;gap:.75rem;align-items:center}}

/* Audit log: changed fields as "before → after", and the pager. */
ul.changes{margin:0;padding-left:1rem}ul.changes del{color:var(--danger)}ul.changes ins{color:var(--ok);text-decoration:none;font-weight:600}
nav.pager{display:flex;gap:1rem;justify-content:space-between;margin:1rem 0}

/* Filter links as a wrapping row of pills, no bullets under the links; mail delivery badges. */
ul.filter-links{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.4rem .6rem}
ul.filter-links a{display:inline-block;padding:.3rem .7rem;border:1px solid var(--line);border-radius:999px;background:#fff}
ul.filter-links a[aria-current=page]{background:var(--soft);font-weight:600;border-color:currentColor}
.badge.warn{border-color:#8a5a00;color:#8a5a00}
code.server-reply{font-size:.8rem;overflow-wrap:anywhere}
${RESULTS_CSS}`;
