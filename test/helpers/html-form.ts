/**
 * @module Reads a form out of one of the app's pages as a browser would submit it: the `<form>` with a
 * given action, its named inputs with their current values (checkboxes and radios only when checked, a
 * select's selected option or its first), textareas; file inputs are left out. The app's HTML comes from
 * hono/jsx (quoted attributes, escaped text), so a small reader is enough.
 */

const decode = (s: string) =>
  s
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1] as string) : undefined;
};
const flag = (tag: string, name: string) => new RegExp(`\\s${name}(?:=""|\\s|/?>)`).test(tag);

/**
 * The fields of the first form posting to `action` (and holding every field of `match`, e.g. the hidden
 * `to` of one of several status forms), as ordered name/value pairs; throws if there is none.
 */
export function formFields(
  html: string,
  action: string,
  match: Record<string, string> = {},
): [string, string][] {
  const forms = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]);
  for (const form of forms) {
    if (attr(form.slice(0, form.indexOf(">") + 1), "action") !== action) continue;
    const fields = fieldsOf(form);
    if (Object.entries(match).every(([k, v]) => fields.some(([n, x]) => n === k && x === v))) return fields;
  }
  throw new Error(
    `no form posting to ${action} with ${JSON.stringify(match)}; forms: ${forms.map((f) => attr(f, "action"))}`,
  );
}

function fieldsOf(form: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const m of form.matchAll(
    /<input\b[^>]*>|<textarea\b[^>]*>([\s\S]*?)<\/textarea>|<select\b[^>]*>([\s\S]*?)<\/select>/g,
  )) {
    const tag = m[0];
    const name = attr(tag, "name");
    if (!name) continue;
    if (tag.startsWith("<input")) {
      const type = attr(tag, "type") ?? "text";
      if (type === "file" || type === "submit" || type === "button") continue;
      if ((type === "checkbox" || type === "radio") && !flag(tag, "checked")) continue;
      fields.push([name, attr(tag, "value") ?? (type === "checkbox" ? "on" : "")]);
    } else if (tag.startsWith("<textarea")) {
      fields.push([name, decode(m[1] ?? "")]);
    } else {
      const options = [...(m[2] ?? "").matchAll(/<option\b[^>]*>/g)].map((o) => o[0]);
      const multiple = flag(tag.slice(0, tag.indexOf(">") + 1), "multiple");
      const chosen = options.filter((o) => flag(o, "selected"));
      if (multiple) for (const o of chosen) fields.push([name, attr(o, "value") ?? ""]);
      else {
        const o = chosen[0] ?? options[0];
        if (o) fields.push([name, attr(o, "value") ?? ""]);
      }
    }
  }
  // The browser sends the clicked button's name and value: the first named one is "clicked".
  const button = /<button\b[^>]*\sname="[^"]*"[^>]*>/.exec(form)?.[0];
  if (button) fields.push([attr(button, "name") as string, attr(button, "value") ?? ""]);
  return fields;
}

/** `fields` with `changes` applied: a string replaces every value of that name, an array sets them all. */
export function fill(
  fields: [string, string][],
  changes: Record<string, string | string[]>,
): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of fields) if (!(k in changes)) body.append(k, v);
  for (const [k, v] of Object.entries(changes)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return body;
}
