import { describe, expect, it } from "vitest";
import { makeTestApp } from "../helpers/test-app";

describe("health probes", () => {
  it("/livez answers without the database and /healthz checks it", async () => {
    const { app, db } = await makeTestApp();
    expect(await (await app.request("/livez")).text()).toBe("ok");
    expect(await (await app.request("/healthz")).json()).toEqual({ status: "ok", db: "ok" });
    db.close();
    const down = await app.request("/healthz");
    expect(down.status).toBe(503);
    expect(await (await app.request("/livez")).text()).toBe("ok");
  });
});
