/**
 * @module The host organisation, one record (id = 1): names, address and contacts, the signing official,
 * the logo and the default zone. Letters and papers (attendance list, visit letter) are headed from it.
 */
import { customType, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

const bytes = customType<{ data: Uint8Array; driverData: ArrayBuffer | Uint8Array }>({
  dataType: () => "blob",
  toDriver: (value) => value,
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value)),
});

export const hostSettings = sqliteTable("host_settings", {
  id: integer("id").primaryKey(),
  /** "Pemerintah Kabupaten Banyuwangi". */
  governmentName: text("government_name").notNull(),
  /** The office that hosts visits, e.g. "Sekretariat Daerah — Bagian Protokol dan Komunikasi Pimpinan". */
  officeName: text("office_name").notNull(),
  address: text("address").notNull(),
  /** Place written before a letter's date ("Banyuwangi, 5 Desember 2026"). */
  city: text("city").notNull(),
  phone: text("phone"),
  whatsapp: text("whatsapp"),
  email: text("email"),
  website: text("website"),
  signatoryName: text("signatory_name").notNull(),
  signatoryTitle: text("signatory_title").notNull(),
  /** Official's identification number (NIP), printed under the name when set. */
  signatoryNip: text("signatory_nip"),
  /** Letter number of the visit letter; `{seq}` = the tracking code's number, `{code}`, `{year}`. */
  letterNumberFormat: text("letter_number_format").notNull(),
  logo: bytes("logo"),
  logoType: text("logo_type", { enum: ["image/png", "image/jpeg"] }),
  defaultTimeZone: text("default_time_zone").notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
