/**
 * @module Tour templates: a named sequence of agenda items (offset from the visit's start, duration,
 * kind, venue, hosts, bilingual title) that the booking service applies to a delegation and a date,
 * booking every item or none. The standard half-day MPP visit is seeded.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { AGENDA_KINDS } from "./agenda";
import { venues } from "./venues";

export const tourTemplates = sqliteTable("tour_templates", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en"),
  description: text("description"),
  /** Local start time used when applying without one ("HH:MM", read in `timeZone`). */
  defaultStartTime: text("default_start_time").notNull().default("08:30"),
  timeZone: text("time_zone").notNull().default("Asia/Jakarta"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  version: integer("version").notNull().default(1),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

export const tourTemplateItems = sqliteTable(
  "tour_template_items",
  {
    id: text("id").primaryKey(),
    templateId: text("template_id")
      .notNull()
      .references(() => tourTemplates.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    offsetMinutes: integer("offset_minutes").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    kind: text("kind", { enum: AGENDA_KINDS }).notNull(),
    venueId: text("venue_id").references(() => venues.id),
    hostIds: text("host_ids", { mode: "json" }).$type<string[]>().notNull(),
    titleId: text("title_id").notNull(),
    titleEn: text("title_en").notNull(),
  },
  (t) => [index("tti_template_idx").on(t.templateId, t.position)],
);
