import { describe, expect, it } from "vitest";
import {
  findProvince,
  findRegency,
  listProvinces,
  listRegencies,
  provinceTimeZone,
  provinceTimeZoneLabel,
} from "../../src/regions/regions.js";

describe("regions", () => {
  it("has Indonesia's 38 provinces and 514 regencies/cities", () => {
    expect(listProvinces()).toHaveLength(38);
    const all = listProvinces().flatMap((p) => listRegencies(p.code));
    expect(all).toHaveLength(514);
    expect(all.filter((r) => r.kind === "kota")).toHaveLength(98);
    expect(new Set(all.map((r) => r.code)).size).toBe(514);
  });

  it("decodes codes, names and kinds exactly as the source CSV", () => {
    expect(findProvince("35")).toEqual({ code: "35", name: "Jawa Timur" });
    expect(findRegency("35.10")).toEqual({
      code: "35.10",
      provinceCode: "35",
      name: "Kabupaten Banyuwangi",
      kind: "kabupaten",
    });
    expect(findRegency("35.78")).toEqual({
      code: "35.78",
      provinceCode: "35",
      name: "Kota Surabaya",
      kind: "kota",
    });
    expect(findRegency("31.01")?.name).toBe("Kabupaten Administrasi Kepulauan Seribu");
    expect(findRegency("31.71")?.name).toBe("Kota Administrasi Jakarta Pusat");
  });

  it("lists the regencies of Kepulauan Riau (the seed delegation's province)", () => {
    const names = listRegencies("21").map((r) => r.name);
    expect(names).toEqual([
      "Kabupaten Bintan",
      "Kabupaten Karimun",
      "Kabupaten Natuna",
      "Kabupaten Lingga",
      "Kabupaten Kepulauan Anambas",
      "Kota Batam",
      "Kota Tanjung Pinang",
    ]);
    expect(listRegencies("21").every((r) => r.provinceCode === "21" && r.code.startsWith("21."))).toBe(true);
  });

  it("returns nothing for unknown codes", () => {
    expect(findProvince("99")).toBeUndefined();
    expect(findRegency("35.99")).toBeUndefined();
    expect(listRegencies("99")).toEqual([]);
    expect(provinceTimeZone("99")).toBeUndefined();
    expect(provinceTimeZoneLabel("99")).toBeUndefined();
  });

  it("includes the 2022 Papua provinces", () => {
    expect(findProvince("95")?.name).toBe("Papua Pegunungan");
    expect(findProvince("96")?.name).toBe("Papua Barat Daya");
  });
});

describe("provinceTimeZone (Keppres 41/1987)", () => {
  it.each([
    ["51", "Bali", "Asia/Makassar", "WITA"],
    ["21", "Kepulauan Riau", "Asia/Jakarta", "WIB"],
    ["35", "Jawa Timur", "Asia/Jakarta", "WIB"],
    ["11", "Aceh", "Asia/Jakarta", "WIB"],
    ["61", "Kalimantan Barat", "Asia/Pontianak", "WIB"],
    ["62", "Kalimantan Tengah", "Asia/Pontianak", "WIB"],
    ["63", "Kalimantan Selatan", "Asia/Makassar", "WITA"],
    ["65", "Kalimantan Utara", "Asia/Makassar", "WITA"],
    ["52", "Nusa Tenggara Barat", "Asia/Makassar", "WITA"],
    ["53", "Nusa Tenggara Timur", "Asia/Makassar", "WITA"],
    ["75", "Gorontalo", "Asia/Makassar", "WITA"],
    ["76", "Sulawesi Barat", "Asia/Makassar", "WITA"],
    ["81", "Maluku", "Asia/Jayapura", "WIT"],
    ["82", "Maluku Utara", "Asia/Jayapura", "WIT"],
    ["95", "Papua Pegunungan", "Asia/Jayapura", "WIT"],
    ["96", "Papua Barat Daya", "Asia/Jayapura", "WIT"],
  ])("%s %s → %s (%s)", (code, name, zone, label) => {
    expect(findProvince(code)?.name).toBe(name);
    expect(provinceTimeZone(code)).toBe(zone);
    expect(provinceTimeZoneLabel(code)).toBe(label);
  });

  it("gives every province a zone whose UTC offset matches its WIB/WITA/WIT label", () => {
    const expectedOffset = { WIB: "GMT+7", WITA: "GMT+8", WIT: "GMT+9" } as const;
    const counts = { WIB: 0, WITA: 0, WIT: 0 };
    for (const p of listProvinces()) {
      const zone = provinceTimeZone(p.code);
      const label = provinceTimeZoneLabel(p.code);
      expect(zone, p.name).toBeDefined();
      expect(label, p.name).toBeDefined();
      if (!zone || !label) continue;
      counts[label]++;
      const offset = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" })
        .formatToParts(new Date("2026-06-01T00:00:00Z"))
        .find((part) => part.type === "timeZoneName")?.value;
      expect(offset, p.name).toBe(expectedOffset[label]);
    }
    expect(counts).toEqual({ WIB: 18, WITA: 12, WIT: 8 });
  });
});
