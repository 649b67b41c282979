/**
 * @module Builds the raw MIME message with nodemailer's MailComposer from the same options as the Node
 * transports (node/nodemailer-message.ts), so a message sent from a Worker has the structure of one sent
 * from Node: one text/calendar alternative and one .ics attachment. Runs on Node and on Workers with
 * `nodejs_compat` (it needs Buffer and streams, not sockets or files).
 */
import MailComposer from "nodemailer/lib/mail-composer";
import { nodemailerOptions } from "../node/nodemailer-message";
import type { OutgoingMail } from "../transport";

export function composeMime(mail: OutgoingMail): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    new MailComposer(nodemailerOptions(mail)).compile().build((error, message) => {
      if (error) reject(error);
      else resolve(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
    });
  });
}
