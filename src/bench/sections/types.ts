/** @module The shape of a bench section, so later ones (itinerary page, ICS, feeds) plug into run.ts. */
import type { Dataset } from "../generate";
import type { Figure } from "../stats";

export interface BenchArgs {
  items: number;
  venues: number;
  hosts: number;
  iterations: number;
  duration: number;
  rounds: number;
  connections: number;
  db: string;
  only: string[] | null;
}

export interface BenchContext {
  data: Dataset;
  args: BenchArgs;
  rand: () => number;
  /** Base URL of the server child, once a section that needs it has started it. */
  server: () => Promise<{ baseUrl: string; token: string; pid: number | undefined }>;
}

export interface BenchSection {
  /** Short id for `--only`. */
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}
