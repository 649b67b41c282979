/**
 * A libSQL server that refuses work for now — HTTP 429 above its concurrent-request limit, or a write
 * transaction it rolled back after 5 s (TRANSACTION_TIMEOUT) — answers 503 with Retry-After and a
 * bilingual message, never 500; other errors stay 500.
 */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { isDatabaseBusy } from "../../db/busy";
import type { AppEnv } from "../../src/http/context";
import { onError } from "../../src/http/error-handler";
import { setLocale } from "../../src/http/locale";

// Shaped like @libsql/client's errors (LibsqlError with an HttpServerError cause; LibsqlBatchError).
const http429 = Object.assign(new Error("SERVER_ERROR: Server returned HTTP status 429"), {
  code: "SERVER_ERROR",
  cause: Object.assign(new Error("Server returned HTTP status 429"), { status: 429 }),
});
const timeout = Object.assign(new Error("TRANSACTION_TIMEOUT: Transaction timed out"), {
  code: "TRANSACTION_TIMEOUT",
});
const http500 = Object.assign(new Error("SERVER_ERROR: Server returned HTTP status 500"), {
  code: "SERVER_ERROR",
  cause: Object.assign(new Error("Server returned HTTP status 500"), { status: 500 }),
});

describe("a busy database", () => {
  it("recognises 429, TRANSACTION_TIMEOUT and SQLITE_BUSY, and nothing else", () => {
    expect(isDatabaseBusy(http429)).toBe(true);
    expect(isDatabaseBusy(timeout)).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toBe(
      true,
    );
    expect(isDatabaseBusy(new Error("wrapped", { cause: timeout }))).toBe(true);
    expect(isDatabaseBusy(http500)).toBe(false);
    expect(isDatabaseBusy(new Error("boom"))).toBe(false);
    expect(isDatabaseBusy(undefined)).toBe(false);
  });

  it("answers 503 with Retry-After and the Indonesian message first; any other failure stays 500", async () => {
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      setLocale(c, "id");
      c.set("isApi", true);
      return next();
    });
    app.get("/fail/:kind", (c) => {
      throw { http429, timeout, http500 }[c.req.param("kind") as "http429"];
    });
    app.onError(onError);
    for (const kind of ["http429", "timeout"]) {
      const res = await app.request(`/fail/${kind}`);
      expect(res.status).toBe(503);
      expect(res.headers.get("Retry-After")).toBe("1");
      const body = await res.json();
      expect(body.error.code).toBe("unavailable");
      expect(body.error.message).toMatch(/^Basis data sedang sibuk/);
    }
    const other = await app.request("/fail/http500");
    expect(other.status).toBe(500);
    expect((await other.json()).error.code).toBe("internal");
  });
});
