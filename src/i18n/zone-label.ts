/**
 * @module Indonesian zone labels (WIB, WITA, WIT) for IANA zones, per Keppres 41/1987; other zones get
 * their short UTC offset ("GMT+10"), so a printed time always says which zone it is in.
 */
const INDONESIAN_ZONES: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

export function zoneLabel(timeZone: string, at: Date = new Date(0)): string {
  const known = INDONESIAN_ZONES[timeZone];
  if (known) return known;
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}
