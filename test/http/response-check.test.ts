/**
 * The test app checks every JSON response against the operation's documented schema for its status: a
 * handler whose body drifts from its declaration, or answers a status it does not document, fails the
 * request in the test instead of slipping through.
 */

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ADMIN } from "../../src/auth/roles";
import { FEATURES } from "../../src/features";
import { apiRoute, featureApi, json as jsonBody } from "../../src/http/api";
import type { Feature } from "../../src/http/feature";
import { json, makeTestApp } from "../helpers/test-app";

const documented = apiRoute({
  method: "get",
  path: "/{mode}",
  operationId: "driftProbe",
  summary: "A probe whose body may drift",
  tag: "test",
  roles: ADMIN,
  request: { params: z.object({ mode: z.enum(["ok", "drift", "teapot"]) }) },
  responses: { 200: jsonBody(z.object({ items: z.array(z.object({ id: z.string() })) })) },
});

const probeFeature: Feature = {
  name: "probe",
  routes: [
    {
      prefix: "/api/v1/probe",
      app: () => {
        const app = featureApi();
        app.openapi(documented, (c) => {
          const { mode } = c.req.valid("param");
          if (mode === "ok") return c.json({ items: [{ id: "a" }] }, 200);
          // What a drifted handler would send; the casts stand for code that no longer matches its doc.
          if (mode === "drift") return c.json({ items: [{ id: 1 }] } as never, 200);
          return c.json({ items: [] } as never, 418 as never);
        });
        return app;
      },
    },
  ],
};

describe("documented response check", () => {
  it("passes a response that matches its schema, and checks real endpoints", async () => {
    const t = await makeTestApp({ features: [...FEATURES, probeFeature] });
    const admin = await t.as("admin");
    const ok = await t.app.request("/api/v1/probe/ok", json(admin.headers, undefined, "GET"));
    expect(await ok.json()).toEqual({ items: [{ id: "a" }] });
    // Error answers are checked against the Error schema too.
    const bad = await t.app.request("/api/v1/probe/nope", json(admin.headers, undefined, "GET"));
    expect(bad.status).toBe(400);
  });

  it("fails on a body that drifted from the documented schema", async () => {
    const t = await makeTestApp({ features: [...FEATURES, probeFeature] });
    const admin = await t.as("admin");
    await expect(t.app.request("/api/v1/probe/drift", json(admin.headers, undefined, "GET"))).rejects.toThrow(
      /GET \/api\/v1\/probe\/\{mode\} → 200: body does not match the documented schema\n {2}items\.0\.id/,
    );
  });

  it("fails on a status the operation does not document", async () => {
    const t = await makeTestApp({ features: [...FEATURES, probeFeature] });
    const admin = await t.as("admin");
    await expect(
      t.app.request("/api/v1/probe/teapot", json(admin.headers, undefined, "GET")),
    ).rejects.toThrow(/→ 418: status not documented/);
  });
});
