/**
 * The Node server's link secret when LINK_SECRET is unset: made once, kept next to the database file with
 * mode 0600, read back on later starts; a database that is not a file keeps it in data/.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { linkSecretPath, loadOrCreateLinkSecret } from "../../src/auth/link-secret-node";

describe("the kept link secret", () => {
  it("is made on first use next to the database file (0600) and read back afterwards", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sambang-secret-"));
    const url = `file:${join(dir, "db", "sambang.db")}`;
    const path = join(dir, "db", "link-secret");
    expect(linkSecretPath(url)).toBe(path);
    const first = await loadOrCreateLinkSecret(url);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(path, "utf8").trim()).toBe(first);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateLinkSecret(url)).toBe(first);
  });

  it("two first starts at once agree on one secret", async () => {
    const url = `file:${join(mkdtempSync(join(tmpdir(), "sambang-secret-")), "s.db")}`;
    const [a, b] = await Promise.all([loadOrCreateLinkSecret(url), loadOrCreateLinkSecret(url)]);
    expect(a).toBe(b);
  });

  it("lives in data/ for a database that is not a file, and a too short kept secret is refused", async () => {
    expect(linkSecretPath("libsql://sambang.turso.io")).toBe(join("data", "link-secret"));
    const dir = mkdtempSync(join(tmpdir(), "sambang-secret-"));
    writeFileSync(join(dir, "link-secret"), "short\n");
    await expect(loadOrCreateLinkSecret(`file:${join(dir, "s.db")}`)).rejects.toThrow(/shorter than 32/);
  });
});
