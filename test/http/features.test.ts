/**
 * Features are mounted under their own prefixes, and a prefix-wide guard (`use()`) of one feature can
 * never run on another feature's routes: the real registry has none that does, `createApp` refuses a
 * feature that would, and a feature's own guard leaves the others' routes alone.
 */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { requireRole } from "../../src/auth/guard";
import { ADMIN } from "../../src/auth/roles";
import { createSessions, sessionPolicyOf } from "../../src/auth/sessions";
import { parseConfig } from "../../src/config";
import { FEATURES } from "../../src/features";
import type { AppEnv } from "../../src/http/context";
import { crossFeatureMiddleware, type Feature, mountFeatures } from "../../src/http/feature";
import { freshDb } from "../helpers/db";
import { json, makeTestApp } from "../helpers/test-app";

/** A feature whose whole prefix answers 403 to everyone but admins. */
function lockedFeature(prefix: string): Feature {
  return {
    name: "locked",
    routes: [
      {
        prefix,
        app: () => {
          const app = new Hono<AppEnv>();
          app.use("*", requireRole(ADMIN));
          app.get("/probe", (c) => c.json({ ok: true }));
          return app;
        },
      },
    ],
  };
}

describe("feature isolation", () => {
  it("no feature of the registry has middleware that matches another feature's routes", async () => {
    const db = await freshDb();
    const mounted = mountFeatures(new Hono<AppEnv>(), FEATURES, {
      sessions: createSessions(db, sessionPolicyOf(parseConfig({}))),
      apiDocument: () => ({}),
    });
    expect(mounted.length).toBeGreaterThan(0);
    expect(crossFeatureMiddleware(mounted)).toEqual([]);
  });

  it("refuses, at start-up, a feature whose guard would cover another feature's routes", async () => {
    await expect(makeTestApp({ features: [...FEATURES, lockedFeature("/api/v1")] })).rejects.toThrow(
      /Feature "locked": middleware on \/api\/v1\/\* would also run on "[\w-]+" GET \/api\/v1\//,
    );
    await expect(makeTestApp({ features: [lockedFeature("/admin"), ...FEATURES] })).rejects.toThrow(
      /would also run on "[\w-]+" \w+ \/admin\//,
    );
  });

  it("a feature's own guard stops at its prefix", async () => {
    const t = await makeTestApp({ features: [lockedFeature("/api/v1/locked"), ...FEATURES] });
    const viewer = await t.as("viewer");
    const admin = await t.as("admin");
    expect((await t.app.request("/api/v1/locked/probe", json(viewer.headers, undefined, "GET"))).status).toBe(
      403,
    );
    expect((await t.app.request("/api/v1/locked/probe", json(admin.headers, undefined, "GET"))).status).toBe(
      200,
    );
    // Another feature's route is guarded by its own declaration only: admins in, viewers 403 from users.
    expect((await t.app.request("/api/v1/users", json(admin.headers, undefined, "GET"))).status).toBe(200);
    const res = await t.app.request("/admin/users", { headers: viewer.headers });
    expect(res.status).toBe(403);
  });
});
