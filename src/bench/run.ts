/**
 * @module `npm run bench`: generates a database at a chosen scale, then runs each section and prints its
 * figures beside their targets. Never part of `npm test`; speed never fails anything.
 *
 * Flags: --items 20000 --venues 30 --hosts 100 --iterations 500 --duration 5 --rounds 3 --connections 10
 *        --db data/bench.db --only startup,availability,booking,invitations,http,itinerary
 * Add a section by writing src/bench/sections/<name>.ts (a BenchSection) and listing it in SECTIONS.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { generate } from "./generate";
import { itinerarySection } from "./itinerary";
import { availabilitySection } from "./sections/availability";
import { bookingSection } from "./sections/booking";
import { httpSection } from "./sections/http";
import { invitationsSection } from "./sections/invitations";
import { reportSection } from "./sections/report";
import { startupSection } from "./sections/startup";
import type { BenchArgs, BenchContext, BenchSection } from "./sections/types";
import { type ServerChild, startServer, stopServer } from "./server-process";
import { printFigures, prng } from "./stats";

const SECTIONS: BenchSection[] = [
  startupSection,
  availabilitySection,
  bookingSection,
  invitationsSection,
  httpSection,
  itinerarySection,
  reportSection,
];

function parseArgs(argv: string[]): BenchArgs {
  const get = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? (argv[i + 1] as string) : fallback;
  };
  const num = (name: string, fallback: number) => {
    const v = Number(get(name, String(fallback)));
    if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
    return v;
  };
  const only = get("only", "");
  return {
    items: num("items", 20_000),
    venues: num("venues", 30),
    hosts: num("hosts", 100),
    iterations: num("iterations", 500),
    duration: num("duration", 5),
    rounds: num("rounds", 3),
    connections: num("connections", 10),
    db: get("db", "data/bench.db"),
    only: only ? only.split(",") : null,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dbPath = resolve(args.db);
  mkdirSync(dirname(dbPath), { recursive: true });
  console.log(
    `Sambang bench — node ${process.version}, ${args.items} agenda items, ${args.venues} venues, ${args.hosts} hosts`,
  );
  const t0 = Date.now();
  const data = await generate(dbPath, args);
  console.log(`Generated ${dbPath} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  let server: ServerChild | undefined;
  const ctx: BenchContext = {
    data,
    args,
    rand: prng(7),
    server: async () => {
      server ??= await startServer(dbPath);
      return { baseUrl: server.baseUrl, token: data.token, pid: server.child.pid };
    },
  };
  try {
    for (const section of SECTIONS) {
      if (args.only && !args.only.includes(section.id)) continue;
      printFigures(section.title, await section.run(ctx));
    }
  } finally {
    if (server) await stopServer(server);
    data.db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
