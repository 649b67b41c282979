/**
 * @module Admin user management pages, mounted at /admin/users (admins only).
 */
import { Hono } from "hono";
import { z } from "zod";
import { ROLES } from "../../db/schema/auth";
import { UsersPage } from "../../views/pages/admin/users";
import { requireRole } from "../auth/guard";
import { generatePassword } from "../auth/password";
import { ADMIN } from "../auth/roles";
import { confirmStep, isConfirmed } from "../http/confirm-step";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { redirectWithFlash, takeFlash } from "../http/flash";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { type FieldErrors, readForm } from "../http/validate";
import { createUser, getUser, listUsers, newUserSchema, updateUser } from "./service";

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

export function usersPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(ADMIN));

  app.get("/", (c) => showPage(c, takeFlash(c)));

  app.post("/", async (c) => {
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
      const user = await createUser(serviceContext(c), { ...form.data, password });
      return redirectWithFlash(c, "/admin/users", {
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

  app.post("/:id/role", async (c) => {
    const form = await readForm(c, z.object({ role: z.enum(ROLES) }));
    if (!form.ok) return showPage(c, { errors: form.errors }, 400);
    try {
      const user = await updateUser(serviceContext(c), c.req.param("id"), { role: form.data.role });
      return redirectWithFlash(c, "/admin/users", {
        notice: c.get("t")("users.updated", { email: user.email }),
      });
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict")
        return showPage(c, { error: c.get("t")(error.messageKey) }, 409);
      throw error;
    }
  });

  app.post("/:id/reset-password", async (c) => {
    const password = generatePassword();
    const user = await updateUser(serviceContext(c), c.req.param("id"), { password });
    return redirectWithFlash(c, "/admin/users", {
      notice: c.get("t")("users.passwordReset", { email: user.email }),
      secret: password,
    });
  });

  for (const action of ["disable", "enable"] as const) {
    app.post(`/:id/${action}`, async (c) => {
      if (action === "disable" && !(await isConfirmed(c))) {
        const target = await getUser(c.get("deps").db, c.req.param("id"));
        return confirmStep(c, {
          message: c.get("t")("confirm.disableUser", { email: target.email }),
          back: "/admin/users",
        });
      }
      try {
        const user = await updateUser(serviceContext(c), c.req.param("id"), {
          disabled: action === "disable",
        });
        return redirectWithFlash(c, "/admin/users", {
          notice: c.get("t")("users.updated", { email: user.email }),
        });
      } catch (error) {
        if (error instanceof AppError && error.code === "conflict")
          return showPage(c, { error: c.get("t")(error.messageKey) }, 409);
        throw error;
      }
    });
  }

  return app;
}
