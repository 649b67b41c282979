/**
 * @module The list of seeders, in dependency order (see db/seed.ts). Features add theirs here.
 */
import { schedulingSeeder } from "../src/venues/seed";
import type { Seeder } from "./seed";

export const SEEDERS: Seeder[] = [schedulingSeeder];
