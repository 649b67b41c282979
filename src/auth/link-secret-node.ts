/**
 * @module The Node server's itinerary link secret when LINK_SECRET is unset: a random 32-byte secret made
 * on first start and kept in a file `link-secret` (mode 0600) next to the database file (a `file:`
 * DATABASE_URL), else in `data/`; later starts read it back. Losing the file changes every itinerary link.
 */
import { chmod, link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { randomSecret } from "./encoding";

export const LINK_SECRET_FILE = "link-secret";

/** Where the secret file lives for this database URL. */
export function linkSecretPath(databaseUrl: string): string {
  const dir = databaseUrl.startsWith("file:") ? dirname(databaseUrl.slice("file:".length)) : "data";
  return join(dir, LINK_SECRET_FILE);
}

/** Reads the kept secret, or makes and keeps a new one (never overwriting a file another start wrote). */
export async function loadOrCreateLinkSecret(databaseUrl: string): Promise<string> {
  const path = linkSecretPath(databaseUrl);
  const existing = await readSecret(path);
  if (existing) return existing;
  await mkdir(dirname(path), { recursive: true });
  // Written whole under a private name, then linked into place: a start racing this one reads either
  // nothing or the complete secret, and linking never replaces a secret another start kept first.
  const draft = `${path}.${randomSecret(6)}.tmp`;
  await writeFile(draft, `${randomSecret(32)}\n`, { mode: 0o600 });
  try {
    await chmod(draft, 0o600);
    await link(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(draft);
  }
  const kept = await readSecret(path);
  if (!kept) throw new Error(`${path} is empty; delete it or set LINK_SECRET`);
  return kept;
}

async function readSecret(path: string): Promise<string | null> {
  try {
    const text = (await readFile(path, "utf8")).trim();
    if (text.length > 0 && text.length < 32)
      throw new Error(`${path}: the link secret is shorter than 32 characters`);
    return text || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
