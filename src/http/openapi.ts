/**
 * @module The OpenAPI 3.1 document, built from the same zod schemas the routes validate with. Each API
 * module exports a list of `RouteDoc`s next to its handlers; `buildOpenApi` turns them into the document
 * served at /api/v1/openapi.json.
 */
import { z } from "zod";
import type { Role } from "../../db/schema/auth";

export interface RouteDoc {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path under /api/v1, e.g. `/users/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** Roles allowed; omitted means public. */
  roles?: readonly Role[];
  body?: z.ZodType;
  /** A body that is not JSON, e.g. `text/csv`. */
  bodyType?: string;
  query?: z.ZodObject;
  response?: z.ZodType;
  /** Status of success (default 200). */
  status?: number;
  responseType?: string;
}

const errorSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        code: {
          type: "string",
          enum: [
            "validation_failed",
            "unauthenticated",
            "forbidden",
            "not_found",
            "conflict",
            "stale",
            "payload_too_large",
            "rate_limited",
            "internal",
            "unavailable",
          ],
        },
        message: { type: "string" },
        details: {},
      },
      required: ["code", "message"],
    },
  },
  required: ["error"],
};

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
}

function parametersOf(doc: RouteDoc) {
  const params = [...doc.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  if (doc.query) {
    const schema = jsonSchema(doc.query, "input") as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
    for (const [name, s] of Object.entries(schema.properties ?? {})) {
      params.push({
        name,
        in: "query",
        required: schema.required?.includes(name) ?? false,
        schema: s as never,
      });
    }
  }
  return params;
}

export function buildOpenApi(docs: readonly RouteDoc[], { serverUrl }: { serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of docs) {
    const status = String(doc.status ?? 200);
    const operation: Record<string, unknown> = {
      summary: doc.summary,
      tags: [doc.tag],
      parameters: parametersOf(doc),
      security: doc.roles ? [{ bearer: [] }, { session: [] }] : [],
      ...(doc.roles ? { "x-roles": doc.roles } : {}),
      responses: {
        [status]: {
          description: "OK",
          ...(doc.response
            ? {
                content: {
                  [doc.responseType ?? "application/json"]: { schema: jsonSchema(doc.response, "output") },
                },
              }
            : doc.responseType
              ? { content: { [doc.responseType]: { schema: { type: "string" } } } }
              : {}),
        },
        default: {
          description: "Error",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    };
    if (doc.body) {
      operation.requestBody = {
        required: true,
        content: { "application/json": { schema: jsonSchema(doc.body, "input") } },
      };
    } else if (doc.bodyType) {
      operation.requestBody = { required: true, content: { [doc.bodyType]: { schema: { type: "string" } } } };
    }
    const path = `/api/v1${doc.path}`;
    paths[path] = { ...(paths[path] ?? {}), [doc.method]: operation };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Sambang API",
      version: "1",
      description:
        "Times in: RFC 3339 with offset. Times out: UTC (`Z`) plus venue-local wall time and zone label. " +
        "Edits carry the `version` they were based on; a stale one gets 409 `stale`.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "API token created by an admin (sbg_…)" },
        session: { type: "apiKey", in: "cookie", name: "sambang_session" },
      },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
