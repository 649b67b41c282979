/**
 * @module The few Workers runtime types the entry uses (instead of a dependency on
 * @cloudflare/workers-types, whose globals clash with the DOM and Node types this project compiles with).
 */
declare module "cloudflare:sockets" {
  import type { SmtpConnect } from "../mail/smtp/socket";

  export const connect: SmtpConnect;
}

interface WorkerExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
  readonly props: unknown;
}

interface WorkerScheduledController {
  readonly scheduledTime: number;
  readonly cron: string;
  noRetry(): void;
}
