/**
 * @module The public log's one reader: published visits with ONLY public fields — the publication's own
 * (title, summary, photo, links), the visit's dates, the origin region's name and the leader's office.
 * Nothing else of a delegation (contacts, rosters, notes, feedback, commitments) is selected here, so no
 * public page or feed can show it.
 */
import { desc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { delegations } from "../../db/schema/delegations";
import { type PublicLink, publications } from "../../db/schema/publicity";
import { findProvince, findRegency } from "../regions/regions";

export interface PublicVisit {
  slug: string;
  title: string;
  summary: string;
  photoUrl: string | null;
  photoAlt: string | null;
  links: PublicLink[];
  visitStart: string;
  visitEnd: string;
  /** "Kota Batam, Kepulauan Riau", or the institution's name when no region is recorded. */
  origin: string;
  leaderOffice: string;
  publishedAt: Date;
  updatedAt: Date;
}

const COLUMNS = {
  slug: publications.slug,
  title: publications.title,
  summary: publications.summary,
  photoUrl: publications.photoUrl,
  photoAlt: publications.photoAlt,
  links: publications.links,
  visitStart: publications.visitStart,
  visitEnd: publications.visitEnd,
  publishedAt: publications.publishedAt,
  updatedAt: publications.updatedAt,
  provinceCode: delegations.provinceCode,
  regencyCode: delegations.regencyCode,
  institution: delegations.institution,
  leaderOffice: delegations.leaderTitle,
};

interface Row extends Omit<PublicVisit, "origin"> {
  provinceCode: string | null;
  regencyCode: string | null;
  institution: string;
}

function toPublic({ provinceCode, regencyCode, institution, ...r }: Row): PublicVisit {
  const province = provinceCode ? findProvince(provinceCode)?.name : undefined;
  const regency = regencyCode ? findRegency(regencyCode)?.name : undefined;
  const origin = [regency, province].filter(Boolean).join(", ") || institution;
  return { ...r, origin, links: r.links ?? [] };
}

/** Published visits, the most recent visit first (at most `limit`). */
export async function listPublicVisits(db: Queryable, limit = 200): Promise<PublicVisit[]> {
  const rows = await db
    .select(COLUMNS)
    .from(publications)
    .innerJoin(delegations, eq(delegations.id, publications.delegationId))
    .orderBy(desc(publications.visitStart))
    .limit(limit);
  return rows.map(toPublic);
}

export async function findPublicVisit(db: Queryable, slug: string): Promise<PublicVisit | null> {
  const row = await db
    .select(COLUMNS)
    .from(publications)
    .innerJoin(delegations, eq(delegations.id, publications.delegationId))
    .where(eq(publications.slug, slug))
    .get();
  return row ? toPublic(row) : null;
}
