/**
 * @module Bench section for the visitor's itinerary page (`/i/{token}`, full answer and 304
 * revalidation), the delegation calendar as visitors (`/i/{token}/calendar.ics`) and staff with an API token
 * (`/api/v1/delegations/{id}/calendar.ics`, which adds the token check) fetch it, and a host's
 * subscription feed (`/feeds/{token}.ics`), each as req/s and as a ratio to /livez measured in the same
 * rounds (alternated, so all see the same machine state). Targets: ICS and feed ≥ 0.5× /livez;
 * itinerary page ≥ 0.15×, and ≥ 0.5× when revalidated with a 304.
 */
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import type { BenchSection } from "./sections/types";
import type { Figure } from "./stats";

interface Target {
  label: string;
  url: string;
  headers?: Record<string, string>;
  /** Expected status (304 for revalidation). */
  status: number;
  goal: number;
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

export const itinerarySection: BenchSection = {
  id: "itinerary",
  title: "(d) Itinerary page, delegation ICS and a feed vs /livez, alternated (autocannon)",
  async run(ctx) {
    const { baseUrl, token } = await ctx.server();
    const { data, args } = ctx;
    const auth = { Authorization: `Bearer ${token}` };
    const [busiest] = await data.db.orm.all<{ id: string; n: number }>(sql`
      SELECT delegation_id AS id, count(*) AS n FROM agenda_item_delegations
      GROUP BY delegation_id ORDER BY n DESC, delegation_id LIMIT 1`);
    if (!busiest) throw new Error("bench: no delegation with agenda items");
    const share = await json<{ url: string }>(
      await fetch(`${baseUrl}/api/v1/delegations/${busiest.id}/share`, { method: "POST", headers: auth }),
    );
    const feed = await json<{ url: string }>(
      await fetch(`${baseUrl}/api/v1/feeds`, {
        method: "POST",
        headers: { ...auth, "Content-Type": "application/json" },
        body: JSON.stringify({ label: "bench", scope: "host", scopeId: data.hostIds[0] }),
      }),
    );
    const page = await fetch(share.url);
    const etag = page.headers.get("ETag") ?? "";
    const feedAnswer = await fetch(feed.url);
    const feedEvents = ((await feedAnswer.text()).match(/BEGIN:VEVENT/g) ?? []).length;

    const targets: Target[] = [
      { label: "itinerary page", url: share.url, status: 200, goal: 0.15 },
      {
        label: "itinerary page, 304 revalidation",
        url: share.url,
        headers: { "If-None-Match": etag },
        status: 304,
        goal: 0.5,
      },
      {
        label: `itinerary ICS, visitor link (${busiest.n} items)`,
        url: `${share.url}/calendar.ics`,
        status: 200,
        goal: 0.5,
      },
      {
        label: `staff delegation ICS, API token (${busiest.n} items)`,
        url: `${baseUrl}/api/v1/delegations/${busiest.id}/calendar.ics`,
        headers: auth,
        status: 200,
        goal: 0.5,
      },
      { label: `host feed (${feedEvents} events)`, url: feed.url, status: 200, goal: 0.5 },
    ];
    const rates = new Map<string, number[]>(targets.map((t) => [t.label, []]));
    const livez: number[] = [];
    let unexpected = 0;
    for (let round = 0; round < args.rounds; round++) {
      const parts: string[] = [];
      for (const t of targets) {
        const r = await autocannon({
          url: t.url,
          connections: args.connections,
          duration: args.duration,
          headers: t.headers,
        });
        // autocannon counts a 304 as non-2xx: for the revalidation run a 2xx is the unexpected answer.
        unexpected += r.errors + (t.status === 304 ? r["2xx"] : r.non2xx);
        rates.get(t.label)?.push(r.requests.average);
        parts.push(`${t.label} ${r.requests.average.toFixed(0)}`);
      }
      const l = await autocannon({
        url: `${baseUrl}/livez`,
        connections: args.connections,
        duration: args.duration,
      });
      livez.push(l.requests.average);
      console.log(
        `  round ${round + 1}/${args.rounds}: ${parts.join(", ")}, /livez ${l.requests.average.toFixed(0)} req/s`,
      );
    }
    const mean = (l: number[]) => l.reduce((s, x) => s + x, 0) / l.length;
    const base = mean(livez);
    const figures: Figure[] = [{ label: "/livez req/s", value: base, unit: "req/s" }];
    for (const t of targets) {
      const value = mean(rates.get(t.label) ?? []);
      figures.push({ label: `${t.label} req/s`, value, unit: "req/s" });
      figures.push({
        label: `ratio ${t.label} / livez (target ≥ ${t.goal})`,
        value: value / base,
        unit: "×",
      });
    }
    figures.push({ label: "errors and unexpected statuses", value: unexpected, unit: "" });
    return figures;
  },
};
