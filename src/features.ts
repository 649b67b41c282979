/**
 * @module The feature registry: every feature the app mounts (src/app.ts mounts each under its own
 * prefixes, in this order) and, from the same list, the seeders db/seed.ts runs, in dependency order.
 * A new feature adds one line here.
 */
import type { Seeder } from "../db/seed";
import { nationalHolidaySeeder } from "./closures/seed";
import { demoDelegationSeeder } from "./delegations/demo-seed";
import { topicSeeder } from "./delegations/topics";
import type { Feature } from "./http/feature";
import { reportsFeature } from "./reports/feature";
import { targetsFeature } from "./targets/feature";
import { usersFeature } from "./users/feature";
import { schedulingSeeder } from "./venues/seed";

export const FEATURES: readonly Feature[] = [usersFeature, targetsFeature, reportsFeature];

/** Seeders not yet declared by their feature. */
const LEGACY_SEEDERS: Seeder[] = [schedulingSeeder, nationalHolidaySeeder, topicSeeder, demoDelegationSeeder];

export const SEEDERS: readonly Seeder[] = [...LEGACY_SEEDERS, ...FEATURES.flatMap((f) => f.seeders ?? [])];
