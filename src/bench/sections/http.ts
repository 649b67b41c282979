/**
 * @module (c) HTTP throughput with autocannon against the real server in its own process on loopback:
 * the availability endpoint (90 days, one venue + one host, API token) and /livez (no db: the baseline),
 * alternated round by round so both see the same machine state; their ratio is the cost of the search.
 * The server's RSS is read before, sampled during (peak) and read again after the load.
 */
import autocannon from "autocannon";
import { rssMiB, sampleRss } from "../server-process";
import type { Figure } from "../stats";
import type { BenchSection } from "./types";

export const httpSection: BenchSection = {
  id: "http",
  title:
    "(c) HTTP req/s, availability endpoint vs /livez, alternated (autocannon, server in a child process)",
  async run(ctx) {
    const { baseUrl, token, pid } = await ctx.server();
    const { data, args } = ctx;
    const from = "2026-03-02";
    const to = "2026-05-30";
    const url = `${baseUrl}/api/v1/availability?venueId=${data.venueIds[0]}&hostIds=${data.hostIds[0]}&from=${from}&to=${to}&durationMinutes=90&groupSize=20`;
    const check = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    if (check.status !== 200)
      throw new Error(`availability endpoint answered ${check.status}: ${await check.text()}`);
    const slotCount = ((await check.json()) as { slots: unknown[] }).slots.length;
    const rssBefore = rssMiB(pid);
    const during = sampleRss(pid);
    const avail: number[] = [];
    const livez: number[] = [];
    let errors = 0;
    for (let round = 0; round < args.rounds; round++) {
      const a = await autocannon({
        url,
        connections: args.connections,
        duration: args.duration,
        headers: { Authorization: `Bearer ${token}` },
      });
      const l = await autocannon({
        url: `${baseUrl}/livez`,
        connections: args.connections,
        duration: args.duration,
      });
      errors += a.errors + a.non2xx + l.errors + l.non2xx;
      avail.push(a.requests.average);
      livez.push(l.requests.average);
      console.log(
        `  round ${round + 1}/${args.rounds}: availability ${a.requests.average.toFixed(0)} req/s (p99 ${a.latency.p99} ms), /livez ${l.requests.average.toFixed(0)} req/s`,
      );
    }
    const peak = during.stop().peak;
    await new Promise((r) => setTimeout(r, 3000));
    const rssAfter = rssMiB(pid);
    console.log(
      `  server RSS: ${rssBefore.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB peak during load, ${rssAfter.toFixed(0)} MiB 3 s after`,
    );
    const mean = (l: number[]) => l.reduce((s, x) => s + x, 0) / l.length;
    const figures: Figure[] = [
      { label: `availability req/s (${slotCount} slots per answer)`, value: mean(avail), unit: "req/s" },
      { label: "/livez req/s", value: mean(livez), unit: "req/s" },
      { label: "ratio availability / livez", value: mean(avail) / mean(livez), unit: "×" },
      { label: "errors and non-2xx answers", value: errors, unit: "" },
      { label: "server RSS before load", value: rssBefore, unit: "MiB" },
      { label: "server RSS peak during load", value: peak, unit: "MiB", target: 250 },
      { label: "server RSS 3 s after load", value: rssAfter, unit: "MiB" },
    ];
    return figures;
  },
};
