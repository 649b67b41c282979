/**
 * @module The "feedback from visitors" section of a delegation's page (staff): the average rating, how
 * many answered of how many links, and each response.
 */
import type { FeedbackResults } from "../../../src/feedback/results";
import { localized } from "../../../src/i18n/dictionary";
import { formatDateTime } from "../../../src/i18n/format";
import { formatNumber } from "../../../src/reports/svg-charts";
import type { PageContext } from "../../page-context";

export function FeedbackSection({ ctx, r }: { ctx: PageContext; r: FeedbackResults }) {
  const { t } = ctx;
  return (
    <section id="feedback" class="card" aria-labelledby="feedback-heading" data-testid="feedback-section">
      <h2 id="feedback-heading">{t("feedback.section")}</h2>
      {r.links === 0 ? (
        <p>{t("feedback.noLinks")}</p>
      ) : r.average === null ? (
        <p>
          {t("feedback.none")} {t("reports.responsesValue", { responses: 0, links: r.links })}
        </p>
      ) : (
        <p data-testid="feedback-average">
          {t("feedback.average", {
            avg: formatNumber(r.average, ctx.locale, 1),
            responses: r.responses.length,
            links: r.links,
          })}
        </p>
      )}
      {r.responses.map((x) => (
        <article class="stack">
          <h3>
            {x.respondentName
              ? `${x.respondentName}${x.respondentTitle ? `, ${x.respondentTitle}` : ""}`
              : t("feedback.anonymous")}{" "}
            – {x.overallRating} / 5
          </h3>
          <p class="hint">{formatDateTime(x.updatedAt, ctx.locale, ctx.hostTimeZone)}</p>
          <dl>
            {Object.entries(x.sessionRatings).map(([id, n]) => {
              const s = r.sessions.get(id);
              return s ? (
                <>
                  <dt>{localized(ctx.locale, s.title, s.titleEn)}</dt>
                  <dd>{n} / 5</dd>
                </>
              ) : null;
            })}
            {x.mostUseful && (
              <>
                <dt>{t("feedback.mostUseful")}</dt>
                <dd>{x.mostUseful}</dd>
              </>
            )}
            {x.willReplicate && (
              <>
                <dt>{t("feedback.willReplicate")}</dt>
                <dd>{x.willReplicate}</dd>
              </>
            )}
            {x.comments && (
              <>
                <dt>{t("feedback.comments")}</dt>
                <dd>{x.comments}</dd>
              </>
            )}
          </dl>
        </article>
      ))}
    </section>
  );
}
