/**
 * @module The staff calendar feature: week views of all venues, one venue and one host at /calendar.
 */
import type { Feature } from "../http/feature";
import { staffCalendarPages } from "./pages";

export const staffCalendarFeature: Feature = {
  name: "staff-calendar",
  routes: [{ prefix: "/calendar", app: staffCalendarPages }],
};
