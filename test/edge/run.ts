/**
 * @module `npm run test:edge`: the Workers deployment end to end, offline. Starts a local libSQL server
 * (sqld), migrates and seeds it with `npm run db:migrate`, starts a real SMTP server (smtp-server, AUTH
 * required) and `npm run worker:dev -- --test-scheduled` (wrangler dev, workerd) against both, then drives
 * the Worker over HTTP: sign-in, a password hashed in workerd compared byte for byte with Node's scrypt,
 * a booking (201), the same slot again (409), 50 simultaneous bookings of one slot (exactly one 201), the
 * itinerary page, its .ics (ical.js) and PDF, invitations queued, the cron triggered, and the invitation
 * read back from the SMTP server with one text/calendar part. Prints one line per check and a closing
 * "N passed, N failed" line; stops every process it started; exits 1 on any failure.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { openDatabase } from "../../db/open-node";
import { agendaItems } from "../../db/schema/agenda";
import { users } from "../../db/schema/auth";
import { outboxMessages } from "../../db/schema/outbox";
import { base64url, randomSecret } from "../../src/auth/encoding";
import { nodeScrypt } from "../../src/auth/scrypt-node";
import { MPP_VENUE, makeDelegation, makeHost, makeVenue } from "../helpers/factories";
import { freePort } from "../helpers/free-port";
import { type Sqld, startSqld } from "../helpers/sqld";
import { contentTypes, type SmtpSink, startSmtpSink } from "../mail/smtp-sink";
import { assert, check, record, summary } from "./checks";
import { groupAlive, run, startWrangler, stopGroup, type Wrangler, waitForWorker } from "./processes";

const ADMIN = { email: "admin@sambang.test", password: "admin-password-for-edge" };
const SMTP_AUTH = { user: "relay-user", pass: "relay-secret" };
const CONCURRENT = 50;

/** A date `days` ahead in WIB, as YYYY-MM-DD. */
function dateAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 10);
}

