/**
 * @module The tour templates feature: template pages at /templates, the API at /api/v1/templates, and
 * applying a template to a delegation's agenda.
 */
import type { Feature } from "../http/feature";
import { applyTemplateApi, templatesApi } from "./api";
import { templatePages } from "./pages";

export const templatesFeature: Feature = {
  name: "templates",
  routes: [
    { prefix: "/templates", app: templatePages },
    { prefix: "/api/v1/templates", app: templatesApi },
    { prefix: "/api/v1/delegations/:id/agenda/apply-template", app: applyTemplateApi },
  ],
};
