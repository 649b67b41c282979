/**
 * @module The public log of visits (/kunjungan) and a published visit's page: only `PublicVisit` fields.
 */

import { dateRangeText } from "../../../src/mail/compose";
import type { PublicVisit } from "../../../src/publicity/public-visits";
import type { PageContext } from "../../page-context";

export function PublicLogPage({
  ctx,
  host,
  visits,
}: {
  ctx: PageContext;
  host: string;
  visits: PublicVisit[];
}) {
  const { t } = ctx;
  return (
    <div class="public-visit">
      <p>{t("publicLog.intro", { host })}</p>
      {visits.length === 0 ? (
        <p>{t("publicLog.none")}</p>
      ) : (
        <ul class="visit-list" data-testid="public-visits">
          {visits.map((v) => (
            <li>
              <h2>
                <a href={`/kunjungan/${v.slug}`}>{v.title}</a>
              </h2>
              <p>
                {dateRangeText({ start: v.visitStart, end: v.visitEnd }, ctx.locale)} · {v.origin}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/kunjungan/feed.atom" type="application/atom+xml">
          {t("publicLog.feed")}
        </a>
      </p>
    </div>
  );
}

export function PublicVisitPage({ ctx, v }: { ctx: PageContext; v: PublicVisit }) {
  const { t } = ctx;
  return (
    <article class="public-visit" data-testid="public-visit">
      <p>
        <a href="/kunjungan">{t("publicLog.back")}</a>
      </p>
      <dl>
        <dt>{t("publicLog.dates")}</dt>
        <dd>{dateRangeText({ start: v.visitStart, end: v.visitEnd }, ctx.locale)}</dd>
        <dt>{t("publicLog.origin")}</dt>
        <dd>{v.origin}</dd>
        <dt>{t("publicLog.leader")}</dt>
        <dd>{v.leaderOffice}</dd>
      </dl>
      {v.photoUrl && <img src={v.photoUrl} alt={v.photoAlt ?? ""} loading="lazy" />}
      {v.summary.split(/\n{2,}/).map((para) => (
        <p>{para}</p>
      ))}
      {v.links.length > 0 && (
        <>
          <h2>{t("publicLog.links")}</h2>
          <ul>
            {v.links.map((l) => (
              <li>
                <a href={l.url} rel="noopener">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
