/**
 * @module The one error type services throw at request time, and its mapping to HTTP.
 * `app.onError` turns an AppError into the JSON shape `{"error": {code, message, details}}` for the API,
 * or an error page for browsers; anything else is logged and answered as a generic 500, never a stack trace.
 */
import type { MessageKey, Params } from "../i18n/dictionary";
import { errorKey } from "../i18n/keys";

export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

interface AppErrorOptions {
  /** Dictionary key of the message; defaults to `error.<code>`. */
  messageKey?: MessageKey;
  params?: Params;
  details?: unknown;
  /** Extra response headers, e.g. Retry-After. */
  headers?: Record<string, string>;
}

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly status: (typeof ERROR_STATUS)[ErrorCode];
  readonly messageKey: MessageKey;
  readonly params?: Params;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.messageKey ?? `error.${code}`);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.messageKey = options.messageKey ?? errorKey(code);
    this.params = options.params;
    this.details = options.details;
    this.headers = options.headers;
  }
}

export const notFound = (options?: AppErrorOptions) => new AppError("not_found", options);
export const stale = (details: { currentVersion: number; current?: unknown }) =>
  new AppError("stale", { details });
