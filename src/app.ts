/**
 * @module `createApp(deps)` builds the whole Hono application. It imports nothing from `node:*` and reads
 * no global environment: the Node server, the Workers entry and the tests all pass their own `deps`.
 * Middleware order matters: security headers → body limit → API flag → user → language → Origin check.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { agendaRoutes } from "./agenda/routes";
import { auditApiDocs, auditRoutes } from "./audit/routes";
import { limitHashing } from "./auth/hashing-limit";
import { passwordRoutes } from "./auth/password-routes";
import { authApiDocs, authRoutes } from "./auth/routes";
import { resolveUser } from "./auth/session";
import { createSessions, sessionPolicyOf } from "./auth/sessions";
import { tokenRoutes, tokensApiDocs } from "./auth/token-routes";
import { closureRoutes, closuresApiDocs } from "./closures/routes";
import { UPLOAD_BODY_LIMIT, UPLOAD_PATHS } from "./delegations/submission";
import { FEATURES } from "./features";
import { limitBody } from "./http/body-limit";
import type { AppDeps, AppEnv } from "./http/context";
import { onError, onNotFound } from "./http/error-handler";
import { type Feature, mountFeatures } from "./http/feature";
import { rejectMalformedForms } from "./http/form-body";
import { resolveLocale, setLocale } from "./http/locale";
import { apiDocument, type RouteDoc } from "./http/openapi";
import { requestLog } from "./http/request-log";
import { noStoreWhenSignedIn, originCheck, securityHeaders } from "./http/security";
import { systemApiDocs, systemRoutes } from "./http/system-routes";
import { DEFAULT_LOCALE } from "./i18n/dictionary";
import { mailApiDocs, mailRoutes } from "./mail/routes";
import { regionRoutes, regionsApiDocs } from "./regions/routes";

/** The documentation of API routes not yet declared with `apiRoute`, for /api/v1/openapi.json. */
export const API_DOCS: readonly RouteDoc[] = [
  ...authApiDocs,
  ...tokensApiDocs,
  ...auditApiDocs,
  ...systemApiDocs,
  ...mailApiDocs,
  ...closuresApiDocs,
  ...regionsApiDocs,
];

/** `features` defaults to the registry; tests may add one (e.g. to prove a guard stays in its feature). */
export function createApp(input: AppDeps, features: readonly Feature[] = FEATURES) {
  // Password hashing is capped per process, so a burst of sign-ins cannot starve every other request.
  const deps: AppDeps = { ...input, passwords: limitHashing(input.passwords) };
  const auth = createSessions(deps.db, sessionPolicyOf(deps.config));
  const app = new OpenAPIHono<AppEnv>();

  app.use(async (c, next) => {
    c.set("deps", deps);
    c.set("isApi", c.req.path.startsWith("/api/"));
    setLocale(c, DEFAULT_LOCALE);
    return next();
  });
  app.use(securityHeaders());
  const defaultLimit = limitBody(deps.config.bodyLimitBytes);
  // Visit requests may carry a letter file (≤ 5 MB), more than the default limit.
  const uploadLimit = limitBody(Math.max(deps.config.bodyLimitBytes, UPLOAD_BODY_LIMIT));
  app.use((c, next) => (UPLOAD_PATHS.includes(c.req.path) ? uploadLimit : defaultLimit)(c, next));
  app.use(rejectMalformedForms());
  app.use(resolveUser(auth, deps));
  app.use(noStoreWhenSignedIn());
  app.use(resolveLocale());
  app.use(originCheck(() => [deps.config.baseUrl]));
  if (deps.config.logRequests) {
    app.use(requestLog(deps.logger));
  }

  app.route(
    "/",
    systemRoutes((serverUrl) => apiDocument(app, API_DOCS, { serverUrl })),
  );
  app.route("/", authRoutes(auth));
  app.route("/", passwordRoutes());
  mountFeatures(app, features);
  app.route("/", tokenRoutes());
  app.route("/", auditRoutes());
  app.route("/", mailRoutes());
  app.route("/", closureRoutes());
  app.route("/", regionRoutes());
  app.route("/", agendaRoutes());

  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}

export type App = ReturnType<typeof createApp>;
