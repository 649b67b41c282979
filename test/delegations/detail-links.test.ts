/** The delegation page leads staff to the agenda builder, the rundown and the invitations page. */
import { describe, expect, it } from "vitest";
import { delegationsApp, makeRequest } from "./helpers";

describe("delegation detail page", () => {
  it("links to agenda, rundown and invitations, and each link answers", async () => {
    const t = await delegationsApp();
    const r = await makeRequest(t);
    const staff = await t.as("protocol");
    const html = await (await t.app.request(`/delegations/${r.id}`, { headers: staff.headers })).text();
    for (const path of ["agenda", "rundown", "invitations"]) {
      expect(html).toContain(`href="/delegations/${r.id}/${path}"`);
      const res = await t.app.request(`/delegations/${r.id}/${path}`, { headers: staff.headers });
      expect(res.status, path).toBe(200);
    }
  });
});
