/**
 * @module The commitments JSON API under /api/v1/commitments: the board's list (same filters, counts),
 * create, read with history, edit and transition. Any staff role reads; humas, protocol and admin write.
 * A refused transition is 409 naming the allowed steps; a past target date is accepted and flagged.
 */
import { z } from "zod";
import { COMMITMENT_PARTIES, COMMITMENT_STATUSES } from "../../db/schema/outcomes";
import { currentUser } from "../auth/guard";
import { FOLLOW_UP, STAFF } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import { serviceContext } from "../http/service-context";
import { boardCounts, commitmentHistory, commitmentOut, getCommitmentView, listCommitments } from "./queries";
import {
  boardQuerySchema,
  commitmentCreateSchema,
  commitmentPatchSchema,
  commitmentTransitionSchema,
} from "./schemas";
import { createCommitment, hostToday, transitionCommitment, updateCommitment } from "./service";

const tag = "commitments";
const statusEnum = z.enum(COMMITMENT_STATUSES);
const commitmentSchema = z.object({
  id: z.string(),
  delegationId: z.string(),
  delegationCode: z.string(),
  institution: z.string(),
  provinceCode: z.string().nullable(),
  party: z.enum(COMMITMENT_PARTIES),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  ownerEmail: z.string().nullable(),
  ownerLabel: z.string(),
  what: z.string(),
  targetDate: z.iso.date(),
  status: statusEnum,
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  dropReason: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  evidenceNote: z.string().nullable(),
  completedOn: z.iso.date().nullable(),
  remindersEnabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
const oneOut = z.object({
  commitment: commitmentSchema,
  /** Set when the target date has already passed (recorded late). */
  warnings: z.array(z.string()),
});
const idParam = z.object({ id: z.string() });
const jsonBody = <S extends z.ZodType>(schema: S) => ({
  body: { required: true, content: { "application/json": { schema } } },
});

const list = apiRoute({
  method: "get",
  path: "/",
  operationId: "listCommitments",
  summary:
    "The commitment board: filter by delegation, status, overdue, owner (a user id or `me`), party, home province, due-date range; sorted by due date; with counts",
  tag,
  roles: STAFF,
  request: { query: boardQuerySchema },
  responses: {
    200: json(
      z.object({
        commitments: z.array(commitmentSchema),
        counts: z.object({
          byStatus: z.record(statusEnum, z.number().int()),
          overdue: z.number().int(),
          dueThisMonth: z.number().int(),
          total: z.number().int(),
        }),
      }),
    ),
  },
});

const create = apiRoute({
  method: "post",
  path: "/",
  operationId: "createCommitment",
  summary:
    "Record a commitment: delegation, party, owner (ownerUserId, or ownerName + ownerEmail), what, target date",
  tag,
  roles: FOLLOW_UP,
  request: jsonBody(commitmentCreateSchema),
  responses: { 201: json(oneOut, "Created") },
});

const one = apiRoute({
  method: "get",
  path: "/{id}",
  operationId: "getCommitment",
  summary: "One commitment with its history (from the audit log)",
  tag,
  roles: STAFF,
  request: { params: idParam },
  responses: {
    200: json(
      z.object({
        commitment: commitmentSchema,
        history: z.array(
          z.object({
            at: z.iso.datetime(),
            actor: z.string(),
            action: z.string(),
            before: z.unknown(),
            after: z.unknown(),
          }),
        ),
      }),
    ),
  },
});

const patch = apiRoute({
  method: "patch",
  path: "/{id}",
  operationId: "updateCommitment",
  summary: "Edit what, party, owner, target date or reminders; `version` required (409 stale otherwise)",
  tag,
  roles: FOLLOW_UP,
  errors: [409],
  request: { params: idParam, ...jsonBody(commitmentPatchSchema) },
  responses: { 200: json(oneOut) },
});

const transition = apiRoute({
  method: "post",
  path: "/{id}/transition",
  operationId: "transitionCommitment",
  summary:
    "Change status: open→in_progress, in_progress→done (evidence {url, note} required), open|in_progress→dropped (reason required); others 409 naming the allowed steps",
  tag,
  roles: FOLLOW_UP,
  errors: [409],
  request: { params: idParam, ...jsonBody(commitmentTransitionSchema) },
  responses: { 200: json(oneOut) },
});

export function commitmentsApi() {
  const app = featureApi();
  const today = (c: Parameters<typeof serviceContext>[0]) =>
    hostToday(c.get("deps").db.orm, c.get("deps").clock());
  const answer = async (c: Parameters<typeof serviceContext>[0], id: string, overdue: boolean) => {
    const view = await getCommitmentView(c.get("deps").db.orm, id, await today(c));
    return {
      commitment: commitmentOut(view),
      warnings: overdue ? [c.get("t")("commitments.pastDueWarning")] : [],
    };
  };

  app.openapi(list, async (c) => {
    const query = c.req.valid("query");
    const db = c.get("deps").db.orm;
    const day = await today(c);
    const mine = query.owner === "me" ? { owner: undefined, ownerUserId: currentUser(c).id } : {};
    const rows = await listCommitments(db, { ...query, ...mine }, day);
    return c.json({ commitments: rows.map(commitmentOut), counts: await boardCounts(db, day) }, 200);
  });

  app.openapi(create, async (c) => {
    const { commitment, overdue } = await createCommitment(serviceContext(c), c.req.valid("json"));
    return c.json(await answer(c, commitment.id, overdue), 201);
  });

  app.openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    const view = await getCommitmentView(c.get("deps").db.orm, id, await today(c));
    const history = await commitmentHistory(c.get("deps").db.orm, id);
    return c.json(
      { commitment: commitmentOut(view), history: history.map((h) => ({ ...h, at: h.at.toISOString() })) },
      200,
    );
  });

  app.openapi(patch, async (c) => {
    const { id } = c.req.valid("param");
    await updateCommitment(serviceContext(c), id, c.req.valid("json"));
    return c.json(await answer(c, id, false), 200);
  });

  app.openapi(transition, async (c) => {
    const { id } = c.req.valid("param");
    await transitionCommitment(serviceContext(c), id, c.req.valid("json"));
    return c.json(await answer(c, id, false), 200);
  });

  return app;
}
