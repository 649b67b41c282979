/**
 * @module Declaring an API endpoint once. `apiRoute({...})` is `@hono/zod-openapi`'s `createRoute` plus
 * the house rules: the role guard runs as the route's own middleware (never a prefix-wide `use()`), the
 * operation gets its `operationId`, security and `x-roles`, and the error responses its inputs can cause
 * (400 for a request schema, 413 for a body, 401/403 for roles, 404 for a path id, plus any listed; a
 * `default` for 500/503) in the one `Error` shape. `featureApi()` makes the feature's sub-app whose
 * validation failures become the usual bilingual `validation_failed` error; handlers read
 * `c.req.valid("json" | "query" | "param")`.
 */
import { createRoute, OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import type { Role } from "../../db/schema/auth";
import { requireRole } from "../auth/guard";
import type { AppEnv } from "./context";
import { AppError, ERROR_STATUS, type ErrorCode } from "./errors";
import { fieldErrors, parseWith } from "./validate";

/** The one JSON error shape every operation documents (see error-handler.tsx). */
const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string().openapi({ description: "In the request language" }),
      details: z.unknown().optional().openapi({
        description: 'For validation_failed: `{ fields: { "path.to.field": [messages] } }`',
      }),
    }),
  })
  .openapi("Error");

const ERROR_DESCRIPTION: Record<number, string> = {
  400: "Invalid input (validation_failed), with per-field messages",
  401: "Not signed in (unauthenticated)",
  403: "Signed in without one of the allowed roles (forbidden)",
  404: "No such resource (not_found)",
  409: "Conflict, or the edit was based on a stale version",
  413: "Body too large (payload_too_large)",
  429: "Too many attempts (rate_limited)",
};

const errorResponse = (status: number) => ({
  description: ERROR_DESCRIPTION[status] ?? "Error",
  content: { "application/json": { schema: ErrorSchema } },
});

type Method = "get" | "post" | "put" | "patch" | "delete";

interface ApiRouteConfig extends Omit<RouteConfig, "method" | "operationId" | "tags" | "summary"> {
  method: Method;
  /** Relative to the feature's prefix, OpenAPI style: `/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** Roles allowed; omitted means public. */
  roles?: readonly Role[];
  /** Further error statuses the handler answers (401 of a public sign-in, 409, 429 …). */
  errors?: readonly (401 | 409 | 429)[];
}

type ErrorResponses = Record<400 | 401 | 403 | 404 | 409 | 413 | 429, ReturnType<typeof errorResponse>>;

/** One endpoint: path, guard, schemas, responses and operationId in one declaration. */
export function apiRoute<const C extends ApiRouteConfig>(config: C) {
  const { roles, errors = [], tag, ...rest } = config;
  const statuses = new Set<number>(errors);
  if (rest.request) statuses.add(400);
  // Every body passes the app's size limit first.
  if (rest.request?.body) statuses.add(413);
  // A path parameter (here or in the feature's prefix) can name nothing.
  if (/\{\w+\}/.test(rest.path) || rest.request?.params) statuses.add(404);
  if (roles) {
    statuses.add(401);
    statuses.add(403);
  }
  const errorResponses = Object.fromEntries([...statuses].sort().map((s) => [s, errorResponse(s)]));
  const middleware = [
    ...(roles ? [requireRole(roles)] : []),
    ...(rest.middleware ? (Array.isArray(rest.middleware) ? rest.middleware : [rest.middleware]) : []),
  ];
  const route = {
    ...rest,
    tags: [tag],
    security: roles ? [{ bearer: [] }, { session: [] }] : [],
    ...(roles ? { "x-roles": [...roles] } : {}),
    middleware,
    // Any operation may fail unexpectedly (500 internal) or meet a busy database (503 unavailable).
    responses: {
      ...errorResponses,
      ...rest.responses,
      default: { ...errorResponse(0), description: "Unexpected error (internal, unavailable)" },
    },
  } as RouteConfig;
  return createRoute(route) as unknown as Omit<C, "responses" | "middleware"> & {
    responses: C["responses"] & Partial<ErrorResponses>;
    middleware: ReturnType<typeof requireRole>[];
    getRoutingPath(): string;
  };
}

/** A JSON response body for `responses: { 200: json(schema, "…") }`. */
export function json<S extends z.ZodType>(schema: S, description = "OK") {
  return { description, content: { "application/json": { schema } } };
}

/**
 * A request body the handler validates itself (a JSON-or-multipart upload, a CSV file): documented from
 * `schema` (or as text), but no validator is installed for it.
 */
export function selfValidatedBody(
  mediaTypes: readonly string[],
  schema?: z.ZodType,
  required = true,
): NonNullable<NonNullable<RouteConfig["request"]>["body"]> {
  const documented = schema
    ? (({ $schema: _drop, ...rest }) => rest)(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }))
    : { type: "string" as const };
  return {
    required,
    content: Object.fromEntries(
      mediaTypes.map((type) => [type, { schema: documented as { type: "object" } }]),
    ),
  };
}

type Targets = "json" | "query" | "param" | "form" | "header" | "cookie";

function schemaOf(route: RouteConfig, target: Targets): z.ZodType | undefined {
  const request = route.request;
  if (!request) return undefined;
  if (target === "query") return request.query as z.ZodType | undefined;
  if (target === "param") return request.params as z.ZodType | undefined;
  if (target === "json") {
    const media = request.body?.content?.["application/json"];
    return media && "schema" in media ? (media.schema as z.ZodType) : undefined;
  }
  return undefined;
}

/**
 * A failed `c.req.valid` input becomes `validation_failed` with per-field messages in the request
 * language: the failing input is parsed again with the route's schema and zod's locale for that language.
 * Input the schema accepts is still refused when a string holds a control character (as `readJson` does).
 */
function validationHook(route: RouteConfig) {
  return (
    result: { success: boolean; target: Targets; data?: unknown; error?: { issues: z.core.$ZodIssue[] } },
    c: import("hono").Context<AppEnv>,
  ) => {
    const locale = c.get("locale");
    if (result.success) {
      const clean = parseWith(z.unknown(), result.data, locale);
      if (clean.success) return;
      throw new AppError("validation_failed", {
        details: { fields: fieldErrors(clean.error.issues, locale) },
      });
    }
    const schema = schemaOf(route, result.target);
    const again = schema ? parseWith(schema, result.data, locale) : undefined;
    const issues = again && !again.success ? again.error.issues : (result.error?.issues ?? []);
    throw new AppError("validation_failed", { details: { fields: fieldErrors(issues, locale) } });
  };
}

/**
 * The sub-app a feature declares its endpoints on. Every `openapi(route, handler)` call gets the
 * localized validation hook for that route's own schemas; pages may use plain `get`/`post` on it too.
 */
export function featureApi() {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => validationHook({} as RouteConfig)(result as never, c as never),
  });
  const register = app.openapi;
  app.openapi = ((route: RouteConfig, handler: never, hook?: never) =>
    register(route as never, handler, hook ?? (validationHook(route) as never))) as typeof app.openapi;
  return app;
}
