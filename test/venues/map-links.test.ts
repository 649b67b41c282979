import { describe, expect, it } from "vitest";
import { mapLinks } from "../../src/venues/map-links";

const venue = { name: "Mal Pelayanan Publik", address: "Jl. A. Yani 1, Banyuwangi" };

describe("venue map links", () => {
  it("searches Google Maps and OpenStreetMap for name and address when no link is stored", () => {
    const l = mapLinks({ ...venue, mapUrl: null });
    expect(l.google).toBe(
      "https://www.google.com/maps/search/?api=1&query=Mal%20Pelayanan%20Publik%2C%20Jl.%20A.%20Yani%201%2C%20Banyuwangi",
    );
    expect(l.osm).toBe(
      "https://www.openstreetmap.org/search?query=Mal%20Pelayanan%20Publik%2C%20Jl.%20A.%20Yani%201%2C%20Banyuwangi",
    );
  });

  it("uses a stored link for the service it points at and searches the other", () => {
    const osm = mapLinks({ ...venue, mapUrl: "https://www.openstreetmap.org/way/123" });
    expect(osm.osm).toBe("https://www.openstreetmap.org/way/123");
    expect(osm.google).toMatch(/^https:\/\/www\.google\.com\/maps\/search\//);
    const google = mapLinks({ ...venue, mapUrl: "https://maps.app.goo.gl/abc" });
    expect(google.google).toBe("https://maps.app.goo.gl/abc");
    expect(google.osm).toMatch(/^https:\/\/www\.openstreetmap\.org\/search/);
    // A look-alike host is not taken for Google.
    expect(mapLinks({ ...venue, mapUrl: "https://google.com.evil.example/x" }).google).toMatch(
      /^https:\/\/www\.google\.com\/maps\/search\//,
    );
  });
});
