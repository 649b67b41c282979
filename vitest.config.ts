import { defineConfig } from "vitest/config";

/**
 * Test files share their worker's module cache (`isolate: false`): importing the app once per worker
 * instead of once per file cuts the run by about half. Every test builds its own app, database and clock,
 * so nothing but imported code is shared. Files that replace modules with `vi.mock` need a fresh module
 * graph and run isolated in their own project.
 */
const mocksModules = ["test/mail/invitations-lock.test.ts"];
/**
 * `SKIP_RUNTIME_NEUTRAL=1` (the Node 24 leg of .ci/run) leaves out what does not depend on the Node version:
 * the axe-core check of the pages' HTML in Chromium, the longest file; it runs in the main leg.
 */
const runtimeNeutral = process.env.SKIP_RUNTIME_NEUTRAL === "1" ? ["test/e2e/axe.e2e.test.ts"] : [];

export default defineConfig({
  test: {
    setupFiles: ["test/setup/fail-on-console-error.ts"],
    globalSetup: ["test/setup/migrated-template.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.{ts,tsx}"],
          exclude: [...mocksModules, ...runtimeNeutral],
          isolate: false,
        },
      },
      { extends: true, test: { name: "isolated", include: mocksModules, isolate: true } },
    ],
  },
});