async function main(): Promise<number> {
  const began = Date.now();
  const scratch = mkdtempSync(join(tmpdir(), "sambang-edge-"));
  let sqld: Sqld | undefined;
  let smtp: SmtpSink | undefined;
  let wrangler: Wrangler | undefined;
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    sqld = await startSqld({ dir: join(scratch, "sqld") });
    smtp = await startSmtpSink({ auth: SMTP_AUTH });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    console.log(`libSQL server ${sqld.url} (pid ${sqld.pid}), SMTP 127.0.0.1:${smtp.port}, Worker ${base}`);

    await check(
      "npm run db:migrate: migrations, first admin and starter data on the libSQL server",
      async () => {
        const out = await run("npm", ["run", "--silent", "db:migrate"], {
          DATABASE_URL: sqld!.url,
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          SEED: "starter",
        });
        assert(/First admin created/.test(out) && /Seeded/.test(out), `unexpected output: ${out}`);
        const again = await run("npm", ["run", "--silent", "db:migrate"], { DATABASE_URL: sqld!.url });
        assert(!/First admin|Seeded/.test(again), `a second run changed something: ${again}`);
      },
    );

    // Test data for this run, written over HTTP by a Node client like any other.
    db = await openDatabase({ url: sqld.url, migrate: false });
    const day = dateAhead(45);
    const venue = await makeVenue(db, {
      ...MPP_VENUE,
      name: "Mal Pelayanan Publik Banyuwangi",
      concurrentGroups: 1,
    });
    const host = await makeHost(db, { name: "Bu Kepala DPMPTSP", email: "kadis@banyuwangikab.go.id" });
    const dates = { preferredDates: { start: day, end: day } };
    const guest = await makeDelegation(db, {
      ...dates,
      institution: "Pemerintah Kabupaten Badung",
      contactName: "Pak Kontak",
      contactEmail: "kontak@badungkab.go.id",
      language: "id",
    });
    const racers: { id: string }[] = [];
    for (let i = 0; i < CONCURRENT; i++) racers.push(await makeDelegation(db, dates));

    wrangler = startWrangler(
      [
        "--port",
        String(port),
        "--ip",
        "127.0.0.1",
        "--inspector-port",
        String(await freePort()),
        "--test-scheduled",
        "--persist-to",
        join(scratch, "wrangler-state"),
        "--show-interactive-dev-session=false",
      ],
      {
        DATABASE_URL: sqld.url,
        BASE_URL: base,
        SMTP_URL: `smtp://${SMTP_AUTH.user}:${SMTP_AUTH.pass}@127.0.0.1:${smtp.port}`,
        MAIL_FROM: "Protokol Banyuwangi <protokol@banyuwangikab.go.id>",
        // A Worker requires it; this run's own, passed as a `--var` by `npm run worker:dev`.
        LINK_SECRET: randomSecret(32),
        WRANGLER_SEND_METRICS: "false",
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
      },
    );
    await waitForWorker(base, wrangler);
    console.log(`wrangler dev ready after ${Math.round((Date.now() - began) / 1000)} s`);

    const origin = { Origin: base };
    const api = (path: string, init: RequestInit & { cookie?: string } = {}) =>
      fetch(`${base}${path}`, {
        ...init,
        headers: {
          ...origin,
          ...(init.body ? { "Content-Type": "application/json" } : {}),
          ...(init.cookie ? { Cookie: init.cookie } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      });
    const signIn = async (email: string, password: string) => {
      const res = await api("/api/v1/auth/login", {
        method: "POST",
        body: JSON.stringify({ email, password }),
      });
      assert(res.status === 200, `sign-in answered ${res.status}: ${await res.text()}`);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith("sambang_session="));
      assert(cookie, "no session cookie");
      return cookie.split(";")[0] as string;
    };

    let admin = "";
    await check("sign in on the Worker with a password hashed on Node", async () => {
      admin = await signIn(ADMIN.email, ADMIN.password);
      const me = await api("/api/v1/me", { cookie: admin });
      assert(me.status === 200, `/api/v1/me answered ${me.status}`);
    });

    let staff = "";
    await check(
      "a password hashed on the Worker (node:crypto.scrypt) is byte-identical to Node's",
      async () => {
        const password = "protokol-edge-password";
        const res = await api("/api/v1/users", {
          method: "POST",
          cookie: admin,
          body: JSON.stringify({
            email: "protokol@sambang.test",
            name: "Staf Protokol",
            role: "protocol",
            password,
          }),
        });
        assert(res.status === 201, `creating a user answered ${res.status}: ${await res.text()}`);
        const row = await db!.orm.select().from(users).where(eq(users.email, "protokol@sambang.test")).get();
        const m = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(row?.passwordHash ?? "");
        assert(m, `unexpected stored hash ${row?.passwordHash}`);
        const [, ln, r, p, salt, key] = m as unknown as string[];
        const expected = base64url.decode(key as string);
        const onNode = await nodeScrypt(password, base64url.decode(salt as string), {
          ln: Number(ln),
          r: Number(r),
          p: Number(p),
          dkLen: expected.length,
        });
        assert(base64url.encode(onNode) === key, "Node's scrypt gives other bytes for the Worker's salt");
        staff = await signIn("protokol@sambang.test", password);
        return `ln=${ln}, r=${r}, p=${p}`;
      },
    );

    const slot = (start: string, end: string) => ({
      startsAt: `${day}T${start}:00+07:00`,
      endsAt: `${day}T${end}:00+07:00`,
    });
    const booking = (title: string, times: { startsAt: string; endsAt: string }, hostIds: string[] = []) => ({
      method: "POST",
      cookie: staff,
      body: JSON.stringify({ title, kind: "tour", venueId: venue.id, hostIds, ...times }),
    });

    await check("book a slot: 201", async () => {
      const res = await api(
        `/api/v1/delegations/${guest.id}/agenda`,
        booking("Kunjungan MPP", slot("09:00", "10:30"), [host.id]),
      );
      assert(res.status === 201, `answered ${res.status}: ${await res.text()}`);
    });

    await check("the same slot again: 409 conflict", async () => {
      const res = await api(
        `/api/v1/delegations/${racers[0]!.id}/agenda`,
        booking("Tur MPP", slot("09:30", "10:00")),
      );
      const body = (await res.json()) as { error?: { code: string } };
      assert(
        res.status === 409 && body.error?.code === "conflict",
        `answered ${res.status}: ${JSON.stringify(body)}`,
      );
    });

    await check(
      `${CONCURRENT} simultaneous bookings of one slot: exactly one 201, the rest 409`,
      async () => {
        const times = slot("13:00", "14:00");
        const statuses = await Promise.all(
          racers.map(
            async (d) => (await api(`/api/v1/delegations/${d.id}/agenda`, booking("Tur MPP", times))).status,
          ),
        );
        const created = statuses.filter((s) => s === 201).length;
        const conflicts = statuses.filter((s) => s === 409).length;
        assert(created === 1 && conflicts === CONCURRENT - 1, `statuses: ${JSON.stringify(statuses)}`);
        const rows = await db!.orm.select().from(agendaItems).where(eq(agendaItems.venueId, venue.id)).all();
        assert(rows.length === 2, `${rows.length} agenda rows at the venue, expected 2`);
        return `${created} × 201, ${conflicts} × 409`;
      },
    );

    let links = { url: "", calendarUrl: "", pdfUrl: "" };
    await check("the itinerary page of the shared link", async () => {
      const res = await api(`/api/v1/delegations/${guest.id}/share`, { method: "POST", cookie: staff });
      assert(res.status === 201, `share answered ${res.status}`);
      links = (await res.json()) as typeof links;
      const page = await fetch(links.url);
      const html = await page.text();
      assert(page.status === 200, `page answered ${page.status}`);
      assert(html.includes("Kunjungan MPP") && html.includes("09.00–10.30 WIB"), "no item with WIB time");
    });

    await check("its .ics, parsed by ical.js", async () => {
      const res = await fetch(links.calendarUrl);
      assert(
        res.status === 200 && /text\/calendar/.test(res.headers.get("content-type") ?? ""),
        `${res.status}`,
      );
      const calendar = ICAL.Component.fromString(await res.text());
      const events = calendar.getAllSubcomponents("vevent");
      assert(events.length === 1, `${events.length} events`);
      const start = events[0]!.getFirstPropertyValue("dtstart") as ICAL.Time;
      assert(
        start.toJSDate().toISOString() === new Date(`${day}T09:00:00+07:00`).toISOString(),
        `start ${start}`,
      );
    });

    await check("its PDF", async () => {
      const res = await fetch(links.pdfUrl);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert(res.status === 200 && res.headers.get("content-type") === "application/pdf", `${res.status}`);
      assert(new TextDecoder().decode(bytes.slice(0, 5)) === "%PDF-", "not a PDF");
      return `${bytes.length} bytes`;
    });

    await check("queue the invitations", async () => {
      // The contact in the per-session form: one calendar invitation (iTIP REQUEST) per session.
      const res = await api(`/api/v1/delegations/${guest.id}/invitations/send`, {
        method: "POST",
        cookie: staff,
        body: JSON.stringify({ recipients: [{ key: "contact", form: "sessions" }] }),
      });
      const body = (await res.json()) as { queued: number };
      assert(res.status === 202 && body.queued > 0, `answered ${res.status}: ${JSON.stringify(body)}`);
      return `${body.queued} queued`;
    });

    await check(
      "the cron delivers over SMTP: the invitation arrives with one text/calendar part",
      async () => {
        const cron = await fetch(`${base}/__scheduled?cron=${encodeURIComponent("*/5 * * * *")}`);
        assert(cron.status === 200, `/__scheduled answered ${cron.status}`);
        const invitation = () =>
          smtp!.received.find(
            (m) =>
              m.envelope.to.includes("kontak@badungkab.go.id") &&
              m.parsed.headers.get("x-sambang-kind") === "invitation",
          );
        for (let i = 0; i < 100 && !invitation(); i++) await new Promise((r) => setTimeout(r, 100));
        const mail = invitation();
        assert(mail, `no invitation received; got ${smtp!.received.length} message(s)`);
        assert(
          contentTypes(mail.raw).filter((c) => c === "text/calendar").length === 1,
          "not one text/calendar part",
        );
        const ics = mail.parsed.attachments.find((a) => a.contentType === "application/ics");
        const vcalendar = ICAL.Component.fromString(ics?.content.toString("utf8") ?? "");
        assert(vcalendar.getFirstPropertyValue("method") === "REQUEST", "calendar METHOD is not REQUEST");
        assert(
          smtp!.sessions.every((s) => s.authMethod && s.user === SMTP_AUTH.user),
          "a session did not AUTH",
        );
        const rows = await db!.orm.select().from(outboxMessages).all();
        const sent = rows.filter((r) => r.status === "sent").length;
        assert(
          sent === rows.length && sent === smtp!.received.length,
          `outbox ${JSON.stringify(rows.map((r) => r.status))}`,
        );
        return `${sent} messages sent, AUTH ${smtp!.sessions[0]?.authMethod}`;
      },
    );
  } catch (error) {
    record("set-up", false, error instanceof Error ? error.message : String(error));
    if (wrangler) console.log(wrangler.output());
  } finally {
    db?.close();
    const pids: number[] = [];
    if (wrangler?.child.pid) {
      pids.push(wrangler.child.pid);
      await stopGroup(wrangler.child.pid);
    }
    if (sqld) await sqld.stop();
    await smtp?.close();
    const left = pids.filter(groupAlive);
    record(
      `every process stopped (wrangler group ${pids.join(", ") || "–"}, sqld ${sqld?.pid ?? "–"})`,
      left.length === 0,
      left.length > 0 ? `still running: ${left.join(", ")}` : undefined,
    );
    rmSync(scratch, { recursive: true, force: true });
    console.log(`edge end-to-end run took ${Math.round((Date.now() - began) / 1000)} s`);
  }
  const { passed, failed } = summary();
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
