/**
 * @module The users JSON API under /api/v1/users (admins only): each endpoint declared once with its
 * guard, schemas and responses.
 */
import { z } from "zod";
import { LOCALES, ROLES } from "../../db/schema/auth";
import { generatePassword } from "../auth/password";
import { ADMIN } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import { serviceContext } from "../http/service-context";
import { createUser, getUser, listUsers, newUserSchema, updateUser, userUpdateSchema } from "./service";

const userOut = z.object({
  id: z.string(),
  email: z.email(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  disabledAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
const idParam = z.object({ id: z.string() });
const tag = "users";

const list = apiRoute({
  method: "get",
  path: "/",
  operationId: "listUsers",
  summary: "List staff users",
  tag,
  roles: ADMIN,
  responses: { 200: json(z.object({ users: z.array(userOut) })) },
});

const create = apiRoute({
  method: "post",
  path: "/",
  operationId: "createUser",
  summary: "Create a user (a password is generated when none is given and returned once)",
  tag,
  roles: ADMIN,
  errors: [409],
  request: { body: { required: true, content: { "application/json": { schema: newUserSchema } } } },
  responses: { 201: json(z.object({ user: userOut, password: z.string().optional() }), "Created") },
});

const one = apiRoute({
  method: "get",
  path: "/{id}",
  operationId: "getUser",
  summary: "One user",
  tag,
  roles: ADMIN,
  request: { params: idParam },
  responses: { 200: json(z.object({ user: userOut })) },
});

const update = apiRoute({
  method: "patch",
  path: "/{id}",
  operationId: "updateUser",
  summary: "Change name, role, language, password, or disable/enable",
  tag,
  roles: ADMIN,
  errors: [409],
  request: {
    params: idParam,
    body: { required: true, content: { "application/json": { schema: userUpdateSchema } } },
  },
  responses: { 200: json(z.object({ user: userOut })) },
});

export function usersApi() {
  const app = featureApi();
  app.openapi(list, async (c) => c.json({ users: await listUsers(c.get("deps").db) }, 200));
  app.openapi(create, async (c) => {
    const body = c.req.valid("json");
    const password = body.password ?? generatePassword();
    const user = await createUser(serviceContext(c), { ...body, password });
    return c.json({ user, ...(body.password ? {} : { password }) }, 201);
  });
  app.openapi(one, async (c) =>
    c.json({ user: await getUser(c.get("deps").db, c.req.valid("param").id) }, 200),
  );
  app.openapi(update, async (c) =>
    c.json({ user: await updateUser(serviceContext(c), c.req.valid("param").id, c.req.valid("json")) }, 200),
  );
  return app;
}
