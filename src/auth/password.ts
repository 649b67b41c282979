/**
 * @module Password hashing: scrypt (RFC 7914) with a random 16-byte salt, OWASP's parameters
 * N=2^14, r=8, p=5 (16 MiB, fits a Cloudflare Worker's memory), stored as a self-describing string
 * `$scrypt$ln=14,r=8,p=5$<salt>$<hash>` (base64url). The scrypt function itself is injected: Node and
 * Workers both use `node:crypto.scrypt` (workerd's under `nodejs_compat`); @noble/hashes gives the same
 * bytes (tested), so a hash made by one verifies on the other. See docs/decisions/003-password-hashing.md.
 */
import { base64url } from "./encoding";

interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  ln: number;
  r: number;
  p: number;
}

export type ScryptFn = (
  password: string,
  salt: Uint8Array,
  params: ScryptParams & { dkLen: number },
) => Promise<Uint8Array>;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(stored: string, password: string): Promise<boolean>;
}

export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { ln: 14, r: 8, p: 5 };
const KEY_LENGTH = 32;
/** Highest cost accepted from a stored hash (2^20 × 8 × 128 B = 1 GiB). */
const MAX_LN = 20;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** Compares two byte arrays in time that depends only on their length. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

export function createPasswordHasher(
  scrypt: ScryptFn,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): PasswordHasher {
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const key = await scrypt(password.normalize("NFKC"), salt, { ...params, dkLen: KEY_LENGTH });
      return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${base64url.encode(salt)}$${base64url.encode(key)}`;
    },
    async verify(stored, password) {
      const m = FORMAT.exec(stored);
      if (!m) return false;
      const [, ln, r, p, salt, expected] = m as unknown as [string, string, string, string, string, string];
      const cost = { ln: Number(ln), r: Number(r), p: Number(p) };
      // A damaged or hostile stored hash must answer "no", not throw (500) or ask for 2^99 work.
      if (cost.ln < 1 || cost.ln > MAX_LN || cost.r < 1 || cost.p < 1) return false;
      let saltBytes: Uint8Array;
      let expectedBytes: Uint8Array;
      try {
        saltBytes = base64url.decode(salt);
        expectedBytes = base64url.decode(expected);
      } catch {
        return false;
      }
      if (expectedBytes.length < 16) return false;
      const key = await scrypt(password.normalize("NFKC"), saltBytes, {
        ...cost,
        dkLen: expectedBytes.length,
      });
      return constantTimeEqual(key, expectedBytes);
    },
  };
}

/** Generates a readable random password for bootstrap and resets (about 120 bits). */
export function generatePassword(): string {
  const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(21));
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 7)}-${chars.slice(7, 14)}-${chars.slice(14)}`;
}
