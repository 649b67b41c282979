/**
 * @module The commitments feature: the board and commitment pages at /commitments, the board's CSV at
 * /commitments.csv, and the JSON API at /api/v1/commitments.
 */
import type { Feature } from "../http/feature";
import { commitmentsApi } from "./api";
import { commitmentCsvPage, commitmentPages } from "./pages";

export const commitmentsFeature: Feature = {
  name: "commitments",
  routes: [
    { prefix: "/commitments", app: commitmentPages },
    { prefix: "/commitments.csv", app: commitmentCsvPage },
    { prefix: "/api/v1/commitments", app: commitmentsApi },
  ],
};
