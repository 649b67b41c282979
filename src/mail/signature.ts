/**
 * @module The signature under every mail, from the host-settings record: the office's name, the
 * government, the address, and how to reach the office (phone, WhatsApp, e-mail) when they are set.
 */
import type { HostSettings } from "../host-settings/service";
import type { Translate } from "../i18n/dictionary";

export interface OfficeSignature {
  officeName: string;
  governmentName: string;
  address: string;
  phone: string | null;
  whatsapp: string | null;
  email: string | null;
}

export function officeSignatureOf(s: HostSettings): OfficeSignature {
  return {
    officeName: s.officeName,
    governmentName: s.governmentName,
    address: s.address,
    phone: s.phone,
    whatsapp: s.whatsapp,
    email: s.email,
  };
}

/** The signature's lines in the mail's language (the first is the office). */
export function signatureLines(office: OfficeSignature, t: Translate): string[] {
  const reach = [
    office.phone ? t("mail.sign.phone", { phone: office.phone }) : null,
    office.whatsapp ? t("mail.sign.whatsapp", { phone: office.whatsapp }) : null,
    office.email ? t("mail.sign.email", { email: office.email }) : null,
  ].filter((l): l is string => l !== null);
  return [
    office.officeName,
    office.governmentName,
    ...office.address
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0),
    ...(reach.length > 0 ? [reach.join(" · ")] : []),
  ];
}
