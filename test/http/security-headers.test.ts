/** Security headers: a CSP that allows no inline script (or style), framing refused, no MIME sniffing. */
import { describe, expect, it } from "vitest";
import { makeTestApp } from "../helpers/test-app";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe("security headers", () => {
  it.each(["/login", "/livez", "/api/v1/openapi.json", "/api/v1/nope"])("are on %s", async (path) => {
    const t = await makeTestApp();
    const res = await t.app.request(path);
    const csp = res.headers.get("Content-Security-Policy");
    expect(csp).toBeTruthy();
    const d = directives(csp as string);
    const scriptSrc = d.get("script-src") ?? d.get("default-src");
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(d.get("style-src") ?? []).not.toContain("'unsafe-inline'");
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
    expect(res.headers.get("Referrer-Policy")).toBe("same-origin");
  });

  it("pages carry no inline script or style attribute", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    for (const path of ["/login", "/", "/admin/users", "/admin/tokens", "/admin/audit", "/api/v1/docs"]) {
      const html = await (await t.app.request(path, { headers: { Cookie: admin.cookie } })).text();
      expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html, path).not.toMatch(/\sstyle="/i);
      expect(html, path).not.toMatch(/\son[a-z]+="/i);
    }
  });
});
