/**
 * @module What a feature is to the app: one value listing its sub-apps, each mounted under its own prefix
 * (`app.route(prefix, sub)`, paths inside are relative), and its seeders. `mountFeatures` mounts the
 * registry (src/features.ts) and refuses, at start-up, a prefix-wide middleware (`use()`) that would also
 * run on another feature's routes: Hono copies every sub-app's middleware into one router, so a
 * `use("/delegations/*")` in one feature would otherwise guard (or fail to guard) its neighbours.
 * What the app builds once and some features need (the sessions, the API document) reaches their
 * builders as a `FeatureMount`.
 */
import type { Hono } from "hono";
import { mergePath } from "hono/utils/url";
import type { Seeder } from "../../db/seed";
import type { Auth } from "../auth/sessions";
import type { AppContext, AppEnv } from "./context";
import { AppError } from "./errors";

/** What `createApp` builds once and hands to every builder: one per app. */
export interface FeatureMount {
  /** The app's sessions (sign-in and sign-out start and end them). */
  sessions: Auth;
  /** The app's whole OpenAPI document for a server URL. */
  apiDocument(serverUrl: string): unknown;
}

interface FeatureRoutes {
  /** Where the sub-app is mounted, e.g. `/api/v1/users`; may hold a path parameter (`/delegations/:id/agenda`). */
  prefix: string;
  /** Builds the sub-app; called once per `createApp`, so per-app state (rate limits) stays per app. */
  app: (mount: FeatureMount) => Hono<AppEnv>;
}

export interface Feature {
  name: string;
  routes: readonly FeatureRoutes[];
  /** Run by db/seed.ts's `runSeeders`, in registry order. */
  seeders?: readonly Seeder[];
}

interface MountedRoute {
  feature: string;
  method: string;
  path: string;
}

/** `:id`, `:id{[0-9]+}` and `*` in a route path become a sample concrete path to match against. */
function samplePath(path: string): string {
  return path.replace(/:\w+(\{[^}]*\})?\??/g, "1").replace(/\*/g, "x");
}

/** A `use()` path pattern as a RegExp, in Hono's sense (`/x/*` also matches `/x`). */
function patternOf(path: string): RegExp {
  const body = path
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\/\*$/, "(?:/.*)?")
    .replace(/\*/g, ".*")
    .replace(/:\w+(\\\{[^}]*\\\})?\??/g, "[^/]+");
  return new RegExp(`^${body}$`);
}

/** Every middleware registered with `use()` (method ALL) that matches a route of another feature. */
export function crossFeatureMiddleware(routes: readonly MountedRoute[]) {
  const leaks: { feature: string; middleware: string; route: MountedRoute }[] = [];
  // Each route's sample path once, not once per middleware: this runs at every start.
  const handlers = routes
    .filter((route) => route.method !== "ALL")
    .map((route) => ({ route, sample: samplePath(route.path) }));
  for (const mw of routes) {
    if (mw.method !== "ALL") continue;
    const pattern = patternOf(mw.path);
    for (const { route, sample } of handlers) {
      if (route.feature !== mw.feature && pattern.test(sample))
        leaks.push({ feature: mw.feature, middleware: mw.path, route });
    }
  }
  return leaks;
}

/** Mounts every feature under its prefixes; throws (a programming mistake) on cross-feature middleware. */
export function mountFeatures(app: Hono<AppEnv>, features: readonly Feature[], mount: FeatureMount) {
  const mounted: MountedRoute[] = [];
  for (const feature of features) {
    for (const { prefix, app: build } of feature.routes) {
      const sub = build(mount);
      for (const r of sub.routes)
        mounted.push({ feature: feature.name, method: r.method, path: mergePath(prefix, r.path) });
      app.route(prefix, sub);
    }
  }
  const [leak] = crossFeatureMiddleware(mounted);
  if (leak) {
    throw new Error(
      `Feature "${leak.feature}": middleware on ${leak.middleware} would also run on ` +
        `"${leak.route.feature}" ${leak.route.method} ${leak.route.path}; guard that route instead.`,
    );
  }
  return mounted;
}

/** A path parameter of the feature's prefix (`/delegations/:id/agenda` → `prefixParam(c, "id")`). */
export function prefixParam(c: AppContext, name: string): string {
  const value = c.req.param(name);
  if (!value) throw new AppError("not_found");
  return value;
}
