/**
 * @module Survey link tokens: 256 random bits, base64url, in `/f/{token}`; only the SHA-256 (hex) is stored.
 * Hashing here is synchronous (@noble/hashes), so links can be made inside the write transaction that
 * completes a visit without awaiting while holding the writer lock.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { randomSecret, toHex } from "../auth/encoding";

/** The shape of a token: 43 base64url characters (32 bytes). Anything else is not looked up. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newSurveyToken(): { token: string; tokenHash: string } {
  const token = randomSecret(32);
  return { token, tokenHash: hashSurveyToken(token) };
}

export function hashSurveyToken(token: string): string {
  return toHex(sha256(new TextEncoder().encode(token)));
}

export function surveyUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/f/${token}`;
}
