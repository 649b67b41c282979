/** The OpenAPI 3.1 document declares every operation fully, and the docs page renders it. */
import { describe, expect, it } from "vitest";
import { makeTestApp } from "../helpers/test-app";

interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string }[];
  security?: unknown[];
  "x-roles"?: string[];
  responses: Record<string, { content: Record<string, { schema: { $ref?: string } }> }>;
}

describe("OpenAPI", () => {
  it("/api/v1/openapi.json is an OpenAPI 3.1 document: every operation declared once, with an operationId, a success and an error response", async () => {
    const t = await makeTestApp();
    const res = await t.app.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.servers[0].url).toBe("http://localhost:8787");
    const ops = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(
      ([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ path, method, op })),
    );
    expect(ops.length).toBeGreaterThan(90);
    const ids = ops.map(({ op }) => op.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size, "operationIds are unique").toBe(ids.length);
    for (const { path, method, op } of ops) {
      const where = `${method} ${path}`;
      expect(
        Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)),
        `${where}: a success response`,
      ).toBe(true);
      expect(
        op.responses.default?.content["application/json"]?.schema.$ref,
        `${where}: the Error shape`,
      ).toBe("#/components/schemas/Error");
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        expect(
          op.parameters?.some((p) => `{${p.name}}` === name && p.in === "path"),
          `${where}: path parameter ${name}`,
        ).toBe(true);
      }
      if (op["x-roles"]) expect(op.security?.length, `${where}: security`).toBeGreaterThan(0);
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
