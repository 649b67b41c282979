/**
 * @module What humas tell the public about a visit: press-release drafts (every save is a new version;
 * the newest is the current one) and the publication of a completed visit on the public log of visits.
 * A publication holds only fields written for the public (title, summary, photo, media links): the public
 * pages read this row and the delegation's dates, region and leader's office, nothing else.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { delegations } from "./delegations";

export interface PressQuote {
  speaker: string;
  title: string;
  text: string;
}

export const pressReleases = sqliteTable(
  "press_releases",
  {
    delegationId: text("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    headline: text("headline").notNull(),
    /** "BANYUWANGI – " and the local date, written before the lead. */
    dateline: text("dateline").notNull(),
    lead: text("lead").notNull(),
    body: text("body").notNull(),
    quotes: text("quotes", { mode: "json" }).$type<PressQuote[]>().notNull(),
    commitments: text("commitments").notNull(),
    closing: text("closing").notNull(),
    authorId: text("author_id"),
    authorLabel: text("author_label").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.delegationId, t.version] })],
);

export interface PublicLink {
  label: string;
  url: string;
}

export const publications = sqliteTable(
  "publications",
  {
    delegationId: text("delegation_id")
      .primaryKey()
      .references(() => delegations.id, { onDelete: "cascade" }),
    /** Short stable path segment of the public page, e.g. "sb-2026-0042". */
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    photoUrl: text("photo_url"),
    photoAlt: text("photo_alt"),
    links: text("links", { mode: "json" }).$type<PublicLink[]>().notNull(),
    /** First local visit day (YYYY-MM-DD), copied so the public list sorts on an index. */
    visitStart: text("visit_start").notNull(),
    visitEnd: text("visit_end").notNull(),
    version: integer("version").notNull().default(1),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("publications_visit_idx").on(t.visitStart)],
);
