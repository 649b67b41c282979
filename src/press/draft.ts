/**
 * @module The first press-release draft of a visit, in Bahasa Indonesia and the usual shape of a regional
 * humas release: headline, dateline ("BANYUWANGI – "), lead (who came — the leader and the officials with
 * them — from where, when, why), body (where they went, who received them, what was shown), commitments
 * made and a closing paragraph about the host. Humas edit it before saving; quotes are theirs to add. The
 * release is Indonesian-only, but its fixed sentences still come from the catalogue (`press.draft.*`).
 */
import { asc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { delegations, participants } from "../../db/schema/delegations";
import { commitments } from "../../db/schema/outcomes";
import { loadDelegationAgenda } from "../agenda/load-agenda";
import { getHostSettings } from "../host-settings/service";
import { AppError } from "../http/errors";
import { type Translate, translator } from "../i18n/dictionary";
import { dateRangeText } from "../mail/compose";
import { getOutcome } from "../outcomes/service";
import { findProvince, findRegency } from "../regions/regions";

export interface PressDraft {
  headline: string;
  dateline: string;
  lead: string;
  body: string;
  quotes: { speaker: string; title: string; text: string }[];
  commitments: string;
  closing: string;
}

/** The draft is Indonesian-only output: its fixed sentences come from the catalogue in Bahasa Indonesia. */
export const pressT: Translate = translator("id");

/** "a, b dan c". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return pressT("press.draft.list", { items: items.slice(0, -1).join(", "), last: items.at(-1) ?? "" });
}

/** The sentence of a field, or "" when the field is empty. */
const when = (value: string | null | undefined, sentence: (v: string) => string) =>
  value?.trim() ? sentence(value.trim()) : "";

export async function draftPressRelease(
  db: Queryable,
  delegationId: string,
  hostTimeZone: string,
): Promise<PressDraft> {
  const d = await db.select().from(delegations).where(eq(delegations.id, delegationId)).get();
  if (!d) throw new AppError("not_found");
  const host = await getHostSettings(db);
  const agenda = await loadDelegationAgenda(db, d.id, hostTimeZone);
  const outcome = await getOutcome(db, d.id);
  const roster = await db
    .select({ name: participants.name, title: participants.title })
    .from(participants)
    .where(eq(participants.delegationId, d.id))
    .orderBy(asc(participants.precedenceRank))
    .limit(6);
  const promised = await db
    .select({ what: commitments.what, targetDate: commitments.targetDate, status: commitments.status })
    .from(commitments)
    .where(eq(commitments.delegationId, d.id))
    .orderBy(asc(commitments.targetDate));

  const region = [
    d.regencyCode ? findRegency(d.regencyCode)?.name : null,
    d.provinceCode ? findProvince(d.provinceCode)?.name : null,
  ]
    .filter(Boolean)
    .join(", ");
  const dates = d.confirmedDates ? dateRangeText(d.confirmedDates, "id") : "";
  const companions = roster
    .filter((p) => p.name !== d.leaderName)
    .map((p) => pressT("press.draft.person", { name: p.name, title: p.title }));
  const items = (agenda?.items ?? []).filter((i) => i.status === "scheduled");
  const venues = [...new Set(items.flatMap((i) => (i.venue ? [i.venue.name] : [])))];
  const hosts = [
    ...new Map(
      items
        .flatMap((i) => i.hosts)
        .map((h) => [h.id, pressT("press.draft.hostPerson", { name: h.name, title: h.title })]),
    ).values(),
  ];

  const t = pressT;
  const trimEnd = (x: string) => x.replace(/\.*\s*$/, "");
  const leadParams = {
    leaderTitle: d.leaderTitle,
    leaderName: d.leaderName,
    origin: region ? t("press.draft.origin", { institution: d.institution, region }) : d.institution,
    host: host.governmentName,
    dates,
  };
  const lead = [
    t(dates ? "press.draft.leadOn" : "press.draft.lead", leadParams),
    companions.length ? t("press.draft.companions", { names: listText(companions) }) : "",
    when(d.purpose, (p) => t("press.draft.purpose", { purpose: trimEnd(p.replace(/^\s*(untuk\s+)?/i, "")) })),
  ]
    .filter(Boolean)
    .join(" ");
  const body = [
    venues.length ? t("press.draft.venues", { venues: listText(venues) }) : "",
    hosts.length ? t("press.draft.receivedBy", { hosts: listText(hosts) }) : "",
    when(outcome?.shown, (shown) => t("press.draft.shown", { shown })),
    outcome?.summary ?? "",
  ]
    .filter(Boolean)
    .join("\n\n");
  const open = promised.filter((c) => c.status !== "dropped");
  return {
    headline: t("press.draft.headline", {
      leaderTitle: d.leaderTitle,
      institution: d.institution,
      city: host.city,
    }),
    dateline: t("press.draft.dateline", { city: host.city.toUpperCase() }),
    lead,
    body,
    quotes: [],
    commitments: open.length
      ? t("press.draft.commitments", { items: open.map((c) => trimEnd(c.what)).join("; ") })
      : "",
    closing: [
      t("press.draft.closing", { host: host.governmentName }),
      when(host.website, (website) => t("press.draft.website", { website })),
    ]
      .filter(Boolean)
      .join(" "),
  };
}
