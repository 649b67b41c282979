/**
 * @module The auth feature: sign-in, sign-out and language pages, password pages, API tokens (page and
 * API) and the sign-in API. The sessions come from the mount; the sign-in page and the sign-in API
 * share one credential checker per app (its in-process limit on parallel password checks).
 */
import type { Feature, FeatureMount } from "../http/feature";
import { meApi, signInApi } from "./api";
import { changePasswordPage, forgotPasswordPage, resetPasswordPage } from "./password-pages";
import { type CheckCredentials, createCredentialChecker } from "./sign-in";
import { languagePage, loginPage, logoutPage } from "./sign-in-pages";
import { tokenPages } from "./token-pages";
import { tokensApi } from "./tokens-api";

const checkers = new WeakMap<FeatureMount, CheckCredentials>();

function checkerOf(mount: FeatureMount): CheckCredentials {
  let checker = checkers.get(mount);
  if (!checker) {
    checker = createCredentialChecker();
    checkers.set(mount, checker);
  }
  return checker;
}

export const authFeature: Feature = {
  name: "auth",
  routes: [
    { prefix: "/login", app: (mount) => loginPage(mount.sessions, checkerOf(mount)) },
    { prefix: "/logout", app: (mount) => logoutPage(mount.sessions) },
    { prefix: "/language", app: languagePage },
    { prefix: "/account/password", app: changePasswordPage },
    { prefix: "/forgot-password", app: forgotPasswordPage },
    { prefix: "/reset-password", app: resetPasswordPage },
    { prefix: "/admin/tokens", app: tokenPages },
    { prefix: "/api/v1/auth", app: (mount) => signInApi(mount.sessions, checkerOf(mount)) },
    { prefix: "/api/v1/me", app: meApi },
    { prefix: "/api/v1/tokens", app: tokensApi },
  ],
};
