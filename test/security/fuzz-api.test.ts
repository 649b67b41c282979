/**
 * Property-based fuzz test of the whole JSON API (fast-check). The operations come from the OpenAPI
 * document the app serves at /api/v1/openapi.json, read at test time, so every operation added later is
 * fuzzed too. For each operation, generated path parameters, queries and bodies — valid-looking (from the
 * document's schemas), near-valid and hostile (prototype keys, control characters, huge strings,
 * impossible dates, wrong types, deep nesting) — are sent as each role (anonymous, viewer, humas,
 * protocol, admin by bearer token). A case fails on any 5xx, any error answer without the
 * `{"error": {code, message}}` shape, or any row changed by a refused (4xx) request.
 *
 * `npm test` runs FUZZ_RUNS (default 8) cases per operation with a fixed seed (FUZZ_SEED, default 20261205);
 * `npm run fuzz` runs 150 per operation with a random seed, printed on failure for replay.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../db/schema/auth";
import { runSeeders } from "../../db/seed";
import { SEEDERS } from "../../src/features";
import { makeDelegation, makeParticipant } from "../helpers/factories";
import { json, makeTestApp } from "../helpers/test-app";

const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED =
  process.env.FUZZ_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261205);
/** Bookkeeping a refused request may legitimately write: audit rows, attempt and rate counters, token use. */
const BOOKKEEPING = new Set([
  "audit_events",
  "sign_in_attempts",
  "rate_limit_counters",
  "sessions",
  "api_tokens",
]);

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};
interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: "path" | "query"; schema?: Schema }[];
  body?: { type: string; schema?: Schema };
}

const t = await makeTestApp();
await runSeeders(t.db, "starter", t.clock(), SEEDERS);
const doc = (await (await t.app.request("/api/v1/openapi.json")).json()) as {
  paths: Record<string, Record<string, Record<string, unknown>>>;
};
const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => {
    const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
      ?.content;
    const [type, media] = Object.entries(content ?? {})[0] ?? [];
    return {
      method: method.toUpperCase(),
      path,
      parameters: (op.parameters as Operation["parameters"] | undefined) ?? [],
      body: type ? { type, schema: media?.schema } : undefined,
    };
  }),
);

const tokens: Partial<Record<Role, string>> = {};
let realIds: string[] = [];
const tables: string[] = [];

beforeAll(async () => {
  const admin = await t.as("admin");
  for (const role of ["viewer", "humas", "protocol", "admin"] as const) {
    const user = role === "admin" ? admin.user : await t.addUser(role);
    const res = await t.app.request(
      "/api/v1/tokens",
      json(admin.headers, { name: `fuzz ${role}`, userId: user.id }),
    );
    tokens[role] = ((await res.json()) as { token: string }).token;
  }
  const d = await makeDelegation(t.db);
  await makeParticipant(t.db, d.id);
  const rows = await t.db.client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
  );
  for (const r of rows.rows) tables.push(String(r.name));
  const ids: string[] = [];
  for (const table of tables) {
    const cols = await t.db.client.execute(
      `SELECT name FROM pragma_table_info('${table}') WHERE name IN ('id', 'code')`,
    );
    for (const c of cols.rows) {
      const values = await t.db.client.execute(`SELECT "${String(c.name)}" AS v FROM "${table}" LIMIT 5`);
      for (const v of values.rows) ids.push(String(v.v));
    }
  }
  realIds = [...new Set(ids)];
});

/** Everything a refused request must leave untouched. */
async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    if (BOOKKEEPING.has(table)) continue;
    const rows = await t.db.client.execute(`SELECT * FROM "${table}"`);
    parts.push(`${table}:${JSON.stringify(rows.rows)}`);
  }
  return parts.join("\n");
}

const hostileString = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "__proto__",
    "constructor",
    "toString",
    "../../etc/passwd",
    "%00",
    "\u0000",
    "a\u202Eb",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "2027-02-30T09:00:00+07:00",
    "2026-03-10T09:00:00",
    "0000-01-01",
    "9999-12-31T23:59:59Z",
    "NaN",
    "-1",
    "1e309",
    "ꦱꦸꦫꦠ꧀",
    "\uD800",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer({ min: 1000, max: 300_000 }).map((n) => "x".repeat(n)),
);

