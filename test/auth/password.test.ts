/**
 * Password hashing: scrypt with production parameters (ln=14, r=8, p=5); Node's native scrypt and the
 * pure-JS @noble/hashes one (Workers) produce interchangeable hashes; a tampered hash never verifies.
 */
import { describe, expect, it } from "vitest";
import { createPasswordHasher, DEFAULT_SCRYPT_PARAMS, generatePassword } from "../../src/auth/password";
import { nobleScrypt } from "../../src/auth/scrypt-noble";
import { nodeScrypt } from "../../src/auth/scrypt-node";

const node = createPasswordHasher(nodeScrypt);
const noble = createPasswordHasher(nobleScrypt);
const PASSWORD = "Pendopo-Sabha-Swagata-2026";

describe("password hashing", () => {
  it("uses ln=14, r=8, p=5 by default and verifies", async () => {
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ ln: 14, r: 8, p: 5 });
    const hash = await node.hash(PASSWORD);
    expect(hash).toMatch(/^\$scrypt\$ln=14,r=8,p=5\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await node.verify(hash, PASSWORD)).toBe(true);
    expect(await node.verify(hash, `${PASSWORD}x`)).toBe(false);
  });

  it("salts: the same password hashes differently", async () => {
    expect(await node.hash(PASSWORD)).not.toBe(await node.hash(PASSWORD));
  });

  it("a Node hash verifies with noble, and a noble hash with Node", async () => {
    const fromNode = await node.hash(PASSWORD);
    expect(await noble.verify(fromNode, PASSWORD)).toBe(true);
    const fromNoble = await noble.hash(PASSWORD);
    expect(await node.verify(fromNoble, PASSWORD)).toBe(true);
    expect(await node.verify(fromNoble, "wrong")).toBe(false);
  }, 60_000);

  it("verifies a hash with older/cheaper parameters it was made with", async () => {
    const cheap = createPasswordHasher(nodeScrypt, { ln: 10, r: 8, p: 1 });
    const hash = await cheap.hash(PASSWORD);
    expect(await node.verify(hash, PASSWORD)).toBe(true);
  });

  it("refuses tampered hashes", async () => {
    const hash = await createPasswordHasher(nodeScrypt, { ln: 10, r: 8, p: 1 }).hash(PASSWORD);
    const parts = hash.split("$");
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    const tampered = [
      [...parts.slice(0, 4), flip(parts[4] as string)].join("$"), // hash bytes
      [...parts.slice(0, 3), flip(parts[3] as string), parts[4]].join("$"), // salt
      hash.replace("ln=10", "ln=11"), // cost
      hash.slice(0, -2), // truncated
      "", // empty
      "$argon2id$v=19$m=65536,t=3,p=4$abc$def", // foreign format
      hash.replace("ln=10", "ln=99"), // absurd cost: refused, not attempted
      hash.replace("r=8", "r=0"),
    ];
    for (const bad of tampered) expect(await node.verify(bad, PASSWORD), bad).toBe(false);
  });

  it("normalises Unicode (NFKC) so the same visible password verifies", async () => {
    const hasher = createPasswordHasher(nodeScrypt, { ln: 10, r: 8, p: 1 });
    const hash = await hasher.hash("Café-pass-12345"); // precomposed é
    expect(await hasher.verify(hash, "Cafe\u0301-pass-12345")).toBe(true);
  });

  it("generates readable passwords long enough for the policy", () => {
    const p = generatePassword();
    expect(p).toMatch(/^[A-Za-z2-9]{7}-[A-Za-z2-9]{7}-[A-Za-z2-9]{7}$/);
    expect(new Set(Array.from({ length: 50 }, generatePassword)).size).toBe(50);
  });
});
