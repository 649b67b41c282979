/**
 * @module The outcomes feature (humas): the outcome, completion and reopening pages under
 * /delegations/{id}/outcome and their API under /api/v1/delegations/{id} (outcome, complete, reopen).
 */
import type { Feature } from "../http/feature";
import { outcomesApi } from "./api";
import { outcomePages } from "./pages";

export const outcomesFeature: Feature = {
  name: "outcomes",
  routes: [
    { prefix: "/delegations/:id/outcome", app: outcomePages },
    { prefix: "/api/v1/delegations/:id", app: outcomesApi },
  ],
};
