/**
 * @module The itinerary as an A4 PDF, drawn by `./pdf-draw` (pdf-lib), which is imported on the first call:
 * pdf-lib is a large module and most processes (and a server's first requests) never draw a PDF, so a
 * static import would only slow every start. The built server keeps it in its own chunk.
 */
import type { Translate } from "../i18n/dictionary";
import type { ItineraryView } from "./view-model";

export interface ItineraryPdfInput {
  view: ItineraryView;
  url: string;
  t: Translate;
  /** PDF metadata dates; passed in so the output is deterministic for a version. */
  now: Date;
}

export async function itineraryPdf(input: ItineraryPdfInput): Promise<Uint8Array> {
  const { drawItineraryPdf } = await import("./pdf-draw");
  return drawItineraryPdf(input);
}
