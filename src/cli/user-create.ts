/**
 * @module Operator CLI: `npm run user:create -- --email x@y --role protocol [--name N] [--password P]
 * [--locale id|en]`. Opens the database of DATABASE_URL (migrating it if needed), creates the user through
 * the same service as the admin page (audited, actor "cli"), and prints a generated password once.
 * Node only.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { openDatabase } from "../../db/open-node";
import { ROLES } from "../../db/schema/auth";
import { createPasswordHasher, generatePassword, type PasswordHasher } from "../auth/password";
import { nodeScrypt } from "../auth/scrypt-node";
import { ConfigError, parseConfig } from "../config";
import { AppError } from "../http/errors";
import { createServiceContext } from "../http/service-context";
import { fieldErrors } from "../http/validate";
import { createUser, newUserSchema } from "../users/service";

const USAGE = `Usage: npm run user:create -- --email <e-mail> --role <${ROLES.join("|")}> [--name <name>] [--password <password>] [--locale id|en]`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs the command; returns the process exit code. */
export async function userCreate(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CliIo,
  passwords: PasswordHasher = createPasswordHasher(nodeScrypt),
): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
        locale: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const input = {
    email: values.email,
    role: values.role,
    name: values.name ?? (typeof values.email === "string" ? values.email.split("@")[0] : undefined),
    locale: values.locale,
    ...(values.password !== undefined ? { password: values.password } : {}),
  };
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error.issues, "en");
    for (const [field, messages] of Object.entries(fields)) io.err(`--${field}: ${messages.join(" ")}`);
    io.err(USAGE);
    return 2;
  }

  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
  const db = await openDatabase({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  try {
    const password = parsed.data.password ?? generatePassword();
    const user = await createUser(
      createServiceContext({ db, config, passwords }, { actor: { id: null, label: "cli" }, now: new Date() }),
      { ...parsed.data, password },
    );
    io.out(`User created / pengguna dibuat: ${user.email} (${user.role})`);
    if (!parsed.data.password) {
      io.out(`Password / kata sandi: ${password}   (shown once / tampil sekali)`);
    }
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      io.err(`--email: a user with this e-mail already exists (${parsed.data.email}).`);
      return 1;
    }
    throw error;
  } finally {
    db.close();
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  userCreate(process.argv.slice(2), process.env, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  })
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error("user:create failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
