/**
 * @module Node only: picks the transport from config — SMTP when SMTP_URL is set, else .eml files in
 * MAIL_DIR with the NOT-SENT preview store — for src/server.ts to inject as `deps.mail`.
 */
import type { Config } from "../../config";
import type { MailPreviewStore } from "../preview";
import type { MailTransport } from "../transport";
import { createFileTransport, filePreviewStore } from "./file-transport";
import { createSmtpTransport } from "./smtp-transport";

export function createNodeMail(config: Config): { transport: MailTransport; preview: MailPreviewStore } {
  if (config.smtpUrl) {
    return {
      transport: createSmtpTransport({
        url: config.smtpUrl,
        rejectUnauthorized: config.smtpTlsRejectUnauthorized,
      }),
      // Files written before SMTP was configured stay viewable.
      preview: filePreviewStore(config.mailDir),
    };
  }
  const transport = createFileTransport(config.mailDir);
  return { transport, preview: transport.preview };
}
