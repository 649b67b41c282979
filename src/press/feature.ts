/**
 * @module Press releases (humas): the edit form and downloads under /delegations/{id}/press-release, the
 * API under /api/v1/delegations/{id}.
 */
import type { Feature } from "../http/feature";
import { pressApi } from "./api";
import { pressPages } from "./pages";

export const pressFeature: Feature = {
  name: "press",
  routes: [
    { prefix: "/delegations/:id/press-release", app: pressPages },
    { prefix: "/api/v1/delegations/:id", app: pressApi },
  ],
};
