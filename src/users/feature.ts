/**
 * @module The users feature: admin pages at /admin/users and the JSON API at /api/v1/users.
 */
import type { Feature } from "../http/feature";
import { usersApi } from "./api";
import { usersPages } from "./pages";

export const usersFeature: Feature = {
  name: "users",
  routes: [
    { prefix: "/admin/users", app: usersPages },
    { prefix: "/api/v1/users", app: usersApi },
  ],
};
