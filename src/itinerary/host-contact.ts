/**
 * @module The host's protocol contact as visitors see it (itinerary page, PDF, withdrawn page and the
 * visitor's status page): government and office, address, phone, WhatsApp and e-mail from the
 * host-settings record. Pure; empty fields are left out.
 */
import type { HostSettings } from "../host-settings/service";
import { whatsappUrl } from "./whatsapp";

export interface HostContactView {
  government: string;
  office: string;
  address: string;
  phone: string | null;
  whatsapp: string | null;
  whatsappUrl: string | null;
  email: string | null;
}

export function hostContactView(
  s: Pick<HostSettings, "governmentName" | "officeName" | "address" | "phone" | "whatsapp" | "email">,
): HostContactView {
  const whatsapp = s.whatsapp?.trim() || null;
  return {
    government: s.governmentName,
    office: s.officeName,
    address: s.address,
    phone: s.phone?.trim() || null,
    whatsapp,
    whatsappUrl: whatsappUrl(whatsapp),
    email: s.email?.trim() || null,
  };
}
