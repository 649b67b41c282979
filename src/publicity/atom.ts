/**
 * @module The Atom feed (RFC 4287) of published visits for the regency's website: one entry per visit
 * with its title, public summary, dates, origin and leader's office, and a link to its public page. Every
 * text is XML-escaped; nothing but `PublicVisit` fields goes in.
 */
import { dateRangeText } from "../mail/compose";
import type { PublicVisit } from "./public-visits";

const esc = (s: string) =>
  s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML 1.0 forbids are dropped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

export function atomFeed(input: { baseUrl: string; title: string; host: string; visits: PublicVisit[] }) {
  const self = `${input.baseUrl}/kunjungan/feed.atom`;
  const updated = input.visits.reduce((t, v) => Math.max(t, v.updatedAt.getTime()), 0);
  const entries = input.visits.map((v) => {
    const url = `${input.baseUrl}/kunjungan/${v.slug}`;
    const summary = `${dateRangeText({ start: v.visitStart, end: v.visitEnd }, "id")} · ${v.origin} · ${v.leaderOffice}\n\n${v.summary}`;
    return `  <entry>
    <id>${esc(url)}</id>
    <title>${esc(v.title)}</title>
    <link rel="alternate" type="text/html" href="${esc(url)}"/>
    <published>${v.publishedAt.toISOString()}</published>
    <updated>${v.updatedAt.toISOString()}</updated>
    <summary type="text">${esc(summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
  <id>${esc(self)}</id>
  <title>${esc(input.title)}</title>
  <author><name>${esc(input.host)}</name></author>
  <link rel="self" type="application/atom+xml" href="${esc(self)}"/>
  <link rel="alternate" type="text/html" href="${esc(`${input.baseUrl}/kunjungan`)}"/>
  <updated>${new Date(updated || 0).toISOString()}</updated>
${entries.join("\n")}
</feed>
`;
}
