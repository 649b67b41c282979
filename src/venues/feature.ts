/**
 * @module The venues feature: venues, hosts and blackouts (pages and API), and the starter seeder
 * (venues, hosts and the MPP visit template).
 */
import type { Feature } from "../http/feature";
import { blackoutsApi, hostsApi, venuesApi } from "./api";
import { hostPages } from "./host-pages";
import { schedulingSeeder } from "./seed";
import { blackoutPages, venuePages } from "./venue-pages";

export const venuesFeature: Feature = {
  name: "venues",
  routes: [
    { prefix: "/venues", app: venuePages },
    { prefix: "/blackouts", app: blackoutPages },
    { prefix: "/hosts", app: hostPages },
    { prefix: "/api/v1/venues", app: venuesApi },
    { prefix: "/api/v1/hosts", app: hostsApi },
    { prefix: "/api/v1/blackouts", app: blackoutsApi },
  ],
  seeders: [schedulingSeeder],
};
