/**
 * @module What the visit request form needs on every render, for the public page and the staff page
 * alike: the province → regency groups, active topics, the earliest allowed date, the small script that
 * narrows the regency list, and the mapping of API error paths to form fields.
 */
import type { AppContext } from "../http/context";
import type { FieldErrors } from "../http/validate";
import { formatLocalDate } from "../i18n/format";
import { listProvinces, listRegencies } from "../regions/regions";
import { formFieldOf } from "./input-schema";
import { leadTimeInfo } from "./intake";
import { listTopics, topicName } from "./topics";

/** Hides the other provinces' regency groups; the form works without it. */
export const REQUEST_FORM_JS = `(function(){
var p=document.querySelector('select[data-region=province]');var r=document.querySelector('select[data-region=regency]');
if(!p||!r)return;function sync(){var code=p.value;var groups=r.querySelectorAll('optgroup');
for(var i=0;i<groups.length;i++){var g=groups[i];var on=!code||g.getAttribute('data-province')===code;g.hidden=!on;g.disabled=!on;}
var sel=r.options[r.selectedIndex];if(sel&&sel.parentNode.tagName==='OPTGROUP'&&sel.parentNode.disabled)r.value='';}
p.addEventListener('change',sync);sync();})();`;

const REGION_GROUPS = listProvinces().map((province) => ({
  province,
  regencies: listRegencies(province.code),
}));

/** The form's props that every render needs (regions, topics, the earliest date). */
export async function formBasics(c: AppContext) {
  const { db, clock, config } = c.get("deps");
  const locale = c.get("locale");
  const [topics, lead] = await Promise.all([
    listTopics(db, { activeOnly: true }),
    leadTimeInfo(db, clock(), config.requestMinWorkingDays, config.hostTimeZone),
  ]);
  return {
    provinces: REGION_GROUPS,
    topics: topics.map((t) => ({ id: t.id, name: topicName(t, locale) })),
    earliestLabel: formatLocalDate(lead.earliest, locale),
    earliest: lead.earliest,
    minWorkingDays: config.requestMinWorkingDays,
  };
}

/** API error paths → form field names. */
export function toFormErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, list] of Object.entries(errors)) {
    const name = formFieldOf(path);
    out[name] = [...(out[name] ?? []), ...list];
  }
  return out;
}
