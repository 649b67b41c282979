/**
 * @module The first press-release draft of a visit, in Bahasa Indonesia and the usual shape of a regional
 * humas release: headline, dateline ("BANYUWANGI – "), lead (who came — the leader and the officials with
 * them — from where, when, why), body (where they went, who received them, what was shown), commitments
 * made and a closing paragraph about the host. Humas edit it before saving; quotes are theirs to add.
 */
import { asc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { delegations, participants } from "../../db/schema/delegations";
import { commitments } from "../../db/schema/outcomes";
import { loadDelegationAgenda } from "../agenda/load-agenda";
import { getHostSettings } from "../host-settings/service";
import { AppError } from "../http/errors";
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

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} dan ${items.at(-1)}`;

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
  const companions = roster.filter((p) => p.name !== d.leaderName).map((p) => `${p.name} (${p.title})`);
  const items = (agenda?.items ?? []).filter((i) => i.status === "scheduled");
  const venues = [...new Set(items.flatMap((i) => (i.venue ? [i.venue.name] : [])))];
  const hosts = [
    ...new Map(items.flatMap((i) => i.hosts).map((h) => [h.id, `${h.name}, ${h.title}`])).values(),
  ];

  const lead = [
    `${d.leaderTitle} ${d.leaderName} memimpin rombongan ${d.institution}${region ? ` (${region})` : ""} dalam kunjungan studi banding ke ${host.governmentName}${dates ? ` pada ${dates}` : ""}.`,
    companions.length ? `Turut hadir ${list(companions)}.` : "",
    d.purpose
      ? `Kunjungan ini bertujuan ${d.purpose.replace(/^\s*(untuk\s+)?/i, "").replace(/\.*\s*$/, "")}.`
      : "",
  ]
    .filter(Boolean)
    .join(" ");
  const body = [
    venues.length ? `Selama kunjungan, rombongan mendatangi ${list(venues)}.` : "",
    hosts.length ? `Rombongan diterima oleh ${list(hosts)}.` : "",
    outcome?.shown ? `Yang ditunjukkan kepada rombongan: ${outcome.shown}` : "",
    outcome?.summary ?? "",
  ]
    .filter(Boolean)
    .join("\n\n");
  const open = promised.filter((c) => c.status !== "dropped");
  return {
    headline: `${d.leaderTitle} Pimpin Studi Banding ${d.institution} ke ${host.city}`,
    dateline: `${host.city.toUpperCase()} – `,
    lead,
    body,
    quotes: [],
    commitments: open.length
      ? `Dari kunjungan ini disepakati tindak lanjut: ${open.map((c) => c.what.replace(/\.*\s*$/, "")).join("; ")}.`
      : "",
    closing: `${host.governmentName} terbuka bagi daerah lain yang ingin belajar dari inovasi pelayanan publiknya.${host.website ? ` Informasi kunjungan: ${host.website}.` : ""}`,
  };
}
