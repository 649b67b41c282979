/**
 * @module Pure-JS scrypt from @noble/hashes behind the `ScryptFn` interface, for Cloudflare Workers.
 */
import { scryptAsync } from "@noble/hashes/scrypt.js";
import type { ScryptFn } from "./password";

export const nobleScrypt: ScryptFn = (password, salt, { ln, r, p, dkLen }) =>
  scryptAsync(new TextEncoder().encode(password), salt, { N: 2 ** ln, r, p, dkLen });
