/**
 * @module The feedback feature: the visitors' survey at /f/{token} (public; the token is the key).
 * Invitations are issued by the visit-completion services (`invite.ts`), results are read by the
 * delegation page and the reports.
 */
import type { Feature } from "../http/feature";
import { surveyPages } from "./pages";

export const feedbackFeature: Feature = {
  name: "feedback",
  routes: [{ prefix: "/f", app: surveyPages }],
};
