/**
 * @module The confirmation step before a destructive or outward action: what will happen, the input that
 * was sent (carried on as hidden fields), and two ways out — go ahead (the same POST again with
 * `confirmed=yes`) or go back. A plain page, so it works under the CSP (no inline script) and on a phone.
 */
import type { Child } from "hono/jsx";
import type { PageContext } from "../page-context";

export interface ConfirmStepProps {
  ctx: PageContext;
  /** What will happen, in one or two sentences. */
  message: string;
  /** Where the form posts (the action's own URL). */
  action: string;
  /** Where "go back" leads (the page the action was started from). */
  back: string;
  /** The posted fields to send again. */
  fields: Record<string, string>;
  /** Extra content shown above the buttons (a list of what is affected). */
  children?: Child;
  danger?: boolean;
}

export function ConfirmStep(props: ConfirmStepProps) {
  const { t } = props.ctx;
  return (
    <form method="post" action={props.action} class="card stack" data-testid="confirm-step">
      <p>
        <strong>{props.message}</strong>
      </p>
      {props.children}
      {Object.entries(props.fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="confirmed" value="yes" />
      <div class="row">
        <button type="submit" class={props.danger ? "danger" : undefined} data-testid="confirm-go">
          {t("confirm.go")}
        </button>
        <a href={props.back} data-testid="confirm-back">
          {t("confirm.back")}
        </a>
      </div>
    </form>
  );
}
