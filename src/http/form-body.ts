/**
 * @module Refuses a damaged form body up front: a `multipart/form-data` or URL-encoded POST whose body
 * the platform cannot parse (no boundary, truncated parts) is a 400 `validation_failed` here, instead of
 * an exception from whichever route reads it. The parsed form is cached on the request, so routes that
 * read it again (`c.req.parseBody()`) parse nothing twice.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context";
import { AppError } from "./errors";

const FORM_TYPES = ["multipart/form-data", "application/x-www-form-urlencoded"];

export function rejectMalformedForms(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const type = (c.req.header("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (!FORM_TYPES.includes(type) || c.req.method === "GET" || c.req.method === "HEAD") return next();
    try {
      await c.req.formData();
    } catch {
      throw new AppError("validation_failed", { messageKey: "error.malformedForm" });
    }
    return next();
  };
}
