/** @module The staff home page: a welcome and the user's role. Features add their own summaries. */
import type { PageContext } from "../page-context";

export function HomePage({ ctx }: { ctx: PageContext }) {
  const { t, user } = ctx;
  if (!user) return null;
  return (
    <>
      <p>{t("home.intro", { role: t(`role.${user.role}`) })}</p>
      <p class="muted">{t("time.zoneNote")}</p>
    </>
  );
}
