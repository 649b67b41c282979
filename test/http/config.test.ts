/** Configuration: parsed once; a wrong value is refused with a message naming the variable. */
import { describe, expect, it } from "vitest";
import { ConfigError, linkSecretOf, parseConfig } from "../../src/config";

describe("parseConfig", () => {
  it("has working defaults", () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      port: 8787,
      host: "127.0.0.1",
      baseUrl: "http://localhost:8787",
      databaseUrl: "file:data/sambang.db",
      seed: "starter",
      bodyLimitBytes: 1024 * 1024,
      trustProxy: false,
    });
  });

  it("reads values and trims a trailing slash from BASE_URL", () => {
    const c = parseConfig({
      PORT: "9000",
      BASE_URL: "https://sambang.banyuwangikab.go.id/",
      TRUST_PROXY: "1",
    });
    expect(c.port).toBe(9000);
    expect(c.baseUrl).toBe("https://sambang.banyuwangikab.go.id");
    expect(c.trustProxy).toBe(true);
  });

  it("treats empty strings as unset", () => {
    expect(parseConfig({ PORT: "", SMTP_URL: "" }).port).toBe(8787);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["BASE_URL", "ftp://example.org"],
    ["BASE_URL", "not a url"],
    ["DATABASE_URL", "postgres://x"],
    ["ADMIN_EMAIL", "admin-at-example"],
    ["ADMIN_PASSWORD", "short"],
    ["SEED", "everything"],
    ["SMTP_URL", "mail.example.org:25"],
    ["BODY_LIMIT_BYTES", "10"],
    ["TRUST_PROXY", "maybe"],
    ["LINK_SECRET", "too-short-a-secret"],
  ])("refuses %s=%s naming the variable", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it("reads LINK_SECRET; without it, asking for the link secret is a configuration error naming it", () => {
    const secret = "a-link-secret-of-at-least-32-characters";
    expect(linkSecretOf(parseConfig({ LINK_SECRET: secret }))).toBe(secret);
    expect(parseConfig({}).linkSecret).toBeUndefined();
    expect(() => linkSecretOf(parseConfig({}))).toThrow(ConfigError);
    expect(() => linkSecretOf(parseConfig({}))).toThrow(/\bLINK_SECRET\b/);
  });

  it("lists every bad variable at once", () => {
    try {
      parseConfig({ PORT: "abc", SEED: "x" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/SEED/);
    }
  });
});
