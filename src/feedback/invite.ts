/**
 * @module Survey invitations when a visit is completed: one private link per recipient — the contact
 * person, and each participant with an e-mail when staff ask for it — and one mail per link through the
 * outbox, in the delegation's language. Called INSIDE the completing write transaction, so the links and
 * mails exist exactly when the visit is completed. A recipient who already has a link (a visit reopened
 * and completed again) gets no second one.
 */

import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { delegations, participants } from "../../db/schema/delegations";
import { feedbackLinks } from "../../db/schema/feedback";
import { newId } from "../auth/encoding";
import { getHostSettings } from "../host-settings/service";
import type { Audit } from "../http/service-context";
import type { Locale } from "../i18n/dictionary";
import { formatDate } from "../i18n/format";
import { composeMail, frame } from "../mail/compose";
import { cleanHeaderText, isSafeAddress } from "../mail/header-safety";
import { enqueueMessage } from "../mail/outbox";
import { officeSignatureOf } from "../mail/signature";
import { newSurveyToken, surveyUrl } from "./tokens";
import { linkExpiry } from "./window";

interface FeedbackInvitation {
  delegationId: string;
  /** Also each participant with an e-mail (staff tick it when completing). */
  includeParticipants: boolean;
  /** The completing transaction's `audit` (from `ctx.transaction`): the invitation is audited in it. */
  audit: Audit;
  now: Date;
  /** BASE_URL, for the link and the Message-ID host. */
  baseUrl: string;
}

const emailKey = (email: string) => email.trim().toLowerCase();

/** Issues the links and queues their mails in `tx`; returns how many invitations were queued. */
export async function inviteFeedback(tx: Queryable, input: FeedbackInvitation): Promise<number> {
  const d = await tx.select().from(delegations).where(eq(delegations.id, input.delegationId)).get();
  if (!d) return 0;
  const wanted = new Map<string, { name: string; email: string; participantId: string | null }>();
  const add = (name: string, email: string | null, participantId: string | null) => {
    const address = email?.trim() ?? "";
    if (!address || !isSafeAddress(address) || wanted.has(emailKey(address))) return;
    wanted.set(emailKey(address), { name: name.trim() || address, email: address, participantId });
  };
  add(d.contactName, d.contactEmail, null);
  if (input.includeParticipants) {
    const roster = await tx
      .select({ id: participants.id, name: participants.name, email: participants.email })
      .from(participants)
      .where(eq(participants.delegationId, d.id))
      .orderBy(participants.precedenceRank);
    for (const p of roster) add(p.name, p.email, p.id);
  }
  const existing = await tx
    .select({ email: feedbackLinks.recipientEmail })
    .from(feedbackLinks)
    .where(eq(feedbackLinks.delegationId, d.id));
  for (const e of existing) wanted.delete(emailKey(e.email));
  if (wanted.size === 0) return 0;

  const host = await getHostSettings(tx);
  const locale: Locale = d.language;
  const expiresAt = linkExpiry(input.now);
  const institution = cleanHeaderText(d.institution);
  const issued: string[] = [];
  for (const r of wanted.values()) {
    const { token, tokenHash } = newSurveyToken();
    const id = newId();
    await tx.insert(feedbackLinks).values({
      id,
      delegationId: d.id,
      participantId: r.participantId,
      tokenHash,
      recipientName: r.name,
      recipientEmail: emailKey(r.email),
      createdAt: input.now,
      expiresAt,
    });
    const base = frame(locale, "", r.name, officeSignatureOf(host));
    const { t } = base;
    const subject = t("mail.feedback.subject", { code: d.code, institution });
    const composed = await composeMail(subject, {
      ...base,
      heading: subject,
      paragraphs: [
        t("mail.feedback.intro", { institution: d.institution, host: host.governmentName }),
        t("mail.feedback.expires", { date: formatDate(expiresAt, locale, host.defaultTimeZone) }),
      ],
      link: { label: t("mail.feedback.link"), url: surveyUrl(input.baseUrl, token) },
    });
    await enqueueMessage(
      tx,
      { now: input.now, baseUrl: input.baseUrl },
      {
        kind: "feedback_request",
        delegationId: d.id,
        scope: id,
        locale,
        to: { name: r.name, email: r.email },
        ...composed,
      },
    );
    issued.push(id);
  }
  await input.audit("feedback.invite", { type: "delegation", id: d.id }, undefined, {
    linkIds: issued,
    includeParticipants: input.includeParticipants,
  });
  return issued.length;
}
