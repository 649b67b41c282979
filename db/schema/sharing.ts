/**
 * @module Secret links outside the staff login: itinerary share links (`/i/{token}`) for a visiting
 * delegation and calendar feed tokens (`/feeds/{token}.ics`) for staff calendars. Links are looked up by
 * the SHA-256 of their token; no token is stored, so a database leak exposes no working link or feed. An
 * itinerary link's token is derived, never stored: an HMAC of its id under LINK_SECRET, so staff can copy,
 * share and print a live link again (see src/agenda/share-links.ts). Revoking sets `revokedAt` (kept for
 * audit).
 * `agenda_revisions` is the history of what a delegation's published itinerary said, one row per version
 * a visitor could have seen, with the changes from the version before ("MPP tour moved 09:00 → 10:00").
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { delegations } from "./delegations";

export const shareLinks = sqliteTable(
  "share_links",
  {
    id: text("id").primaryKey(),
    delegationId: text("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    createdBy: text("created_by").references(() => users.id),
    /** Who caused it: staff on the agenda page (or the API), or an invitation mail. */
    via: text("via", { enum: ["staff", "mail"] })
      .notNull()
      .default("staff"),
    /** When a visitor last opened it (page, calendar or PDF); written at most every few minutes. */
    lastOpenedAt: integer("last_opened_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("share_links_token_idx").on(t.tokenHash),
    index("share_links_delegation_idx").on(t.delegationId, t.createdAt),
  ],
);

export const FEED_SCOPES = ["all", "venue", "host"] as const;
export type FeedScope = (typeof FEED_SCOPES)[number];

export const feedTokens = sqliteTable(
  "feed_tokens",
  {
    id: text("id").primaryKey(),
    /** Shown in lists so admins know which calendar a token feeds. */
    label: text("label").notNull(),
    scope: text("scope", { enum: FEED_SCOPES }).notNull(),
    /** Venue or host id; null for `all`. */
    scopeId: text("scope_id"),
    tokenHash: text("token_hash").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    createdBy: text("created_by").references(() => users.id),
  },
  (t) => [uniqueIndex("feed_tokens_token_idx").on(t.tokenHash)],
);

/** One item as a published itinerary showed it (what change notes compare). */
export interface PublishedItem {
  id: string;
  title: string;
  titleEn: string | null;
  startsAt: number;
  endsAt: number;
  timeZone: string;
  venueId: string | null;
  venueName: string | null;
  status: "scheduled" | "cancelled";
}

export type AgendaChangeKind =
  | "added"
  | "moved"
  | "venue"
  | "retitled"
  | "cancelled"
  | "restored"
  | "removed";

export interface AgendaChange {
  kind: AgendaChangeKind;
  itemId: string;
  before: PublishedItem | null;
  after: PublishedItem | null;
}

export const agendaRevisions = sqliteTable(
  "agenda_revisions",
  {
    delegationId: text("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    /** 1, 2, 3 … per delegation. */
    revision: integer("revision").notNull(),
    /** The agenda version key this revision was taken at (see src/agenda/agenda-version.ts). */
    versionKey: text("version_key").notNull(),
    items: text("items", { mode: "json" }).$type<PublishedItem[]>().notNull(),
    changes: text("changes", { mode: "json" }).$type<AgendaChange[]>().notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("agenda_revisions_idx").on(t.delegationId, t.revision)],
);
