/**
 * @module What a visit achieved (humas): one outcome record per delegation, and the follow-up commitments
 * either side made, each with an owner, a target date and a status until done. `version` guards every edit.
 *
 * Commitment status: open → in_progress → done (evidence required), or dropped (reason required).
 * The owner is a staff user (`ownerUserId`) or someone outside (`ownerName` + `ownerEmail`), never both.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { delegations } from "./delegations";

export interface MediaCoverage {
  outlet: string;
  title: string;
  url: string;
  /** Local date of publication, YYYY-MM-DD. */
  date: string;
}

export interface DocumentationLink {
  label: string;
  url: string;
}

export const visitOutcomes = sqliteTable("visit_outcomes", {
  delegationId: text("delegation_id")
    .primaryKey()
    .references(() => delegations.id, { onDelete: "cascade" }),
  summary: text("summary").notNull(),
  summaryEn: text("summary_en"),
  /** What the hosts showed (sites, services, systems). */
  shown: text("shown"),
  /** What was discussed (questions, problems, ideas). */
  discussed: text("discussed"),
  pressReleaseUrl: text("press_release_url"),
  media: text("media", { mode: "json" }).$type<MediaCoverage[]>().notNull(),
  documentation: text("documentation", { mode: "json" }).$type<DocumentationLink[]>().notNull(),
  internalNotes: text("internal_notes"),
  version: integer("version").notNull().default(1),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

export const COMMITMENT_STATUSES = ["open", "in_progress", "done", "dropped"] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const COMMITMENT_PARTIES = ["host", "visitor"] as const;
export type CommitmentParty = (typeof COMMITMENT_PARTIES)[number];

export const commitments = sqliteTable(
  "commitments",
  {
    id: text("id").primaryKey(),
    delegationId: text("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    party: text("party", { enum: COMMITMENT_PARTIES }).notNull(),
    ownerUserId: text("owner_user_id").references(() => users.id),
    ownerName: text("owner_name"),
    ownerEmail: text("owner_email"),
    what: text("what").notNull(),
    /** Local date (host zone), YYYY-MM-DD. */
    targetDate: text("target_date").notNull(),
    status: text("status", { enum: COMMITMENT_STATUSES }).notNull().default("open"),
    dropReason: text("drop_reason"),
    evidenceUrl: text("evidence_url"),
    evidenceNote: text("evidence_note"),
    /** Local date the commitment was done. */
    completedOn: text("completed_on"),
    remindersEnabled: integer("reminders_enabled", { mode: "boolean" }).notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    // With the status and dates, the report's completion counts read only this index.
    index("commitments_delegation_idx").on(t.delegationId, t.status, t.targetDate, t.completedOn),
    index("commitments_status_target_idx").on(t.status, t.targetDate),
    index("commitments_owner_idx").on(t.ownerUserId),
  ],
);
