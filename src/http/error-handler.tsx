/**
 * @module One place that turns errors into responses: JSON `{"error": {code, message, details}}` under
 * /api, an error page (or a sign-in redirect) for browsers. Unknown errors are logged and answered 500
 * with a generic message: never a stack trace.
 */
import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { isDatabaseBusy } from "../../db/busy";
import { ErrorPage } from "../../views/pages/error";
import { translate } from "../i18n/dictionary";
import type { AppContext, AppEnv } from "./context";
import { AppError } from "./errors";
import { pageContext } from "./render";

function wantsJson(c: AppContext): boolean {
  return c.get("isApi") || (c.req.header("Accept") ?? "").startsWith("application/json");
}

function fromHttpException(err: HTTPException, c: AppContext): AppError {
  if (err.status === 413) return new AppError("payload_too_large");
  // Hono's JSON validator (declared endpoints): unparsable JSON, or a body that is not JSON at all.
  if ((err.status === 400 && err.message.startsWith("Malformed JSON")) || err.status === 415) {
    const locale = c.get("locale") ?? "id";
    // 415: a form or text body where JSON is declared (what a cross-site <form> can send).
    const messageKey = err.status === 415 ? "error.jsonContentType" : "error.malformedJson";
    return new AppError("validation_failed", {
      messageKey,
      details: { fields: { _: [translate(locale, messageKey)] } },
    });
  }
  if (err.status === 400) return new AppError("validation_failed");
  if (err.status === 401) return new AppError("unauthenticated");
  if (err.status === 403) return new AppError("forbidden");
  if (err.status === 404) return new AppError("not_found");
  return new AppError("internal");
}

function respondWithError(c: AppContext, error: AppError) {
  const locale = c.get("locale") ?? "id";
  const message = translate(locale, error.messageKey, error.params);
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  c.header("Cache-Control", "no-store");
  if (wantsJson(c)) {
    return c.json(
      {
        error: {
          code: error.code,
          message,
          ...(error.details !== undefined ? { details: error.details } : {}),
        },
      },
      error.status,
    );
  }
  if (error.code === "unauthenticated" && c.req.method === "GET") {
    return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
  }
  // The language switch of an error page goes home: echoing the path would repeat a secret link's token,
  // and a revoked link's page must not differ from an unknown one's.
  const ctx = { ...pageContext(c), returnTo: "/" };
  return c.html(<ErrorPage ctx={ctx} message={message} />, error.status);
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof AppError) return respondWithError(c, err);
  if (err instanceof HTTPException) return respondWithError(c, fromHttpException(err, c));
  // A libSQL server over its concurrency limit (429) or a transaction it rolled back: nothing was written.
  if (isDatabaseBusy(err))
    return respondWithError(c, new AppError("unavailable", { headers: { "Retry-After": "1" } }));
  c.get("deps")?.logger.error("unhandled error", {
    method: c.req.method,
    path: c.req.path,
    error: err instanceof Error ? (err.stack ?? err.message) : String(err),
  });
  return respondWithError(c, new AppError("internal"));
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) => respondWithError(c, new AppError("not_found"));
