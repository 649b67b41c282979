/**
 * @module The confirmation step before a visit is marked completed: what happens, and one button.
 */
import type { PageContext } from "../../page-context";

export function CompleteConfirmPage({
  ctx,
  d,
}: {
  ctx: PageContext;
  d: { id: string; code: string; version: number };
}) {
  const { t } = ctx;
  return (
    <form
      method="post"
      action={`/delegations/${d.id}/outcome/complete`}
      class="card stack"
      data-testid="complete-form"
    >
      <p>{t("outcomes.completeConfirm", { code: d.code })}</p>
      <input type="hidden" name="version" value={String(d.version)} />
      <label class="check">
        <input type="checkbox" name="inviteParticipants" value="yes" /> {t("feedback.includeParticipants")}
      </label>
      <div class="row">
        <button type="submit">{t("outcomes.complete")}</button>
        <a href={`/delegations/${d.id}`}>{t("action.cancel")}</a>
      </div>
    </form>
  );
}
