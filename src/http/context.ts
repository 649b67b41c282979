/**
 * @module The Hono environment every route shares: dependencies injected by the entry point, the signed-in
 * user (if any), how they authenticated, and the request language.
 */
import type { Context } from "hono";
import type { Db } from "../../db/client";
import type { Role } from "../../db/schema/auth";
import type { PasswordHasher } from "../auth/password";
import type { Config } from "../config";
import type { Locale, Translate } from "../i18n/dictionary";
import type { MailPreviewStore } from "../mail/preview";
import type { MailTransport } from "../mail/transport";
import type { SocketAddress } from "./client-address";
import type { ServiceContext } from "./service-context";

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Everything the app needs from the outside world; tests pass their own. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock: () => Date;
  passwords: PasswordHasher;
  logger: Logger;
  /** Reads the client's socket address (Node: the connection; Workers: CF-Connecting-IP). */
  socketAddress?: SocketAddress;
  /** Mail delivery (Node: SMTP or .eml files) and, without SMTP, the NOT-SENT preview store. */
  mail?: { transport: MailTransport; preview?: MailPreviewStore };
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
}

type AuthMethod = "session" | "token";

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    user: CurrentUser | null;
    sessionId: string | null;
    authMethod: AuthMethod | null;
    /** The API token of a bearer request (its id, name and prefix; never the secret). */
    apiToken: { id: string; name: string; prefix: string } | null;
    locale: Locale;
    t: Translate;
    /** Per-request nonce-free CSP is used; this flag marks API requests (JSON errors). */
    isApi: boolean;
    /** Whether a path is a page of this app (a GET route), for the language switch's return. */
    isPage?: (path: string) => boolean;
    /** The service context, built on first use by `serviceContext(c)`. */
    services?: ServiceContext;
  };
}

export type AppContext = Context<AppEnv>;
