/**
 * @module The delegations feature: visit requests from the public (form and API), the staff inbox and
 * detail pages, the roster, the topics, and their seeders (topics; the demo delegation).
 */
import type { Feature } from "../http/feature";
import { delegationsApi } from "./api";
import { demoDelegationSeeder } from "./demo-seed";
import { delegationPages } from "./pages";
import { participantsApi } from "./participants-api";
import { publicPages, requestFormScript } from "./public-pages";
import { requestsApi, topicsApi } from "./requests-api";
import { rosterPages } from "./roster-pages";
import { topicPages } from "./topic-pages";
import { topicSeeder } from "./topics";

export const delegationsFeature: Feature = {
  name: "delegations",
  routes: [
    { prefix: "/kunjungan", app: publicPages },
    { prefix: "/assets/request-form.js", app: requestFormScript },
    { prefix: "/delegations", app: delegationPages },
    { prefix: "/delegations/:id", app: rosterPages },
    { prefix: "/admin/topics", app: topicPages },
    { prefix: "/api/v1/requests", app: requestsApi },
    { prefix: "/api/v1/topics", app: topicsApi },
    { prefix: "/api/v1/delegations", app: delegationsApi },
    { prefix: "/api/v1/delegations/:id/participants", app: participantsApi },
  ],
  seeders: [topicSeeder, demoDelegationSeeder],
};
