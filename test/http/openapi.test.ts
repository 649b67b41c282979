/** The OpenAPI 3.1 document lists every documented route, and the docs page renders it. */
import { describe, expect, it } from "vitest";
import { API_DOCS } from "../../src/app";
import { makeTestApp } from "../helpers/test-app";

describe("OpenAPI", () => {
  it("/api/v1/openapi.json is an OpenAPI 3.1 document with every API_DOCS path", async () => {
    const t = await makeTestApp();
    const res = await t.app.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.servers[0].url).toBe("http://localhost:8787");
    for (const route of API_DOCS) {
      const op = doc.paths[`/api/v1${route.path}`]?.[route.method];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op.summary).toBe(route.summary);
      expect(op.responses.default.content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
      for (const name of route.path.match(/\{(\w+)\}/g) ?? []) {
        expect(
          op.parameters.some((p: { name: string; in: string }) => `{${p.name}}` === name && p.in === "path"),
        ).toBe(true);
      }
      if (route.roles) expect(op.security.length).toBeGreaterThan(0);
      if (route.body) expect(op.requestBody.content["application/json"].schema).toBeDefined();
    }
    // Every $ref resolves inside the document.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1] as string);
    for (const ref of refs) {
      const target = ref
        .split("/")
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
    // Request bodies say unknown fields are refused.
    const login = doc.paths["/api/v1/auth/login"].post.requestBody.content["application/json"].schema;
    expect(login.additionalProperties).toBe(false);
    expect(login.required).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it("/api/v1/docs renders a page listing the operations", async () => {
    const t = await makeTestApp();
    const res = await t.app.request("/api/v1/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain("/api/v1/openapi.json");
    expect(html).toContain("/api/v1/users/{id}");
    expect(html).toContain("/api/v1/auth/login");
  });
});
