/**
 * @module The app's one stylesheet, served from /assets/app.css (CSP allows no inline style or script).
 * Phone first; a print section for A4.
 */
export const APP_CSS = `
:root{--fg:#1b1f24;--muted:#5b6470;--bg:#fff;--line:#d5dbe1;--accent:#0b5cad;--accent-fg:#fff;--danger:#b42318;--ok:#067647;--warn:#b54708;--soft:#f3f6f9}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;font-size:16px;line-height:1.5;color:var(--fg);background:var(--bg)}
body{margin:0}
a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
header.top{background:#0b3d6e;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
header.top a{color:#fff}
header.top .brand{font-weight:700;font-size:1.15rem;text-decoration:none}
nav.main ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav.main a[aria-current=page]{text-decoration:underline;font-weight:600}
.tools{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
.tools form{display:inline}
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
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--soft);font-weight:600}
.badge{display:inline-block;padding:0 .45rem;border-radius:999px;background:var(--soft);border:1px solid var(--line);font-size:.85rem}
.badge.ok{border-color:var(--ok);color:var(--ok)}.badge.danger{border-color:var(--danger);color:var(--danger)}
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
header.top{padding:.5rem .75rem}
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
@media print{header.top,nav,.tools,.no-print,footer.bottom{display:none!important}main{max-width:none;padding:0}body{font-size:11pt}@page{size:A4;margin:15mm}a{color:inherit;text-decoration:none}.card{border:none;padding:0}}
`;
