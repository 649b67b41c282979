/**
 * @module The public log of visits: humas publish completed visits (/delegations/{id}/publication and
 * its API), anyone reads them at /kunjungan, /kunjungan/{slug} and /kunjungan/feed.atom.
 */
import type { Feature } from "../http/feature";
import { publicityApi } from "./api";
import { publicLogPages } from "./public-pages";
import { publicationPages } from "./staff-pages";

export const publicityFeature: Feature = {
  name: "publicity",
  routes: [
    { prefix: "/delegations/:id/publication", app: publicationPages },
    { prefix: "/kunjungan", app: publicLogPages },
    { prefix: "/api/v1", app: publicityApi },
  ],
};
