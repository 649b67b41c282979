/**
 * @module What a password must be: at least 12 characters and not guessable — checked with zxcvbn-ts and
 * its common-password dictionary (top passwords, names, English words, keyboard patterns), against the
 * user's own e-mail and name and the app's own words (sambang, banyuwangi, protokol …). `password1234`,
 * `aaaaaaaaaaaa` and `sambang12345` are refused; a long passphrase passes. The dictionary loads once per
 * process, on first use (about half a second). See docs/decisions/018-sessions-and-passwords.md.
 */
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { AppError } from "../http/errors";
import { type Locale, type MessageKey, translate } from "../i18n/dictionary";

const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's score 0–4; 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_PASSWORD_SCORE = 3;

const APP_WORDS = [
  "sambang",
  "banyuwangi",
  "protokol",
  "humas",
  "studi",
  "banding",
  "kunjungan",
  "pemkab",
  "kabupaten",
  "mpp",
  "indonesia",
];

/** Loaded on first use (see `password-strength.ts`). */
function zxcvbn(): Promise<ZxcvbnFactory> {
  return import("./password-strength").then((m) => m.strength);
}

/** The words of an e-mail and a name, for the check. */
function personalWords(...values: (string | undefined)[]): string[] {
  return values.flatMap((v) => {
    const text = (v ?? "").toLowerCase().split("@")[0] ?? "";
    const parts = text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
    // "budi.santoso" and "Budi Santoso" are also one word: "budisantoso".
    return [...parts, text.replace(/[^\p{L}\p{N}]+/gu, "")].filter((w) => w.length >= 3);
  });
}

/** The problem with a password, as a message key, or null when it is acceptable. */
async function passwordProblem(password: string, userInputs: string[] = []): Promise<MessageKey | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return "users.passwordTooShort";
  if (password.length > MAX_PASSWORD_LENGTH) return "users.passwordTooLong";
  // zxcvbn's cost grows with length; the first 100 characters decide (a longer one only gets stronger).
  const result = (await zxcvbn()).check(password.slice(0, 100), [...APP_WORDS, ...userInputs]);
  return result.score < MIN_PASSWORD_SCORE ? "users.passwordWeak" : null;
}

/** Throws `validation_failed` on the `password` field when the password is not acceptable. */
export async function assertAcceptablePassword(
  password: string,
  context: { email?: string; name?: string; locale?: Locale },
  field = "password",
): Promise<void> {
  const problem = await passwordProblem(password, personalWords(context.email, context.name));
  if (problem) {
    throw new AppError("validation_failed", {
      messageKey: problem,
      details: { fields: { [field]: [translate(context.locale ?? "id", problem)] } },
    });
  }
}
