/**
 * @module `createApp(deps)` builds the whole Hono application. It imports nothing from `node:*` and reads
 * no global environment: the Node server, the Workers entry and the tests all pass their own `deps`.
 * Middleware order matters: security headers → body limit → API flag → user → language → Origin check.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { limitHashing } from "./auth/hashing-limit";
import { resolveUser } from "./auth/session";
import { createSessions, sessionPolicyOf } from "./auth/sessions";
import { UPLOAD_BODY_LIMIT, UPLOAD_PATHS } from "./delegations/submission";
import { FEATURES } from "./features";
import { limitBody } from "./http/body-limit";
import type { AppDeps, AppEnv } from "./http/context";
import { onError, onNotFound } from "./http/error-handler";
import { type Feature, mountFeatures } from "./http/feature";
import { rejectMalformedForms } from "./http/form-body";
import { resolveLocale, setLocale } from "./http/locale";
import { apiDocument } from "./http/openapi";
import { requestLog } from "./http/request-log";
import { pageMatcher } from "./http/return-to";
import { noStoreWhenSignedIn, originCheck, securityHeaders } from "./http/security";
import { DEFAULT_LOCALE } from "./i18n/dictionary";

/** `features` defaults to the registry; tests may add one (e.g. to prove a guard stays in its feature). */
export function createApp(input: AppDeps, features: readonly Feature[] = FEATURES) {
  // Password hashing is capped per process, so a burst of sign-ins cannot starve every other request.
  const deps: AppDeps = { ...input, passwords: limitHashing(input.passwords) };
  const auth = createSessions(deps.db, sessionPolicyOf(deps.config));
  const app = new OpenAPIHono<AppEnv>();
  const isPage = pageMatcher(() => app.routes);

  app.use(async (c, next) => {
    c.set("deps", deps);
    c.set("isPage", isPage);
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

  // The document is built on first request, once the whole app is mounted, and kept.
  let document: unknown;
  mountFeatures(app, features, {
    sessions: auth,
    apiDocument: (serverUrl) => {
      document ??= apiDocument(app, { serverUrl });
      return document;
    },
  });

  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}

export type App = ReturnType<typeof createApp>;
