/**
 * @module The list of seeders, in dependency order (see db/seed.ts). Features add theirs here.
 */
import { nationalHolidaySeeder } from "../src/closures/seed";
import { demoDelegationSeeder } from "../src/delegations/demo-seed";
import { topicSeeder } from "../src/delegations/topics";
import { schedulingSeeder } from "../src/venues/seed";
import type { Seeder } from "./seed";

export const SEEDERS: Seeder[] = [schedulingSeeder, nationalHolidaySeeder, topicSeeder, demoDelegationSeeder];
