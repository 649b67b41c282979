/**
 * The served OpenAPI document passes Redocly's recommended rules (`@redocly/cli lint`, offline): valid,
 * and every operation declared with `apiRoute` free of warnings (operationId, 4xx responses, …), except
 * "no 4xx response" on a public operation without any input, which has no client error to document.
 */
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { makeTestApp } from "../helpers/test-app";

interface Problem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { pointer: string }[];
}

async function lint(document: unknown) {
  const dir = await mkdtemp(join(tmpdir(), "sambang-openapi-"));
  const file = join(dir, "openapi.json");
  await writeFile(file, JSON.stringify(document));
  const run = promisify(execFile);
  const result = await run(
    "node_modules/.bin/redocly",
    ["lint", file, "--extends=recommended", "--format=json", "--max-problems=1000"],
    { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
  ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
  return JSON.parse(result.stdout) as { problems: Problem[]; totals: { errors: number; warnings: number } };
}

it("passes redocly lint with the recommended rules", { timeout: 120_000 }, async () => {
  // A real-looking server URL: the rules warn on example.com and localhost servers.
  const t = await makeTestApp({ env: { BASE_URL: "https://sambang.banyuwangikab.go.id" } });
  const document = (await (await t.app.request("/api/v1/openapi.json")).json()) as {
    paths: Record<
      string,
      Record<
        string,
        { operationId?: string; parameters?: unknown[]; requestBody?: unknown; security?: unknown[] }
      >
    >;
  };
  const report = await lint(document);
  const show = (problems: Problem[]) =>
    problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
  expect(show(report.problems.filter((p) => p.severity === "error"))).toEqual([]);
  // Operations declared with apiRoute (they have an operationId) must raise no warning at all.
  const pointer = (path: string, method: string) =>
    `#/paths/${path.replaceAll("~", "~0").replaceAll("/", "~1")}/${method}`;
  const declared = Object.entries(document.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.operationId)
      .map(([method]) => pointer(path, method)),
  );
  const withoutInput = Object.entries(document.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => !op.parameters?.length && !op.requestBody && !op.security?.length)
      .map(([method]) => pointer(path, method)),
  );
  expect(declared.length).toBeGreaterThan(0);
  const at = (p: Problem, list: string[]) => list.some((op) => p.location[0]?.pointer.startsWith(op));
  const onDeclared = report.problems.filter(
    (p) => at(p, declared) && !(p.ruleId === "operation-4xx-response" && at(p, withoutInput)),
  );
  expect(show(onDeclared)).toEqual([]);
  // Every operation is declared; what is left is the license notice and the public inputless operations.
  expect(report.totals.warnings, show(report.problems).join("\n")).toBeLessThanOrEqual(10);
});
