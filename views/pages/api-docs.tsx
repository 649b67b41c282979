/** @module A browsable rendering of the OpenAPI document: every path, method, roles and schemas. */
import type { PageContext } from "../page-context";

interface Operation {
  summary?: string;
  tags?: string[];
  "x-roles"?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

export function ApiDocsPage({
  ctx,
  doc,
}: {
  ctx: PageContext;
  doc: { paths: Record<string, Record<string, Operation>> };
}) {
  const { t } = ctx;
  const entries = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  );
  const tags = [...new Set(entries.map((e) => e.op.tags?.[0] ?? "other"))];
  return (
    <>
      <p>
        {t("docs.intro")} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
      </p>
      <nav aria-label="tags">
        {tags.map((tag) => (
          <a href={`#tag-${tag}`} class="badge">
            {tag}
          </a>
        ))}
      </nav>
      {tags.map((tag) => (
        <section id={`tag-${tag}`}>
          <h2>{tag}</h2>
          {entries
            .filter((e) => (e.op.tags?.[0] ?? "other") === tag)
            .map(({ path, method, op }) => (
              <details class="card">
                <summary>
                  <code>
                    {method.toUpperCase()} {path}
                  </code>{" "}
                  — {op.summary}{" "}
                  <span class="muted">{op["x-roles"] ? `[${op["x-roles"].join(", ")}]` : "[public]"}</span>
                </summary>
                {op.parameters && op.parameters.length > 0 && (
                  <p>
                    {op.parameters.map((p) => (
                      <code class="badge">
                        {p.in}:{p.name}
                        {p.required ? "*" : ""}
                      </code>
                    ))}
                  </p>
                )}
                {op.requestBody && (
                  <>
                    <h3>Request</h3>
                    <pre class="code">
                      {JSON.stringify(Object.values(op.requestBody.content)[0]?.schema, null, 2)}
                    </pre>
                  </>
                )}
                {Object.entries(op.responses ?? {})
                  .filter(([status]) => status !== "default")
                  .map(([status, r]) => (
                    <>
                      <h3>Response {status}</h3>
                      {r.content && (
                        <pre class="code">{JSON.stringify(Object.values(r.content)[0]?.schema, null, 2)}</pre>
                      )}
                    </>
                  ))}
              </details>
            ))}
        </section>
      ))}
    </>
  );
}
