/**
 * `src/app.ts` and everything it imports must stay free of Node-only modules, so the same app can be served
 * by a Cloudflare Worker (README, Operating). This bundles the app core for a browser-like platform with the
 * `workerd` export conditions, as a Workers build would: any `node:*` built-in or Node-only package in the
 * import graph fails the build. (Node-only parts — nodemailer, the .eml writer, native scrypt — are
 * injected by src/server.ts.)
 */
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

async function bundle(entry: string) {
  return build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: "browser",
    format: "esm",
    conditions: ["workerd", "worker", "browser"],
    jsx: "automatic",
    jsxImportSource: "hono/jsx",
    metafile: true,
    logLevel: "silent",
  });
}

describe("runtime-neutral app core", () => {
  it("bundles src/app.ts for a Workers-like platform without any Node built-in", async () => {
    const result = await bundle("src/app.ts");
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((p) => p.startsWith("src/delegations/"))).toBe(true);
    expect(inputs.filter((p) => p.includes("nodemailer") || p.startsWith("node:"))).toEqual([]);
  });

  it("the same check refuses a Node-only module (the check can fail)", async () => {
    await expect(bundle("src/auth/scrypt-node.ts")).rejects.toThrow(/node:crypto/);
  });
});
