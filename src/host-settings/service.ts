/**
 * @module The host-settings record (one row, id 1): read with built-in Banyuwangi defaults until an admin
 * saves it, and saved by admins with `version` (0 for the first save), audited. The logo is a PNG or JPEG
 * (≤ 300 KB, type checked by content) kept in the database so it works on Node and Workers alike.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "../../db/client";
import { hostSettings } from "../../db/schema/host-settings";
import { AppError, stale } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import { msg } from "../http/validate";
import { optionalEmail, optionalLine, optionalUrl, requiredLine, requiredText } from "../outcomes/fields";
import { isValidTimeZone, observesDaylightSaving } from "../scheduling/zoned-time";

type HostSettingsRow = typeof hostSettings.$inferSelect;
export type HostSettings = Omit<HostSettingsRow, "id" | "logo"> & { logo: Uint8Array | null };

export const LOGO_MAX_BYTES = 300 * 1024;

/** Used until an admin saves the record (`version` 0). */
export const DEFAULT_HOST_SETTINGS: HostSettings = {
  governmentName: "Pemerintah Kabupaten Banyuwangi",
  officeName: "Sekretariat Daerah — Bagian Protokol dan Komunikasi Pimpinan",
  address: "Jl. Ahmad Yani No. 100, Banyuwangi 68411, Jawa Timur",
  city: "Banyuwangi",
  phone: null,
  whatsapp: null,
  email: null,
  website: null,
  signatoryName: "(nama pejabat penandatangan)",
  signatoryTitle: "Kepala Bagian Protokol dan Komunikasi Pimpinan",
  signatoryNip: null,
  letterNumberFormat: "{seq}/SKK/{year}",
  logo: null,
  logoType: null,
  defaultTimeZone: "Asia/Jakarta",
  version: 0,
  updatedAt: new Date(0),
};

export async function getHostSettings(db: Queryable): Promise<HostSettings> {
  const row = await db.select().from(hostSettings).where(eq(hostSettings.id, 1)).get();
  if (!row) return DEFAULT_HOST_SETTINGS;
  const { id: _id, ...rest } = row;
  return rest;
}

export const hostSettingsInputSchema = z.strictObject({
  governmentName: requiredLine(200),
  officeName: requiredLine(200),
  address: requiredText(500),
  city: requiredLine(100),
  phone: optionalLine(50),
  whatsapp: optionalLine(50),
  email: optionalEmail(),
  website: optionalUrl(),
  signatoryName: requiredLine(200),
  signatoryTitle: requiredLine(200),
  signatoryNip: optionalLine(30),
  letterNumberFormat: requiredLine(100).refine(
    (v) => v.includes("{seq}") || v.includes("{code}"),
    msg("hostSettings.formatInvalid"),
  ),
  defaultTimeZone: z
    .string()
    .trim()
    .refine(isValidTimeZone, msg("hostSettings.zoneInvalid"))
    .refine((v) => !observesDaylightSaving(v), msg("zone.dstRefused")),
  /** `true` removes the stored logo. */
  removeLogo: z.boolean().optional(),
  version: z.number(msg("humas.versionRequired")).int().min(0),
});
type HostSettingsInput = z.output<typeof hostSettingsInputSchema>;

/** The logo's type from its first bytes (PNG or JPEG), or null. */
function sniffLogo(bytes: Uint8Array): "image/png" | "image/jpeg" | null {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return "image/png";
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}

export async function saveHostSettings(
  ctx: Pick<ServiceContext, "now" | "transaction">,
  input: HostSettingsInput,
  logo?: Uint8Array,
): Promise<HostSettings> {
  let logoType: "image/png" | "image/jpeg" | null = null;
  if (logo) {
    logoType = sniffLogo(logo);
    const problem = !logoType
      ? "hostSettings.logoType"
      : logo.length > LOGO_MAX_BYTES
        ? "hostSettings.logoTooBig"
        : null;
    if (problem)
      throw new AppError("validation_failed", {
        messageKey: problem,
        details: { fields: { logo: [problem] } },
      });
  }
  return ctx.transaction(async (tx, audit) => {
    const before = await getHostSettings(tx);
    if (input.version !== before.version) throw stale({ currentVersion: before.version });
    const { removeLogo, version: _v, ...fields } = input;
    const keepLogo = !removeLogo && !logo;
    const values = {
      ...fields,
      logo: logo ?? (keepLogo ? before.logo : null),
      logoType: logo ? logoType : keepLogo ? before.logoType : null,
      version: before.version + 1,
      updatedAt: ctx.now,
    };
    await tx
      .insert(hostSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: hostSettings.id, set: values });
    const { logo: _l, ...beforeAudit } = before;
    const { logo: _l2, ...afterAudit } = values;
    await audit(
      "host_settings.update",
      { type: "host_settings", id: "1" },
      { ...beforeAudit, hasLogo: !!before.logo },
      { ...afterAudit, hasLogo: !!values.logo },
    );
    return values;
  });
}

/** The public JSON form (the logo as a flag; it is served as an image of its own). */
export function hostSettingsOut(s: HostSettings) {
  const { logo, updatedAt, ...rest } = s;
  return { ...rest, hasLogo: !!logo, updatedAt: updatedAt.toISOString() };
}

/** The visit letter's number from the format: `{seq}` (the tracking code's number), `{code}`, `{year}`. */
export function letterNumberOf(format: string, code: string, year: string): string {
  const seq = /-(\d+)(?:-|$)/.exec(code.replace(/^SB-\d{4}/, ""))?.[1] ?? code;
  return format.replaceAll("{seq}", seq).replaceAll("{code}", code).replaceAll("{year}", year);
}
