/**
 * @module The attendance feature: check-in at /delegations/{id}/attendance, its API at
 * /api/v1/delegations/{id}/attendance (and .csv), and the SPPD papers at /api/v1/delegations/{id}/papers.
 */
import type { Feature } from "../http/feature";
import { papersApi } from "../papers/api";
import { attendanceApi } from "./api";
import { attendancePages } from "./pages";

export const attendanceFeature: Feature = {
  name: "attendance",
  routes: [
    { prefix: "/delegations/:id/attendance", app: attendancePages },
    { prefix: "/api/v1/delegations/:id", app: attendanceApi },
    { prefix: "/api/v1/delegations/:id/papers", app: papersApi },
  ],
};
