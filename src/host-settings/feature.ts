/**
 * @module The host-settings feature: the admin page at /admin/host-settings and /api/v1/host-settings.
 */
import type { Feature } from "../http/feature";
import { hostSettingsApi } from "./api";
import { hostSettingsPages } from "./pages";

export const hostSettingsFeature: Feature = {
  name: "host-settings",
  routes: [
    { prefix: "/admin/host-settings", app: hostSettingsPages },
    { prefix: "/api/v1/host-settings", app: hostSettingsApi },
  ],
};
