/**
 * @module Node's native scrypt behind the `ScryptFn` interface (used by src/server.ts and tests).
 */
import { scrypt } from "node:crypto";
import type { ScryptFn } from "./password";

export const nodeScrypt: ScryptFn = (password, salt, { ln, r, p, dkLen }) =>
  new Promise((resolve, reject) => {
    const N = 2 ** ln;
    scrypt(password, salt, dkLen, { N, r, p, maxmem: 256 * N * r + 16 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(new Uint8Array(key)),
    );
  });
