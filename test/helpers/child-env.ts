/**
 * @module Environment for child processes started by tests. Vitest (through Vite) puts BASE_URL=/, MODE,
 * DEV, PROD and SSR into process.env; BASE_URL=/ is not a valid Sambang BASE_URL, so strip Vite's keys.
 */
const VITE_KEYS = ["BASE_URL", "MODE", "DEV", "PROD", "SSR"];

export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of VITE_KEYS) delete env[key];
  return { ...env, ...extra };
}
