/**
 * @module Delegations (visit requests and confirmed visits) and their participants (the roster).
 * Status: requested → confirmed → completed, or declined / cancelled. `version` guards every edit
 * (optimistic concurrency). Dates the visitor asks for are local calendar dates ("YYYY-MM-DD", WIB).
 */
import { sql } from "drizzle-orm";
import { customType, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { LOCALES } from "./auth";

export const DELEGATION_STATUSES = ["requested", "confirmed", "completed", "declined", "cancelled"] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

/** A requested period: a single day has `end === start`. */
export interface DateRange {
  start: string;
  end: string;
}

export const delegations = sqliteTable(
  "delegations",
  {
    id: text("id").primaryKey(),
    /** Tracking code shown to visitors, e.g. SB-2026-0042. */
    code: text("code").notNull().unique(),
    status: text("status", { enum: DELEGATION_STATUSES }).notNull(),
    institution: text("institution").notNull(),
    provinceCode: text("province_code"),
    regencyCode: text("regency_code"),
    leaderName: text("leader_name").notNull(),
    leaderTitle: text("leader_title").notNull(),
    purpose: text("purpose").notNull(),
    topics: text("topics", { mode: "json" }).$type<string[]>().notNull(),
    expectedSize: integer("expected_size").notNull(),
    preferredDates: text("preferred_dates", { mode: "json" }).$type<DateRange>().notNull(),
    alternativeDates: text("alternative_dates", { mode: "json" }).$type<DateRange[]>().notNull(),
    /** Dates proposed by protocol staff when the requested ones do not work. */
    proposedDates: text("proposed_dates", { mode: "json" }).$type<DateRange[]>(),
    confirmedDates: text("confirmed_dates", { mode: "json" }).$type<DateRange>(),
    arrivalAt: integer("arrival_at", { mode: "timestamp_ms" }),
    departureAt: integer("departure_at", { mode: "timestamp_ms" }),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    contactPhone: text("contact_phone").notNull(),
    letterNumber: text("letter_number"),
    letterDate: text("letter_date"),
    language: text("language", { enum: LOCALES }).notNull().default("id"),
    notes: text("notes"),
    /** Message from staff shown on the visitor's status page (reason for a decline, proposal, …). */
    publicMessage: text("public_message"),
    /** SHA-256 of the private status-link token. */
    statusTokenHash: text("status_token_hash"),
    /**
     * SHA-256 of the public form's submission key (a secret put into the form when it is shown), so a second
     * submit of the same form finds this request instead of making another. Null for staff and API requests.
     */
    submissionKeyHash: text("submission_key_hash"),
    /** Automatic notices (received, reminders) can be turned off per delegation. */
    autoNotices: integer("auto_notices", { mode: "boolean" }).notNull().default(true),
    source: text("source", { enum: ["public_form", "staff", "api"] }).notNull(),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("delegations_status_idx").on(t.status, t.createdAt),
    index("delegations_institution_idx").on(t.institution),
    uniqueIndex("delegations_status_token_idx").on(t.statusTokenHash),
    uniqueIndex("delegations_submission_key_idx").on(t.submissionKeyHash),
    // Reports select visits by their first confirmed day (src/reports/visit-scope.ts uses this expression);
    // the columns after it are what the report's figures read of a visit, so they are read from the index.
    index("delegations_visit_start_idx").on(
      t.status,
      sql`(confirmed_dates ->> '$.start')`,
      t.id,
      t.provinceCode,
      t.expectedSize,
      t.createdAt,
    ),
  ],
);

export const participants = sqliteTable(
  "participants",
  {
    id: text("id").primaryKey(),
    delegationId: text("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    title: text("title").notNull(),
    institution: text("institution"),
    email: text("email"),
    phone: text("phone"),
    needs: text("needs"),
    /** Protocol precedence: lower comes first. Suggested from the title, may be overridden. */
    precedenceRank: integer("precedence_rank").notNull(),
    rankOverridden: integer("rank_overridden", { mode: "boolean" }).notNull().default(false),
    attended: integer("attended", { mode: "boolean" }),
    /** Added at the reception desk on the day (not on the roster sent beforehand). */
    walkIn: integer("walk_in", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("participants_delegation_idx").on(t.delegationId, t.precedenceRank),
    // Reports count who came per visit from this index alone (src/reports/visit-scope.ts).
    index("participants_attendance_idx").on(t.delegationId, t.attended, t.walkIn),
  ],
);

/** Raw bytes as a BLOB, read back as a Uint8Array on Node and Workers alike (no Buffer). */
const bytes = customType<{ data: Uint8Array; driverData: ArrayBuffer | Uint8Array }>({
  dataType: () => "blob",
  toDriver: (value) => value,
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value)),
});

/** Visit topics visitors pick from (MPP, Pasar Pelayanan Publik, …); admins maintain the list. */
export const topics = sqliteTable("topics", {
  /** Stable slug, stored in `delegations.topics`. */
  id: text("id").primaryKey(),
  nameId: text("name_id").notNull(),
  nameEn: text("name_en").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/** The last tracking-code number used per year (SB-YYYY-NNNN), bumped inside the write transaction. */
export const delegationSequences = sqliteTable("delegation_sequences", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull(),
});

/** Internal notes by staff on a delegation (never shown to visitors). */
export const delegationNotes = sqliteTable(
  "delegation_notes",
  {
    id: text("id").primaryKey(),
    delegationId: text("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    authorId: text("author_id"),
    authorLabel: text("author_label").notNull(),
    body: text("body").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("delegation_notes_idx").on(t.delegationId, t.createdAt)],
);

/** The request letter (PDF/JPEG/PNG ≤ 5 MB), its bytes in the database so it works on Node and Workers. */
export const letterFiles = sqliteTable("letter_files", {
  delegationId: text("delegation_id")
    .primaryKey()
    .references(() => delegations.id, { onDelete: "cascade" }),
  fileName: text("file_name").notNull(),
  contentType: text("content_type", { enum: ["application/pdf", "image/jpeg", "image/png"] }).notNull(),
  size: integer("size").notNull(),
  data: bytes("data").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});
