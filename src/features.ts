/**
 * @module The feature registry: every feature the app mounts (src/app.ts mounts each under its own
 * prefixes, in this order) and, from the same list, the seeders db/seed.ts runs, in dependency order.
 * A new feature adds one line here.
 */
import type { Seeder } from "../db/seed";
import { agendaFeature } from "./agenda/feature";
import { attendanceFeature } from "./attendance/feature";
import { auditFeature } from "./audit/feature";
import { authFeature } from "./auth/feature";
import { bookingsFeature } from "./bookings/feature";
import { calendarFeature } from "./calendar/feature";
import { closuresFeature } from "./closures/feature";
import { commitmentsFeature } from "./commitments/feature";
import { delegationsFeature } from "./delegations/feature";
import { feedbackFeature } from "./feedback/feature";
import { homeFeature } from "./home/feature";
import { hostSettingsFeature } from "./host-settings/feature";
import type { Feature } from "./http/feature";
import { itineraryFeature } from "./itinerary/feature";
import { mailFeature } from "./mail/feature";
import { outcomesFeature } from "./outcomes/feature";
import { pressFeature } from "./press/feature";
import { publicityFeature } from "./publicity/feature";
import { regionsFeature } from "./regions/feature";
import { reportsFeature } from "./reports/feature";
import { staffCalendarFeature } from "./staff-calendar/feature";
import { systemFeature } from "./system/feature";
import { targetsFeature } from "./targets/feature";
import { templatesFeature } from "./templates/feature";
import { usersFeature } from "./users/feature";
import { venuesFeature } from "./venues/feature";

export const FEATURES: readonly Feature[] = [
  systemFeature,
  homeFeature,
  authFeature,
  usersFeature,
  venuesFeature,
  closuresFeature,
  bookingsFeature,
  templatesFeature,
  agendaFeature,
  staffCalendarFeature,
  delegationsFeature,
  hostSettingsFeature,
  mailFeature,
  outcomesFeature,
  attendanceFeature,
  commitmentsFeature,
  targetsFeature,
  reportsFeature,
  feedbackFeature,
  publicityFeature,
  pressFeature,
  regionsFeature,
  auditFeature,
  calendarFeature,
  itineraryFeature,
];

export const SEEDERS: readonly Seeder[] = [
  ...venuesFeature.seeders!,
  ...FEATURES.filter((f) => f !== venuesFeature).flatMap((f) => f.seeders ?? []),
];
