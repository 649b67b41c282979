/** @module The flag on an agenda item that falls outside its visit's confirmed dates (agenda, rundown, invitations). */
import type { PageContext } from "../page-context";

export function OutsideDatesBadge({ ctx }: { ctx: PageContext }) {
  return (
    <span class="badge warn" data-testid="outside-dates">
      {ctx.t("dates.outside")}
    </span>
  );
}
