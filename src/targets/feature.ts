/**
 * @module The yearly targets feature: the admin page under /admin/targets and /api/v1/targets.
 */
import type { Feature } from "../http/feature";
import { targetsApi } from "./api";
import { targetsPages } from "./pages";

export const targetsFeature: Feature = {
  name: "targets",
  routes: [
    { prefix: "/admin/targets", app: targetsPages },
    { prefix: "/api/v1/targets", app: targetsApi },
  ],
};
