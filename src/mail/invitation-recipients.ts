/**
 * @module Who may receive a delegation's invitations, and in which form. The candidates: the contact
 * person, each participant with a usable e-mail address, and each host of a booked session. Staff tick
 * them (all ticked by default) and choose the form per recipient: `itinerary` — one mail with the
 * itinerary link, its PDF, the calendar subscribe link and one calendar file of every session (the default
 * for the visitors) — or `sessions` — one calendar invitation per session (iTIP REQUEST; the default for
 * hosts, who get only the sessions they host).
 */
import { z } from "@hono/zod-openapi";
import type { AgendaEntry, AgendaParticipant } from "../agenda/load-agenda";
import { AppError } from "../http/errors";
import type { Locale, Translate } from "../i18n/dictionary";
import { isSafeAddress, type Mailbox } from "./header-safety";

export const INVITATION_FORMS = ["itinerary", "sessions"] as const;
export type InvitationForm = (typeof INVITATION_FORMS)[number];
export type RecipientRole = "contact" | "participant" | "host";

export interface Candidate extends Mailbox {
  /** `contact`, `participant:{id}` or `host:{id}`: what a form or API body names. */
  key: string;
  role: RecipientRole;
  locale: Locale;
  /** The sessions this recipient is invited to (a host: the ones they host). */
  itemIds: string[];
  defaultForm: InvitationForm;
}

export const RECIPIENT_KEY = /^(contact|participant:[A-Za-z0-9_-]{1,64}|host:[A-Za-z0-9_-]{1,64})$/;

export const recipientChoiceSchema = z.strictObject({
  key: z
    .string()
    .regex(RECIPIENT_KEY)
    .openapi({ description: "`contact`, `participant:{id}` or `host:{id}`" }),
  form: z.enum(INVITATION_FORMS),
});
export type RecipientChoice = z.infer<typeof recipientChoiceSchema>;

export function candidatesOf(input: {
  contact: { name: string; email: string };
  language: Locale;
  participants: readonly AgendaParticipant[];
  items: readonly AgendaEntry[];
}): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  const add = (c: Omit<Candidate, "email"> & { email: string | null }) => {
    const email = c.email?.trim().toLowerCase() ?? "";
    if (!isSafeAddress(email) || seen.has(email)) return;
    seen.add(email);
    out.push({ ...c, email });
  };
  const visitorItems = input.items.map((i) => i.id);
  const visitor = { locale: input.language, itemIds: visitorItems, defaultForm: "itinerary" as const };
  add({ key: "contact", role: "contact", name: input.contact.name, email: input.contact.email, ...visitor });
  for (const p of input.participants) {
    add({ key: `participant:${p.id}`, role: "participant", name: p.name, email: p.email, ...visitor });
  }
  const hosts = new Map<string, { name: string; email: string | null; itemIds: string[] }>();
  for (const item of input.items) {
    if (item.status !== "scheduled") continue;
    for (const h of item.hosts) {
      const entry = hosts.get(h.id) ?? { name: h.name, email: h.email, itemIds: [] };
      entry.itemIds.push(item.id);
      hosts.set(h.id, entry);
    }
  }
  for (const [id, h] of hosts) {
    add({ key: `host:${id}`, role: "host", locale: "id", defaultForm: "sessions", ...h });
  }
  return out;
}

/** Everyone ticked, each in their default form. */
export function defaultChoice(candidates: readonly Candidate[]): RecipientChoice[] {
  return candidates.map((c) => ({ key: c.key, form: c.defaultForm }));
}

export interface ChosenRecipient {
  candidate: Candidate;
  form: InvitationForm;
}

/** The chosen candidates; an unknown or repeated key is a field error (`recipients.{n}.key`). */
export function resolveChoice(
  candidates: readonly Candidate[],
  choice: readonly RecipientChoice[],
  t: Translate,
): ChosenRecipient[] {
  const byKey = new Map(candidates.map((c) => [c.key, c]));
  const fields: Record<string, string[]> = {};
  const used = new Set<string>();
  const out: ChosenRecipient[] = [];
  choice.forEach((ch, i) => {
    const candidate = byKey.get(ch.key);
    if (!candidate || used.has(ch.key)) {
      fields[`recipients.${i}.key`] = [
        t(candidate ? "mail.inv.duplicateRecipient" : "mail.inv.unknownRecipient"),
      ];
      return;
    }
    used.add(ch.key);
    out.push({ candidate, form: ch.form });
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError("validation_failed", { messageKey: "mail.inv.badChoice", details: { fields } });
  }
  return out;
}
