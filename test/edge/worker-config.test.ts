/**
 * The Worker's configuration goes through the same config module as Node's, plus the Workers-only checks;
 * `npm run worker:dev` passes the environment's settings to `wrangler dev` as vars.
 */
import { describe, expect, it } from "vitest";
import { workerDevArgs } from "../../src/cli/worker-dev";
import { ConfigError } from "../../src/config";
import { workerConfig } from "../../src/edge/config";

describe("Worker configuration", () => {
  it("parses vars and secrets like the Node server and ignores bindings that are not strings", () => {
    const config = workerConfig({
      DATABASE_URL: "libsql://sambang-banyuwangi.turso.io",
      DATABASE_AUTH_TOKEN: "token",
      BASE_URL: "https://sambang.banyuwangikab.go.id/",
      SMTP_URL: "smtp://u:p@relay.banyuwangikab.go.id:587",
      MAIL_MAX_ATTEMPTS: "5",
      LINK_SECRET: "a-link-secret-of-at-least-32-characters",
      SOME_KV: { get: () => null },
    });
    expect(config).toMatchObject({
      databaseUrl: "libsql://sambang-banyuwangi.turso.io",
      databaseAuthToken: "token",
      baseUrl: "https://sambang.banyuwangikab.go.id",
      mailMaxAttempts: 5,
      linkSecret: "a-link-secret-of-at-least-32-characters",
    });
  });

  it("requires LINK_SECRET (no file to keep one in), naming it", () => {
    expect(() => workerConfig({ DATABASE_URL: "https://db.example" })).toThrow(
      /LINK_SECRET: a Worker needs it/,
    );
    expect(() => workerConfig({ DATABASE_URL: "https://db.example", LINK_SECRET: "short" })).toThrow(
      /LINK_SECRET: must be at least 32 characters/,
    );
  });

  it("refuses a missing or file database and an unverifiable SMTP certificate, naming each variable", () => {
    expect(() => workerConfig({})).toThrow(ConfigError);
    expect(() => workerConfig({ DATABASE_URL: "file:data/sambang.db" })).toThrow(
      /DATABASE_URL: a Worker needs/,
    );
    expect(() =>
      workerConfig({
        DATABASE_URL: "https://db.example",
        SMTP_URL: "smtps://relay.example:465",
        SMTP_TLS_REJECT_UNAUTHORIZED: "false",
      }),
    ).toThrow(/SMTP_TLS_REJECT_UNAUTHORIZED/);
    expect(() => workerConfig({ DATABASE_URL: "https://db.example", MAIL_MAX_ATTEMPTS: "0" })).toThrow(
      /MAIL_MAX_ATTEMPTS/,
    );
  });
});

describe("npm run worker:dev", () => {
  it("defaults DATABASE_URL to a local libSQL server and BASE_URL to the chosen port; extra flags follow", () => {
    expect(workerDevArgs({}, ["--port", "9000", "--test-scheduled"])).toEqual([
      "dev",
      "--var",
      "DATABASE_URL:http://127.0.0.1:8080",
      "--var",
      "BASE_URL:http://localhost:9000",
      "--port",
      "9000",
      "--test-scheduled",
    ]);
  });

  it("passes every Sambang setting from the environment, but not PORT, HOST or unrelated variables", () => {
    const args = workerDevArgs(
      { DATABASE_URL: "http://127.0.0.1:9090", SMTP_URL: "smtp://127.0.0.1:2525", PORT: "1", HOME: "/root" },
      ["--port=8788"],
    );
    expect(args).toEqual([
      "dev",
      "--var",
      "DATABASE_URL:http://127.0.0.1:9090",
      "--var",
      "BASE_URL:http://localhost:8788",
      "--var",
      "SMTP_URL:smtp://127.0.0.1:2525",
      "--port=8788",
    ]);
  });
});
