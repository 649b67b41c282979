/**
 * @module Confirm before acting: a form POST for a destructive or outward action (decline, cancel, delete,
 * revoke, deactivate, send) is answered first with a confirmation page; only the same POST carrying
 * `confirmed=yes` (the page's own button) acts. API (JSON) routes need no such step: their callers decide.
 */
import type { Child } from "hono/jsx";
import { ConfirmStep } from "../../views/components/confirm-step";
import type { AppContext } from "./context";
import { pageContext, renderPage } from "./render";

/** The posted string fields, without the confirmation flag and the CSRF token. */
export async function postedFields(c: AppContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string" && k !== "confirmed" && k !== "_csrf") out[k] = v;
  }
  return out;
}

/** True when this POST came from the confirmation page's button. */
export async function isConfirmed(c: AppContext): Promise<boolean> {
  const body = await c.req.parseBody();
  return body.confirmed === "yes";
}

/** Renders the confirmation page for the current POST (200: nothing has happened yet). */
export async function confirmStep(
  c: AppContext,
  spec: {
    message: string;
    back: string;
    danger?: boolean;
    children?: Child;
    action?: string;
    /** Posted fields the page asks for again (not carried on as hidden fields). */
    omit?: readonly string[];
    status?: 200 | 400 | 409;
  },
) {
  const fields = await postedFields(c);
  for (const k of spec.omit ?? []) delete fields[k];
  const t = c.get("t");
  return renderPage(
    c,
    t("confirm.title"),
    <ConfirmStep
      ctx={pageContext(c)}
      message={spec.message}
      action={spec.action ?? new URL(c.req.url).pathname}
      back={spec.back}
      fields={fields}
      danger={spec.danger ?? true}
    >
      {spec.children}
    </ConfirmStep>,
    spec.status ?? 200,
  );
}
