/**
 * @module Admin user management: pages under /admin/users and the JSON API under /api/v1/users.
 */
import { Hono } from "hono";
import { z } from "zod";
import { ROLES } from "../../db/schema/auth";
import { UsersPage } from "../../views/pages/admin/users";
import { actorOf, requireRole } from "../auth/guard";
import { generatePassword } from "../auth/password";
import { ADMIN } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import type { RouteDoc } from "../http/openapi";
import { pageContext, renderPage } from "../http/render";
import { type FieldErrors, readForm, readJson } from "../http/validate";
import { createUser, getUser, listUsers, newUserSchema, updateUser, userUpdateSchema } from "./service";

const userOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: z.string(),
  disabledAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const usersApiDocs: RouteDoc[] = [
  {
    method: "get",
    path: "/users",
    summary: "List staff users",
    tag: "users",
    roles: ADMIN,
    response: z.object({ users: z.array(userOut) }),
  },
  {
    method: "post",
    path: "/users",
    summary: "Create a user (a password is generated when none is given and returned once)",
    tag: "users",
    roles: ADMIN,
    body: newUserSchema,
    status: 201,
    response: z.object({ user: userOut, password: z.string().optional() }),
  },
  {
    method: "get",
    path: "/users/{id}",
    summary: "One user",
    tag: "users",
    roles: ADMIN,
    response: z.object({ user: userOut }),
  },
  {
    method: "patch",
    path: "/users/{id}",
    summary: "Change name, role, language, password, or disable/enable",
    tag: "users",
    roles: ADMIN,
    body: userUpdateSchema,
    response: z.object({ user: userOut }),
  },
];

function serviceCtx(c: AppContext) {
  const { db, passwords, clock } = c.get("deps");
  return { db, passwords, actor: actorOf(c), now: clock(), locale: c.get("locale") };
}

async function showPage(
  c: AppContext,
  extra: Partial<Parameters<typeof UsersPage>[0]> = {},
  status: 200 | 400 | 409 = 200,
) {
  const users = await listUsers(c.get("deps").db);
  return renderPage(
    c,
    c.get("t")("users.title"),
    <UsersPage ctx={pageContext(c)} users={users} {...extra} />,
    status,
  );
}

export function userRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/admin/users", requireRole(ADMIN));
  app.use("/admin/users/*", requireRole(ADMIN));
  app.use("/api/v1/users", requireRole(ADMIN));
  app.use("/api/v1/users/*", requireRole(ADMIN));

  app.get("/admin/users", (c) => showPage(c));

  app.post("/admin/users", async (c) => {
    const form = await readForm(c, newUserSchema.extend({ password: z.string().optional() }).loose());
    const t = c.get("t");
    if (!form.ok) return showPage(c, { errors: form.errors, values: form.values }, 400);
    const given = form.data.password?.trim();
    if (given && given.length < 12) {
      const errors: FieldErrors = { password: [t("users.passwordTooShort")] };
      return showPage(c, { errors, values: form.values }, 400);
    }
    const password = given || generatePassword();
    try {
      const user = await createUser(serviceCtx(c), { ...form.data, password });
      return showPage(c, {
        notice: t(given ? "users.created" : "users.createdWithPassword", { email: user.email }),
        secret: given ? undefined : password,
      });
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict") {
        return showPage(c, { errors: { email: [t("users.emailTaken")] }, values: form.values }, 409);
      }
      if (error instanceof AppError && error.code === "validation_failed") {
        const errors = (error.details as { fields?: FieldErrors } | undefined)?.fields ?? {};
        return showPage(c, { errors, values: form.values }, 400);
      }
      throw error;
    }
  });

  app.post("/admin/users/:id/role", async (c) => {
    const form = await readForm(c, z.object({ role: z.enum(ROLES) }));
    if (!form.ok) return showPage(c, { errors: form.errors }, 400);
    try {
      const user = await updateUser(serviceCtx(c), c.req.param("id"), { role: form.data.role });
      return showPage(c, { notice: c.get("t")("users.updated", { email: user.email }) });
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict")
        return showPage(c, { error: c.get("t")(error.messageKey) }, 409);
      throw error;
    }
  });

  app.post("/admin/users/:id/reset-password", async (c) => {
    const password = generatePassword();
    const user = await updateUser(serviceCtx(c), c.req.param("id"), { password });
    return showPage(c, {
      notice: c.get("t")("users.passwordReset", { email: user.email }),
      secret: password,
    });
  });

  for (const action of ["disable", "enable"] as const) {
    app.post(`/admin/users/:id/${action}`, async (c) => {
      try {
        const user = await updateUser(serviceCtx(c), c.req.param("id"), { disabled: action === "disable" });
        return showPage(c, { notice: c.get("t")("users.updated", { email: user.email }) });
      } catch (error) {
        if (error instanceof AppError && error.code === "conflict")
          return showPage(c, { error: c.get("t")(error.messageKey) }, 409);
        throw error;
      }
    });
  }

  app.get("/api/v1/users", async (c) => c.json({ users: await listUsers(c.get("deps").db) }));

  app.post("/api/v1/users", async (c) => {
    const body = await readJson(c, newUserSchema);
    const password = body.password ?? generatePassword();
    const user = await createUser(serviceCtx(c), { ...body, password });
    return c.json({ user, ...(body.password ? {} : { password }) }, 201);
  });

  app.get("/api/v1/users/:id", async (c) =>
    c.json({ user: await getUser(c.get("deps").db, c.req.param("id")) }),
  );

  app.patch("/api/v1/users/:id", async (c) => {
    const body = await readJson(c, userUpdateSchema);
    return c.json({ user: await updateUser(serviceCtx(c), c.req.param("id"), body) });
  });

  return app;
}
