/**
 * @module The invitations page of a delegation (/delegations/:id/invitations), for protocol staff: tick
 * the recipients and choose each one's form, POST to /send — answered first by the confirm step showing
 * exactly the mails that will go out (composed from the current agenda) — then the confirmed POST queues
 * them and answers 303 back to the page, where each recipient's last message shows its status. Bad input
 * (nobody ticked) gets the error beside the list with the ticks kept; nothing is queued.
 */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { delegations } from "../../db/schema/delegations";
import { InvitationPreview } from "../../views/pages/mail/invitation-preview";
import { type ChoiceValues, defaultChoiceValues, InvitationsPage } from "../../views/pages/mail/invitations";
import { requireRole } from "../auth/guard";
import { PROTOCOL } from "../auth/roles";
import { confirmStep, isConfirmed, postedFields } from "../http/confirm-step";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { prefixParam } from "../http/feature";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { readForm, readQuery } from "../http/validate";
import { INVITATION_FORMS, type RecipientChoice, recipientChoiceSchema } from "./invitation-recipients";
import { planInvitations, previewInvitations, sendInvitations } from "./invitations";
import { liveMailLink } from "./itinerary-link";
import { listOutbox } from "./outbox";
import { sendContextOf } from "./send-context";

const pageQuery = z.strictObject({
  queued: z.coerce.number().int().min(0).optional(),
  lang: z.string().optional(),
});

async function invitationsPage(
  c: AppContext,
  extra: { notice?: string; error?: string; choiceError?: string; values?: ChoiceValues } = {},
  status: 200 | 400 | 409 = 200,
) {
  const id = prefixParam(c, "id");
  const { db, config } = c.get("deps");
  const plan = await planInvitations(db.orm, id, config.hostTimeZone);
  const history = await listOutbox(db.orm, { delegationId: id, limit: 100 });
  return renderPage(
    c,
    c.get("t")("mail.inv.title", { code: plan.delegation.code }),
    <InvitationsPage
      ctx={pageContext(c)}
      plan={plan}
      history={history}
      values={extra.values ?? defaultChoiceValues(plan.candidates)}
      notice={extra.notice}
      error={extra.error}
      choiceError={extra.choiceError}
    />,
    status,
  );
}

/** `to.{key}=yes` and `form.{key}=…` fields → the choice, and the same as the form's values. */
function choiceOf(fields: Record<string, string>): { choice: RecipientChoice[]; values: ChoiceValues } {
  const values: ChoiceValues = {};
  const choice: RecipientChoice[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (!name.startsWith("form.")) continue;
    const key = name.slice(5);
    const form = (INVITATION_FORMS as readonly string[]).includes(value)
      ? (value as RecipientChoice["form"])
      : "itinerary";
    values[key] = { checked: fields[`to.${key}`] === "yes", form };
  }
  for (const [name, value] of Object.entries(fields)) {
    if (!name.startsWith("to.") || value !== "yes") continue;
    const key = name.slice(3);
    choice.push({ key, form: (fields[`form.${key}`] ?? "itinerary") as RecipientChoice["form"] });
    values[key] ??= { checked: true, form: "itinerary" };
  }
  return { choice, values };
}

const choiceSchema = z.array(recipientChoiceSchema).min(1);

export function invitationPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(PROTOCOL));

  app.get("/", (c) => {
    const { queued } = readQuery(c, pageQuery);
    const t = c.get("t");
    const notice =
      queued === undefined
        ? undefined
        : queued > 0
          ? t("mail.inv.queued", { count: queued })
          : t("mail.inv.nothing");
    return invitationsPage(c, { notice });
  });

  app.post("/send", async (c) => {
    const t = c.get("t");
    const id = prefixParam(c, "id");
    const fields = await postedFields(c);
    const { choice, values } = choiceOf(fields);
    const parsed = choiceSchema.safeParse(choice);
    if (!parsed.success) {
      return invitationsPage(c, { choiceError: t("mail.inv.noneChosen"), values }, 400);
    }
    const ctx = sendContextOf(c);
    const confirmed = await isConfirmed(c);
    try {
      if (confirmed) {
        const { queued } = await sendInvitations(ctx, id, parsed.data, { basis: fields.basis });
        return c.redirect(`/delegations/${id}/invitations?queued=${queued}`, 303);
      }
      return await showPreview(c, parsed.data);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "conflict" && error.messageKey === "mail.inv.changedSincePreview") {
        return showPreview(c, parsed.data, t(error.messageKey));
      }
      if (error.code === "conflict") {
        return invitationsPage(c, { error: t(error.messageKey, error.params), values }, 409);
      }
      if (error.code === "validation_failed") {
        return invitationsPage(c, { choiceError: t("mail.inv.badChoice"), values }, 400);
      }
      throw error;
    }
  });

  const showPreview = async (c: AppContext, choice: RecipientChoice[], warning?: string) => {
    const t = c.get("t");
    const id = prefixParam(c, "id");
    const ctx = sendContextOf(c);
    const preview = await previewInvitations(ctx, id, choice);
    if (preview.mails.length === 0) {
      return invitationsPage(c, {
        notice: t("mail.inv.nothing"),
        values: choiceOf(await postedFields(c)).values,
      });
    }
    const newLink = (await liveMailLink(ctx.db.orm, id, ctx)) === null;
    return confirmStep(c, {
      message: t("mail.inv.confirm", { count: preview.mails.length, code: preview.plan.delegation.code }),
      back: `/delegations/${id}/invitations`,
      danger: false,
      omit: ["basis"],
      status: warning ? 409 : 200,
      children: (
        <InvitationPreview
          ctx={pageContext(c)}
          mails={preview.mails}
          basis={preview.basis}
          newLink={newLink}
          warning={warning}
        />
      ),
    });
  };

  app.post("/auto-notices", async (c) => {
    const form = await readForm(c, z.object({ enabled: z.enum(["true", "false"]) }));
    if (!form.ok) throw new AppError("validation_failed", { details: { fields: form.errors } });
    const id = prefixParam(c, "id");
    const enabled = form.data.enabled === "true";
    await serviceContext(c).transaction(async (tx, audit) => {
      const d = await tx.query.delegations.findFirst({ where: eq(delegations.id, id) });
      if (!d) throw new AppError("not_found");
      if (d.autoNotices === enabled) return;
      await tx
        .update(delegations)
        .set({ autoNotices: enabled, version: d.version + 1, updatedAt: serviceContext(c).now })
        .where(eq(delegations.id, id));
      await audit(
        "delegation.auto_notices",
        { type: "delegation", id },
        { autoNotices: d.autoNotices },
        { autoNotices: enabled },
      );
    });
    return c.redirect(`/delegations/${id}/invitations`, 303);
  });
  return app;
}
