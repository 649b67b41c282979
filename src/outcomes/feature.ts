/**
 * @module The outcomes feature (humas): the outcome, completion and reopening pages under
 * /delegations/{id}/outcome, their API under /api/v1/delegations/{id} (outcome, complete, reopen), and
 * the demo's past visits with outcomes and commitments.
 */
import type { Feature } from "../http/feature";
import { outcomesApi } from "./api";
import { demoFollowUpSeeder } from "./demo-seed";
import { outcomePages } from "./pages";

export const outcomesFeature: Feature = {
  name: "outcomes",
  routes: [
    { prefix: "/delegations/:id/outcome", app: outcomePages },
    { prefix: "/api/v1/delegations/:id", app: outcomesApi },
  ],
  seeders: [demoFollowUpSeeder],
};
