/**
 * @module The public form's submission key: a 256-bit secret put into the form when it is shown. The
 * request stores only its hash, and the status-link token of that request is derived from the key, so a
 * second submit of the same form (reload, double click, back and submit) finds the first request and can
 * send the visitor to its status page, without any token being stored.
 */
import { z } from "zod";
import { base64url, randomSecret, sha256Hex } from "../auth/encoding";

/** The shape `newSubmissionKey` makes (32 random bytes, base64url): anything else is ignored. */
export const submissionKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const newSubmissionKey = (): string => randomSecret(32);

/** What is stored with the request (unique). */
export const submissionKeyHash = (key: string): Promise<string> => sha256Hex(`submission-key:${key}`);

/** The status-link token of the request made with `key` (base64url, like a random token). */
export async function statusTokenOf(key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`status-token:${key}`));
  return base64url.encode(new Uint8Array(digest));
}
