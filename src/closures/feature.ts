/**
 * @module The closures feature: the working calendar's closed dates (pages under /admin/closures, API
 * under /api/v1/closures) and the starter seeder of national holidays.
 */
import type { Feature } from "../http/feature";
import { closuresApi } from "./api";
import { closurePages } from "./pages";
import { nationalHolidaySeeder } from "./seed";

export const closuresFeature: Feature = {
  name: "closures",
  routes: [
    { prefix: "/admin/closures", app: closurePages },
    { prefix: "/api/v1/closures", app: closuresApi },
  ],
  seeders: [nationalHolidaySeeder],
};
