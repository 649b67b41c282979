/**
 * @module Shown when a staff edit was based on an old version: the other person's current values next to
 * what this user typed, so nothing is silently overwritten and nothing typed is lost.
 */
import type { PageContext } from "../../page-context";

export function StalePage({
  ctx,
  who,
  version,
  rows,
  reloadHref,
}: {
  ctx: PageContext;
  who: string;
  version: number;
  rows: { label: string; yours: string; current: string }[];
  reloadHref: string;
}) {
  const { t } = ctx;
  return (
    <>
      <div class="alert warn" role="alert" data-testid="stale">
        {t("delegations.staleIntro", { who, version })}
      </div>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th />
              <th>{t("delegations.staleYours")}</th>
              <th>{t("delegations.staleCurrent")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr class={r.yours !== r.current ? "changed" : undefined}>
                <th>{r.label}</th>
                <td>{r.yours}</td>
                <td>{r.current}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a class="button" href={reloadHref}>
          {t("delegations.staleReload")}
        </a>
      </p>
    </>
  );
}