const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** A value shaped by a JSON Schema, usually valid-looking, sometimes hostile. */
function fromSchema(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostileValue;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length > 0) return fc.oneof(...variants.map((s) => fromSchema(s, depth + 1)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "date")
        return fc.oneof(fc.constantFrom("2026-03-10", "2026-08-17", "2027-01-04"), hostileString);
      if (schema.format === "date-time")
        return fc.oneof(
          fc.constantFrom("2026-03-10T09:00:00+07:00", "2026-03-10T10:30:00+08:00"),
          hostileString,
        );
      if (schema.format === "email") return fc.oneof(fc.emailAddress(), hostileString);
      return fc.oneof(
        fc.string({ minLength: 1, maxLength: Math.min(schema.maxLength ?? 40, 40) }),
        fc.constantFrom(...realIds),
        hostileString,
      );
    case "integer":
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 200, 10_000) }),
        fc.constantFrom(0, -1, 2 ** 53, 1.5),
      );
    case "number":
      return fc.oneof(fc.double({ noNaN: true }), fc.integer());
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(fromSchema(schema.items, depth + 1), { maxLength: 4 });
    case "object": {
      const props = Object.entries(schema.properties ?? {});
      return fc.record(Object.fromEntries(props.map(([k, s]) => [k, fromSchema(s, depth + 1)])), {
        requiredKeys: props
          .map(([k]) => k)
          .filter(() => true)
          .filter((k) => schema.required?.includes(k)),
      });
    }
    default:
      return hostileValue;
  }
}

function deepNesting(levels: number): string {
  return `${"[".repeat(levels)}${"]".repeat(levels)}`;
}

function bodyArb(op: Operation): fc.Arbitrary<{ type: string; text: string } | undefined> {
  if (!op.body) return fc.constant(undefined);
  if (op.body.type !== "application/json") {
    return fc
      .oneof(fc.string({ maxLength: 200 }), hostileString)
      .map((text) => ({ type: op.body!.type, text }));
  }
  const shaped = fromSchema(op.body.schema);
  const withExtraKey = fc
    .tuple(
      shaped,
      fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "x\u0000y"),
      hostileValue,
    )
    .map(([v, k, x]) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? `{${JSON.stringify(v).slice(1, -1)}${Object.keys(v).length ? "," : ""}${JSON.stringify(k)}:${JSON.stringify(x)}}`
        : JSON.stringify(v),
    );
  return fc
    .oneof(
      { weight: 5, arbitrary: shaped.map((v) => JSON.stringify(v) ?? "null") },
      { weight: 2, arbitrary: withExtraKey },
      { weight: 1, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? "null") },
      {
        weight: 1,
        arbitrary: fc.constantFrom("{", '{"a":', "nul", '"\u0000"', deepNesting(5000), "[]", "1e999"),
      },
    )
    .chain((text) =>
      fc
        .constantFrom(
          "application/json",
          "application/json",
          "application/json",
          "text/plain",
          "application/x-www-form-urlencoded",
        )
        .map((type) => ({ type, text })),
    );
}

function requestArb(op: Operation) {
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const queryParams = op.parameters.filter((p) => p.in === "query");
  return fc.record({
    role: fc.constantFrom<Role | "anonymous">("anonymous", "viewer", "humas", "protocol", "admin"),
    path: fc.tuple(
      ...pathParams.map(() =>
        fc.oneof(fc.constantFrom(...(realIds.length ? realIds : ["x"])), hostileString),
      ),
    ),
    query: fc.tuple(
      ...queryParams.map((p) => fc.option(fc.oneof(fromSchema(p.schema), hostileString), { nil: undefined })),
    ),
    body: bodyArb(op),
  });
}

function urlOf(op: Operation, path: string[], query: unknown[]): string {
  let i = 0;
  // A lone surrogate cannot be percent-encoded (a client cannot send one); it becomes U+FFFD, as in a browser.
  const wellFormed = (v: string) =>
    v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  const filled = op.path.replace(/\{\w+\}/g, () => encodeURIComponent(wellFormed(path[i++] ?? "x")));
  const q = new URLSearchParams();
  op.parameters
    .filter((p) => p.in === "query")
    .forEach((p, j) => {
      const v = query[j];
      if (v !== undefined) q.append(p.name, typeof v === "string" ? v : JSON.stringify(v));
    });
  const qs = q.toString();
  return qs ? `${filled}?${qs}` : filled;
}

describe(`fuzz: ${operations.length} API operations × ${RUNS} cases (seed ${SEED})`, () => {
  it("reads the operations from the served OpenAPI document", () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  for (const op of operations) {
    it(`${op.method} ${op.path}`, { timeout: Math.max(30_000, RUNS * 1_500) }, async () => {
      // The database as the last request left it; only an accepted request may move it on.
      let current = await fingerprint();
      await fc.assert(
        fc.asyncProperty(requestArb(op), async ({ role, path, query, body }) => {
          const before = current;
          const headers: Record<string, string> = {};
          if (role !== "anonymous") headers.Authorization = `Bearer ${tokens[role]}`;
          if (body) headers["Content-Type"] = body.type;
          const res = await t.app.request(urlOf(op, path, query), {
            method: op.method,
            headers,
            body: body?.text,
          });
          const text = await res.text();
          expect(res.status, text.slice(0, 300)).toBeLessThan(500);
          if (res.status >= 400) {
            const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
            expect(typeof parsed.error?.code, text.slice(0, 300)).toBe("string");
            expect(typeof parsed.error?.message).toBe("string");
            expect(await fingerprint(), `${op.method} ${op.path} → ${res.status} changed rows`).toBe(before);
          } else {
            current = await fingerprint();
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }
});
