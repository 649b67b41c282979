/**
 * @module The calendar feature: subscription feeds (`/feeds/{token}.ics`, the admins' page at
 * `/admin/feeds` and API at `/api/v1/feeds`) and the staff download of a delegation's calendar
 * (`/api/v1/delegations/{id}/calendar.ics`). ICS building and caching live beside them.
 */
import type { Feature } from "../http/feature";
import { delegationCalendarApi } from "./delegation-api";
import { feedFiles } from "./feed-files";
import { feedsApi } from "./feeds-api";
import { feedsPages } from "./feeds-pages";

export const calendarFeature: Feature = {
  name: "calendar",
  routes: [
    { prefix: "/feeds", app: feedFiles },
    { prefix: "/admin/feeds", app: feedsPages },
    { prefix: "/api/v1/feeds", app: feedsApi },
    { prefix: "/api/v1/delegations/:id/calendar.ics", app: delegationCalendarApi },
  ],
};
