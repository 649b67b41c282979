/** @module The delivery state of one message as a badge, the same words and tone on every page. */
import { mailStateKey } from "../../src/i18n/keys";
import { type MailState, mailStateTone } from "../../src/mail/delivery-state";
import type { PageContext } from "../page-context";

export function MailStateBadge({ ctx, state }: { ctx: Pick<PageContext, "t">; state: MailState }) {
  const tone = mailStateTone(state);
  return (
    <span class={tone ? `badge ${tone}` : "badge"} data-mail-state={state}>
      {ctx.t(mailStateKey(state))}
    </span>
  );
}
