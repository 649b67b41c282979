/**
 * @module The audit feature: the log's page and CSV file for admins, and its JSON API.
 */
import type { Feature } from "../http/feature";
import { auditApi } from "./api";
import { auditCsvFile, auditPage } from "./pages";

export const auditFeature: Feature = {
  name: "audit",
  routes: [
    { prefix: "/admin/audit", app: auditPage },
    { prefix: "/admin/audit.csv", app: auditCsvFile },
    { prefix: "/api/v1/audit", app: auditApi },
  ],
};
