/**
 * @module Test helpers for delegations: an app with the starter topics, a valid request body relative to
 * the test clock (Monday 2 March 2026, 09.00 WIB), and one-line API calls.
 */
import { visitOutcomes } from "../../db/schema/outcomes";
import { seedTopics } from "../../src/delegations/topics";
import { json as jsonInit, makeTestApp, ORIGIN, renewSessions, type TestApp } from "../helpers/test-app";

export async function delegationsApp(env: Record<string, string> = {}) {
  const t = await makeTestApp({ env });
  await seedTopics(t.db, t.clock());
  return t;
}

export function validRequest(overrides: Record<string, unknown> = {}) {
  return {
    institution: "Pemerintah Kabupaten Contoh",
    provinceCode: "21",
    regencyCode: "21.01",
    leaderName: "Budi Contoh",
    leaderTitle: "Bupati Karimun",
    purpose: "Mempelajari Mal Pelayanan Publik.",
    topics: ["mpp"],
    expectedSize: 12,
    preferredDates: { start: "2026-03-16", end: "2026-03-17" },
    alternativeDates: [{ start: "2026-03-23" }],
    contactName: "Rina Narahubung",
    contactEmail: "rina@example.org",
    contactPhone: "0812-3456-7890",
    letterNumber: "005/123/2026",
    letterDate: "2026-02-20",
    ...overrides,
  };
}

/** The shared JSON request init, with the argument order these tests read best in. */
export const json = (method: string, body?: unknown, headers: Record<string, string> = {}) =>
  jsonInit(headers, body, method);

export async function submitRequest(t: TestApp, body: unknown, headers: Record<string, string> = {}) {
  return t.app.request("/api/v1/requests", json("POST", body, headers));
}

/** Submits a valid request and returns its code, status URL path and id. */
export async function makeRequest(t: TestApp, overrides: Record<string, unknown> = {}) {
  const res = await submitRequest(t, validRequest(overrides), {
    "x-test-ip": `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
  if (res.status !== 201) throw new Error(`request failed: ${res.status} ${await res.text()}`);
  const { code, statusUrl } = (await res.json()) as { code: string; statusUrl: string };
  const admin = await t.as("admin");
  const list = (await (
    await t.app.request(`/api/v1/delegations?q=${code}`, { headers: admin.headers })
  ).json()) as {
    delegations: { id: string; version: number }[];
  };
  const d = list.delegations[0];
  if (!d) throw new Error("not listed");
  return { code, statusUrl, statusPath: statusUrl.replace("http://localhost:8787", ""), id: d.id };
}

export { ORIGIN };

/**
 * Makes a confirmed visit (dates 16–17 March 2026) completable: writes an outcome summary and moves the clock
 * to its last day. Returns a function that puts the clock back.
 */
export async function readyToComplete(t: TestApp, delegationId: string) {
  const before = t.clock();
  await t.db.writeTransaction((tx) =>
    tx
      .insert(visitOutcomes)
      .values({
        delegationId,
        summary: "Kunjungan selesai.",
        media: [],
        documentation: [],
        createdAt: before,
        updatedAt: before,
      })
      .onConflictDoNothing(),
  );
  t.clock.set("2026-03-17T10:00:00+07:00");
  await renewSessions(t);
  return () => t.clock.set(before);
}
