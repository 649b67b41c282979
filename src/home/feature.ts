/**
 * @module The home feature: the staff home page, mounted at `/` (that one path only).
 */
import type { Feature } from "../http/feature";
import { homePage } from "./page";

export const homeFeature: Feature = {
  name: "home",
  routes: [{ prefix: "/", app: homePage }],
};
