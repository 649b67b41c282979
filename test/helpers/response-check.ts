/**
 * @module Checks an API response against the operation's documented response schema for its status (the
 * `apiRoute` declarations registered on the app). test-app wraps `app.request` with it, so every JSON
 * response a test sees (through `json(...)` or otherwise) must match the OpenAPI document: the document
 * cannot drift from the code without a test failing.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { z } from "zod";

interface Operation {
  method: string;
  path: string;
  pattern: RegExp;
  params: number;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

function operationsOf(app: Pick<OpenAPIHono, "openAPIRegistry">): Operation[] {
  return app.openAPIRegistry.definitions.flatMap((d) => {
    if (d.type !== "route") return [];
    const path = d.route.path;
    const params = (path.match(/\{\w+\}/g) ?? []).length;
    const body = path.replace(/[.+*?^$()|[\]\\]/g, "\\$&").replace(/\\?\{\w+\\?\}/g, "[^/]+");
    return [
      {
        method: d.route.method.toUpperCase(),
        path,
        pattern: new RegExp(`^${body}$`),
        params,
        responses: d.route.responses as Operation["responses"],
      },
    ];
  });
}

export class ResponseDriftError extends Error {
  override name = "ResponseDriftError";
}

/** `check(method, url, res)` throws `ResponseDriftError` when a JSON response is not as documented. */
export function responseChecker(app: Pick<OpenAPIHono, "openAPIRegistry">) {
  const operations = operationsOf(app);
  return async function check(method: string, url: string, res: Response): Promise<void> {
    const path = new URL(url, "http://localhost").pathname;
    const op = operations
      .filter((o) => o.method === method.toUpperCase() && o.pattern.test(path))
      .sort((a, b) => a.params - b.params)[0];
    if (!op) return; // not a declared operation (pages, legacy routes)
    // `default` documents the unexpected failures (500, 503); any other status must be listed itself.
    const documented =
      op.responses[String(res.status)] ?? (res.status >= 500 ? op.responses.default : undefined);
    const where = `${op.method} ${op.path} → ${res.status}`;
    if (!documented) throw new ResponseDriftError(`${where}: status not documented`);
    const type = (res.headers.get("Content-Type") ?? "").split(";")[0]?.trim() ?? "";
    if (type !== "application/json") return;
    const schema = documented.content?.["application/json"]?.schema as z.ZodType | undefined;
    if (!schema) throw new ResponseDriftError(`${where}: JSON body where none is documented`);
    const body = await res.clone().json();
    const result = schema.safeParse(body);
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
      throw new ResponseDriftError(
        `${where}: body does not match the documented schema\n  ${issues.join("\n  ")}`,
      );
    }
  };
}

/** Makes `app.request` check every response it returns (see `responseChecker`). */
export function checkResponses<A extends Pick<OpenAPIHono, "openAPIRegistry" | "request">>(app: A): A {
  const check = responseChecker(app);
  const request = app.request;
  app.request = (async (input: RequestInfo | URL, init?: RequestInit, ...rest: unknown[]) => {
    const res = await (request as (...args: unknown[]) => Promise<Response>)(input, init, ...rest);
    const url = input instanceof Request ? input.url : String(input);
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    await check(method, url, res);
    return res;
  }) as A["request"];
  return app;
}
