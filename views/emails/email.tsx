/**
 * @module One structure, two renderings: every notice is an `EmailContent` (greeting, paragraphs, facts,
 * a programme, a link) rendered to HTML (hono/jsx, escaped, inline styles because mail clients ignore
 * style sheets) and to plain text from the same data, so the two parts never say different things.
 */
import type { Child } from "hono/jsx";

export interface EmailProgrammeRow {
  when: string;
  title: string;
  where: string;
}

export interface EmailContent {
  lang: "id" | "en";
  /** Heading shown at the top (usually the subject). */
  heading: string;
  greeting: string;
  paragraphs: string[];
  /** Label/value pairs (code, dates, place…). */
  facts?: [string, string][];
  /** A titled list of lines (what changed, special needs…). */
  list?: { title: string; lines: string[] };
  programme?: { title: string; rows: EmailProgrammeRow[] };
  link?: { label: string; url: string };
  closing: string;
  signature: string;
  /** Under the signature: the office's address and contacts. */
  signatureLines?: string[];
  footer: string;
}

const S = {
  body: "margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933",
  box: "max-width:640px;margin:0 auto;background:#ffffff;padding:24px",
  h1: "font-size:20px;margin:0 0 16px",
  p: "font-size:15px;line-height:1.5;margin:0 0 12px",
  th: "text-align:left;padding:4px 12px 4px 0;font-size:14px;color:#52606d;vertical-align:top",
  td: "padding:4px 0;font-size:14px;vertical-align:top",
  button:
    "display:inline-block;background:#0b5394;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px",
  // #52606d on white: 6.4:1, readable at 12px (WCAG AA asks 4.5:1).
  small: "font-size:12px;color:#52606d;margin-top:24px",
};

function Facts({ rows }: { rows: [string, string][] }) {
  return (
    <table role="presentation" style="border-collapse:collapse;margin:0 0 16px">
      {rows.map(([label, value]) => (
        <tr>
          <th style={S.th}>{label}</th>
          <td style={S.td}>{value}</td>
        </tr>
      ))}
    </table>
  );
}

export function EmailHtml({ content }: { content: EmailContent }): Child {
  return (
    <html lang={content.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{content.heading}</title>
      </head>
      <body style={S.body}>
        <div style={S.box}>
          <h1 style={S.h1}>{content.heading}</h1>
          <p style={S.p}>{content.greeting}</p>
          {content.paragraphs.map((p) => (
            <p style={S.p}>{p}</p>
          ))}
          {content.facts && content.facts.length > 0 && <Facts rows={content.facts} />}
          {content.list && content.list.lines.length > 0 && (
            <>
              <p style={S.p}>
                <strong>{content.list.title}</strong>
              </p>
              <ul>
                {content.list.lines.map((l) => (
                  <li style={S.p}>{l}</li>
                ))}
              </ul>
            </>
          )}
          {content.programme && content.programme.rows.length > 0 && (
            <>
              <p style={S.p}>
                <strong>{content.programme.title}</strong>
              </p>
              <table role="presentation" style="border-collapse:collapse;margin:0 0 16px">
                {content.programme.rows.map((r) => (
                  <tr>
                    <td style={S.th}>{r.when}</td>
                    <td style={S.td}>
                      {r.title}
                      <br />
                      <span style="color:#52606d">{r.where}</span>
                    </td>
                  </tr>
                ))}
              </table>
            </>
          )}
          {content.link && (
            <p style={S.p}>
              <a href={content.link.url} style={S.button}>
                {content.link.label}
              </a>
              <br />
              <span style="font-size:12px;color:#52606d">{content.link.url}</span>
            </p>
          )}
          <p style={S.p}>
            {content.closing}
            <br />
            {content.signature}
            {(content.signatureLines ?? []).map((line) => (
              <>
                <br />
                {line}
              </>
            ))}
          </p>
          <p style={S.small}>{content.footer}</p>
        </div>
      </body>
    </html>
  );
}

/** The HTML part as a string (`<!doctype html>` + escaped markup). */
export async function renderEmailHtml(content: EmailContent): Promise<string> {
  const node = EmailHtml({ content }) as { toString(): string | Promise<string> };
  return `<!doctype html>${await node.toString()}`;
}

/** The plain-text part from the same content. */
export function renderEmailText(content: EmailContent): string {
  const out: string[] = [content.heading, "", content.greeting, ""];
  for (const p of content.paragraphs) out.push(p, "");
  if (content.facts && content.facts.length > 0) {
    for (const [label, value] of content.facts) out.push(`${label}: ${value}`);
    out.push("");
  }
  if (content.list && content.list.lines.length > 0) {
    out.push(`${content.list.title}:`);
    for (const l of content.list.lines) out.push(`- ${l}`);
    out.push("");
  }
  if (content.programme && content.programme.rows.length > 0) {
    out.push(`${content.programme.title}:`);
    for (const r of content.programme.rows) out.push(`- ${r.when}  ${r.title} (${r.where})`);
    out.push("");
  }
  if (content.link) out.push(`${content.link.label}:`, content.link.url, "");
  out.push(content.closing, content.signature, ...(content.signatureLines ?? []), "", "--", content.footer);
  return `${out.join("\n")}\n`;
}
