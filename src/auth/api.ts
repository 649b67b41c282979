/**
 * @module The sign-in API: /api/v1/auth/login and /logout (a session cookie, like the pages) and
 * /api/v1/me (who the session or bearer token acts as).
 */
import { z } from "zod";
import { LOCALES, ROLES } from "../../db/schema/auth";
import { apiRoute, featureApi, json } from "../http/api";
import { requestAddress } from "../http/client-address";
import { currentUser } from "./guard";
import { STAFF } from "./roles";
import { endSession, startSession } from "./session";
import type { Auth } from "./sessions";
import type { CheckCredentials } from "./sign-in";

const tag = "auth";

const loginSchema = z.strictObject({
  email: z.string().max(254).openapi({ description: "The account's e-mail address" }),
  password: z.string().max(200),
});
const meSchema = z
  .object({
    id: z.string(),
    email: z.email(),
    name: z.string(),
    role: z.enum(ROLES),
    locale: z.enum(LOCALES),
    authMethod: z.enum(["session", "token"]),
  })
  .openapi("Me");

const login = apiRoute({
  method: "post",
  path: "/login",
  operationId: "signIn",
  summary: "Sign in; sets the session cookie. Wrong e-mail or password → 401; too many failures → 429",
  tag,
  errors: [401, 429],
  request: { body: { required: true, content: { "application/json": { schema: loginSchema } } } },
  responses: { 200: json(meSchema, "Signed in") },
});

const logout = apiRoute({
  method: "post",
  path: "/logout",
  operationId: "signOut",
  summary: "Sign out (ends the session)",
  tag,
  responses: { 204: { description: "Signed out" } },
});

const me = apiRoute({
  method: "get",
  path: "/",
  operationId: "getMe",
  summary: "The signed-in user or token owner",
  tag,
  roles: STAFF,
  responses: { 200: json(meSchema) },
});

/** /api/v1/auth: sign in and out. */
export function signInApi(sessions: Auth, checkCredentials: CheckCredentials) {
  const app = featureApi();
  app.openapi(login, async (c) => {
    const { db, passwords, clock } = c.get("deps");
    const input = { ...c.req.valid("json"), ip: requestAddress(c), now: clock() };
    const user = await checkCredentials({ db, passwords }, input);
    await startSession(c, sessions, user);
    return c.json({ ...user, authMethod: "session" as const }, 200);
  });
  app.openapi(logout, async (c) => {
    await endSession(c, sessions);
    return c.body(null, 204);
  });
  return app;
}

/** /api/v1/me */
export function meApi() {
  const app = featureApi();
  app.openapi(me, (c) => {
    const authMethod = c.get("authMethod") ?? "session";
    return c.json({ ...currentUser(c), authMethod }, 200);
  });
  return app;
}
