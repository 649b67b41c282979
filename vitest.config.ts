import { defineConfig } from "vitest/config";

/**
 * Test files share their worker's module cache (`isolate: false`): importing the app once per worker
 * instead of once per file cuts the run by about half. Every test builds its own app, database and clock,
 * so nothing but imported code is shared. Files that replace modules with `vi.mock` need a fresh module
 * graph and run isolated in their own project.
 */
const mocksModules = ["test/mail/invitations-lock.test.ts"];

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
        test: { name: "shared", include: ["test/**/*.test.{ts,tsx}"], exclude: mocksModules, isolate: false },
      },
      { extends: true, test: { name: "isolated", include: mocksModules, isolate: true } },
    ],
  },
});
