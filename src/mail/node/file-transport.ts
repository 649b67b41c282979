/**
 * @module Node only: the embedded default without SMTP. Each message is composed exactly as SMTP would
 * carry it and written to `MAIL_DIR/<uuid>.eml` (named after its Message-ID, so a resend overwrites
 * rather than doubles) with a `.json` sidecar for the staff preview page. Nothing is sent. nodemailer
 * (the composer) is imported at the first message, not at start-up.
 */
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Transporter } from "nodemailer";
import {
  type MailPreviewEntry,
  type MailPreviewStore,
  type MailPreviewSummary,
  PREVIEW_NAME,
} from "../preview";
import type { MailTransport } from "../transport";
import { nodemailerOptions } from "./nodemailer-message";

export function createFileTransport(dir: string): MailTransport & { preview: MailPreviewStore } {
  let composer: Promise<Transporter> | undefined;
  const open = () => {
    composer ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" }),
    );
    return composer;
  };
  return {
    kind: "file",
    description: dir,
    async send(mail) {
      const info = await (await open()).sendMail(nodemailerOptions(mail));
      const base = fileBaseOf(mail.messageId);
      await mkdir(dir, { recursive: true });
      const summary: MailPreviewSummary = {
        name: `${base}.eml`,
        messageId: mail.messageId,
        to: `${mail.to.name} <${mail.to.email}>`,
        subject: mail.subject,
        kind: mail.headers["X-Sambang-Kind"] ?? "",
        language: mail.headers["Content-Language"],
        writtenAt: new Date().toISOString(),
        hasCalendar: mail.calendar !== undefined,
      };
      // Write then rename: a reader never sees half a file.
      await writeAtomic(join(dir, `${base}.eml`), info.message as Buffer);
      await writeAtomic(
        join(dir, `${base}.json`),
        JSON.stringify({ ...summary, text: mail.text, html: mail.html }, null, 1),
      );
      return { response: `written to ${join(dir, `${base}.eml`)} (not sent)` };
    },
    preview: filePreviewStore(dir),
  };
}

function fileBaseOf(messageId: string): string {
  return messageId.replace(/^<|>$/g, "").replace(/[^A-Za-z0-9._-]/g, "_");
}

async function writeAtomic(path: string, data: string | Buffer) {
  const tmp = `${path}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

export function filePreviewStore(dir: string): MailPreviewStore {
  return {
    async list(limit = 200) {
      let names: string[];
      try {
        names = (await readdir(dir)).filter((n) => n.endsWith(".json"));
      } catch {
        return [];
      }
      const entries: MailPreviewSummary[] = [];
      for (const n of names) {
        try {
          const { text: _t, html: _h, ...summary } = JSON.parse(await readFile(join(dir, n), "utf8"));
          entries.push(summary as MailPreviewSummary);
        } catch {
          // A sidecar being written right now, or foreign: skip it.
        }
      }
      entries.sort((a, b) => b.writtenAt.localeCompare(a.writtenAt));
      return entries.slice(0, limit);
    },
    async read(name) {
      if (!PREVIEW_NAME.test(name) || !name.endsWith(".eml")) return null;
      try {
        const raw = await readFile(join(dir, name), "utf8");
        const meta = JSON.parse(await readFile(join(dir, name.replace(/\.eml$/, ".json")), "utf8"));
        return { ...(meta as MailPreviewEntry), raw };
      } catch {
        return null;
      }
    },
  };
}
