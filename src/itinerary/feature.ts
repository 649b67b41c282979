/**
 * @module The itinerary feature: the visitors' itinerary behind a share link (`/i/{token}`: page,
 * calendar, PDF) and protocol staff's management of those links (the agenda page's forms at
 * `/delegations/{id}/share` and the API at `/api/v1/delegations/{id}/share`).
 */
import type { Feature } from "../http/feature";
import { shareApi } from "./share-api";
import { sharePages } from "./share-pages";
import { visitorPages } from "./visitor-pages";

export const itineraryFeature: Feature = {
  name: "itinerary",
  routes: [
    { prefix: "/i", app: visitorPages },
    { prefix: "/delegations/:id/share", app: sharePages },
    { prefix: "/api/v1/delegations/:id/share", app: shareApi },
  ],
};
