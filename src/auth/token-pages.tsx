/**
 * @module Admin API-token page at /admin/tokens: list, create (the secret is shown once, on the page the
 * 303 leads to) and revoke (after a confirmation). The JSON API is in `tokens-api.ts`.
 */
import { Hono } from "hono";
import { TokensPage } from "../../views/pages/admin/tokens";
import { confirmStep, isConfirmed } from "../http/confirm-step";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { redirectWithFlash, takeFlash } from "../http/flash";
import { pageContext, renderPage } from "../http/render";
import { auditedTransaction } from "../http/service-context";
import { readForm } from "../http/validate";
import { listUsers } from "../users/service";
import { createApiToken, listApiTokens, revokeApiToken, tokenInput } from "./api-tokens";
import { actorOf, requireRole } from "./guard";
import { ADMIN } from "./roles";

async function showPage(
  c: AppContext,
  extra: { created?: string; notice?: string } = {},
  status: 200 | 400 = 200,
  errors?: Record<string, string[]>,
) {
  const { db } = c.get("deps");
  const [tokens, users] = await Promise.all([listApiTokens(db), listUsers(db)]);
  const owners = users.filter((u) => !u.disabledAt).map((u) => ({ id: u.id, email: u.email }));
  return renderPage(
    c,
    c.get("t")("tokens.title"),
    <TokensPage ctx={pageContext(c)} tokens={tokens} owners={owners} errors={errors} {...extra} />,
    status,
  );
}

export function tokenPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(ADMIN));

  app.get("/", (c) => {
    const flash = takeFlash(c);
    return showPage(c, { created: flash.secret, notice: flash.notice });
  });
  app.post("/", async (c) => {
    const form = await readForm(c, tokenInput);
    if (!form.ok) return showPage(c, {}, 400, form.errors);
    const actor = actorOf(c);
    const { db, clock } = c.get("deps");
    const now = clock();
    const { token } = await createApiToken(
      { now, transaction: auditedTransaction(db, actor, now) },
      { owner: form.data.userId ?? actor.id, name: form.data.name },
    );
    return redirectWithFlash(c, "/admin/tokens", { secret: token });
  });
  app.post("/:id/revoke", async (c) => {
    const { db, clock } = c.get("deps");
    const t = c.get("t");
    if (!(await isConfirmed(c))) {
      const token = (await listApiTokens(db)).find((k) => k.id === c.req.param("id"));
      if (!token) throw new AppError("not_found");
      return confirmStep(c, {
        message: t("tokens.confirmRevoke", { name: token.name }),
        back: "/admin/tokens",
      });
    }
    const now = clock();
    await revokeApiToken({ now, transaction: auditedTransaction(db, actorOf(c), now) }, c.req.param("id"));
    return redirectWithFlash(c, "/admin/tokens", { notice: t("tokens.revoked") });
  });
  return app;
}
