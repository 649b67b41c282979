/**
 * @module Map links of a venue: Google Maps first (what visiting officials open on their phones), with
 * OpenStreetMap kept as an alternative. A stored map link is used for the service it points at; the
 * other is a search for the venue's name and address.
 */

interface MapLinks {
  google: string;
  osm: string;
  /** A stored link to another map service, kept as it is. */
  other?: string;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return "";
  }
}

const isGoogle = (host: string) =>
  /(^|\.)google\.(com|co\.id)$/.test(host) || host === "goo.gl" || host === "maps.app.goo.gl";
const isOsm = (host: string) =>
  host === "openstreetmap.org" || host.endsWith(".openstreetmap.org") || host === "osm.org";

export function mapLinks(venue: { name: string; address: string; mapUrl: string | null }): MapLinks {
  const query = encodeURIComponent(`${venue.name}, ${venue.address}`);
  const stored = venue.mapUrl ? hostOf(venue.mapUrl) : "";
  return {
    google:
      venue.mapUrl && isGoogle(stored)
        ? venue.mapUrl
        : `https://www.google.com/maps/search/?api=1&query=${query}`,
    osm: venue.mapUrl && isOsm(stored) ? venue.mapUrl : `https://www.openstreetmap.org/search?query=${query}`,
    ...(venue.mapUrl && !isGoogle(stored) && !isOsm(stored) ? { other: venue.mapUrl } : {}),
  };
}
