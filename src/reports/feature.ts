/**
 * @module The reports feature: the report page and CSV exports under /reports, the JSON API under
 * /api/v1/reports; its demo seeder fills two years of past visits for the reports and the public log.
 */
import type { Feature } from "../http/feature";
import { reportsApi } from "./api";
import { demoResultsSeeder } from "./demo-seed";
import { reportsPages } from "./pages";

export const reportsFeature: Feature = {
  name: "reports",
  routes: [
    { prefix: "/reports", app: reportsPages },
    { prefix: "/api/v1/reports", app: reportsApi },
  ],
  seeders: [demoResultsSeeder],
};
