/**
 * @module Everything one Worker invocation needs, built fresh for it: the configuration (parsed once per
 * isolate: plain data, safe to share), a database handle and the mail transport (per invocation: they
 * hold promises, and workerd cancels promise continuations that cross requests).
 */
import { createPasswordHasher } from "../auth/password";
import { nodeScrypt } from "../auth/scrypt-node";
import type { Config } from "../config";
import type { AppDeps } from "../http/context";
import { consoleLogger } from "../logger";
import { type WorkerEnv, workerConfig } from "./config";
import { openWebDatabase } from "./database";
import { workerMailTransport } from "./mail";

let cached: { env: WorkerEnv; config: Config } | undefined;

/** Parses the Worker's vars and secrets once per isolate (throws `ConfigError` on a bad value). */
export function configOf(env: WorkerEnv): Config {
  if (cached?.env !== env) cached = { env, config: workerConfig(env) };
  return cached.config;
}

export function workerDeps(config: Config): AppDeps {
  const transport = workerMailTransport(config);
  return {
    db: openWebDatabase(config),
    config,
    clock: () => new Date(),
    // workerd's node:crypto.scrypt: the same bytes as Node's (tested), about half the CPU of pure JS.
    passwords: createPasswordHasher(nodeScrypt),
    logger: consoleLogger(),
    socketAddress: (c) => c.req.header("CF-Connecting-IP"),
    mail: transport ? { transport } : undefined,
  };
}
