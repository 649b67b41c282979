/**
 * @module Builds and caches what a share link publishes (page, calendar, PDF) per agenda version. Each
 * output is built once per (link, language, version key) and then served from memory with its ETag; a
 * conditional request that matches costs one indexed query and a hash. Before the first build of a new
 * version the revision is recorded, so change notes and every output agree.
 */
import { LRUCache } from "lru-cache";
import type { Db } from "../../db/client";
import { ItineraryPage } from "../../views/pages/itinerary/itinerary-page";
import type { ShareLinkTarget } from "../agenda/agenda-version";
import { loadDelegationAgenda } from "../agenda/load-agenda";
import { ensureRevision } from "../agenda/revisions";
import { itineraryUrl } from "../agenda/share-links";
import { delegationCalendar } from "../calendar/delegation-calendar";
import { IcsCache, type IcsCacheEntry, type IcsCacheKey, icsVersionKey, makeEtag } from "../calendar/index";
import type { Config } from "../config";
import { getHostSettings } from "../host-settings/service";
import { type Locale, translator } from "../i18n/dictionary";
import { hostContactView } from "./host-contact";
import { itineraryPdf } from "./pdf";
import { qrSvg } from "./qr-svg";
import { buildItineraryView } from "./view-model";

/** Bump when the page or PDF output changes for the same data (ETags derive from it, like ICS_FORMAT_VERSION). */
export const ITINERARY_FORMAT_VERSION = "itin-2";

export type PublishedKind = "page" | "ics" | "pdf";

export interface PublishRequest {
  target: ShareLinkTarget;
  token: string;
  locale: Locale;
  now: Date;
}

export function createItineraryPublisher(deps: { db: Db; config: Config }) {
  const text = new IcsCache({ maxEntries: 1000 });
  // PDFs are larger and rarer than pages: keep the 100 most recently used, one version per (link, language).
  const binary = new LRUCache<string, { version: string; bytes: Uint8Array }>({ max: 100 });
  const etags = new LRUCache<string, string>({ max: 5000 });

  const keyOf = (kind: PublishedKind, r: PublishRequest): IcsCacheKey => ({
    kind: `itinerary-${kind}-${ITINERARY_FORMAT_VERSION}`,
    id: `${r.target.linkId}:${r.locale}`,
    version: `${r.target.versionKey}|h${r.target.hostVersion}`,
  });

  async function load(r: PublishRequest) {
    const revision = await ensureRevision(deps.db, {
      delegationId: r.target.delegationId,
      versionKey: r.target.versionKey,
      now: r.now,
      hostTimeZone: deps.config.hostTimeZone,
    });
    const agenda = await loadDelegationAgenda(deps.db.orm, r.target.delegationId, deps.config.hostTimeZone);
    if (!agenda) throw new Error("itinerary: delegation vanished");
    const t = translator(r.locale);
    const host = hostContactView(await getHostSettings(deps.db.orm));
    const view = buildItineraryView({
      delegation: agenda.delegation,
      items: agenda.items,
      revision,
      organizer: { name: deps.config.organizerName, phone: deps.config.organizerPhone },
      host,
      locale: r.locale,
      t,
      hostTimeZone: deps.config.hostTimeZone,
    });
    return { agenda, view, t, revision, url: itineraryUrl(deps.config.baseUrl, r.token) };
  }

  return {
    /** The ETag a published output has at this version, without building it (memoised: a hash per request adds up). */
    async etag(kind: PublishedKind, r: PublishRequest): Promise<string> {
      const versionKey = icsVersionKey(keyOf(kind, r));
      const known = etags.get(versionKey);
      if (known) return known;
      const etag = await makeEtag(versionKey);
      etags.set(versionKey, etag);
      return etag;
    },

    page(r: PublishRequest): Promise<IcsCacheEntry> {
      return text.getOrBuild(keyOf("page", r), async () => {
        const { view, t, url } = await load(r);
        const path = `/i/${r.token}`;
        const html = await (
          <ItineraryPage
            view={view}
            t={t}
            path={path}
            url={url}
            webcalUrl={`${url}/calendar.ics`.replace(/^https?:/, "webcal:")}
            qrSvg={qrSvg(url, t("itinerary.qr"))}
          />
        ).toString();
        return `<!DOCTYPE html>${html}`;
      });
    },

    ics(r: PublishRequest): Promise<IcsCacheEntry> {
      return text.getOrBuild(keyOf("ics", r), async () => {
        const { agenda, url } = await load(r);
        return delegationCalendar({
          delegation: agenda.delegation,
          items: agenda.items,
          locale: r.locale,
          now: r.now,
          url,
        });
      });
    },

    async pdf(r: PublishRequest): Promise<{ bytes: Uint8Array; etag: string }> {
      const key = keyOf("pdf", r);
      const slot = `${key.id}`;
      const etag = await makeEtag(icsVersionKey(key));
      const hit = binary.get(slot);
      if (hit && hit.version === String(key.version)) return { bytes: hit.bytes, etag };
      const { view, t, url, revision } = await load(r);
      const bytes = await itineraryPdf({ view, url, t, now: revision.createdAt });
      binary.set(slot, { version: String(key.version), bytes });
      return { bytes, etag };
    },
  };
}
