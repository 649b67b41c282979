/**
 * @module (s) Cold start and idle memory of the production server: five fresh starts over the bench
 * database (migrations already applied), each timed from spawn to the first 200 from `/livez`, then left
 * idle for two seconds before its resident set size is read. Medians, beside the targets.
 */
import { rssMiB, startServer, stopServer } from "../server-process";
import { summarise } from "../stats";
import type { BenchSection } from "./types";

const RUNS = 5;
const IDLE_MS = 2000;

export const startupSection: BenchSection = {
  id: "startup",
  title: `(s) Cold start to /livez and idle RSS, median of ${RUNS} starts`,
  async run(ctx) {
    const starts: number[] = [];
    const idle: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const server = await startServer(ctx.data.path);
      await new Promise((r) => setTimeout(r, IDLE_MS));
      starts.push(server.startMs);
      idle.push(rssMiB(server.child.pid));
      await stopServer(server);
      console.log(
        `  start ${i + 1}/${RUNS}: ${starts.at(-1)?.toFixed(0)} ms, idle ${idle.at(-1)?.toFixed(0)} MiB`,
      );
    }
    return [
      { label: "cold start to /livez, median", value: summarise(starts).median, unit: "ms", target: 1000 },
      { label: "idle server RSS, median", value: summarise(idle).median, unit: "MiB", target: 130 },
    ];
  },
};
