/**
 * A delegation from a WITA province (Bali) reads every time twice: the venue's (WIB) and their own (WITA),
 * in the invitation, the itinerary mail's programme and an update's change note — read back from a real
 * SMTP server.
 */

import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { agendaItems } from "../../db/schema/agenda";
import { bookItem, changeItem } from "../../src/bookings/service";
import { DEFAULT_HOST_TIME_ZONE } from "../../src/config";
import { auditedTransaction } from "../../src/http/service-context";
import { makeDelegation, makeVenue } from "../helpers/factories";
import { makeTestApp } from "../helpers/test-app";
import { runMailJobs, smtpTransport } from "./helpers";
import { type ReceivedMail, type SmtpSink, startSmtpSink } from "./smtp-sink";

const sinks: SmtpSink[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});

const ACTOR = { id: null, label: "test" };
const kind = (m: ReceivedMail) => m.parsed.headers.get("x-sambang-kind");

describe("home time for a delegation from another zone", () => {
  it("shows WIB and WITA in the invitation, the programme and the change note", async () => {
    const t = await makeTestApp({ env: { MAIL_FROM: "Protokol Banyuwangi <protokol@banyuwangikab.go.id>" } });
    const smtp = await startSmtpSink();
    sinks.push(smtp);
    const venue = await makeVenue(t.db, { name: "Mal Pelayanan Publik", address: "Jl. A. Yani" });
    const d = await makeDelegation(t.db, {
      language: "id",
      provinceCode: "51",
      contactEmail: "kontak@badungkab.go.id",
      institution: "Pemkab Badung",
    });
    const service = {
      actor: ACTOR,
      now: t.clock(),
      config: { hostTimeZone: DEFAULT_HOST_TIME_ZONE },
      transaction: auditedTransaction(t.db, ACTOR, t.clock()),
    };
    const item = await bookItem(service, d.id, {
      title: "Kunjungan MPP",
      kind: "tour",
      startsAt: new Date("2026-03-10T02:00:00Z"),
      endsAt: new Date("2026-03-10T03:30:00Z"),
      venueId: venue.id,
    } as never);
    const { headers } = await t.as("protocol");
    const send = (form: "itinerary" | "sessions") =>
      t.app.request(`/api/v1/delegations/${d.id}/invitations/send`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ recipients: [{ key: "contact", form }] }),
      });

    expect((await send("sessions")).status).toBe(202);
    expect((await send("itinerary")).status).toBe(202);
    await runMailJobs(t, smtpTransport(smtp.url));
    const invitation = smtp.received.find((m) => kind(m) === "invitation")!;
    expect(invitation.parsed.subject).toContain("10 Mar 2026 09.00 WIB (10.00 WITA)");
    expect(invitation.parsed.text).toContain("Selasa, 10 Maret 2026, 09.00–10.30 WIB (10.00–11.30 WITA)");
    expect(invitation.parsed.html).toContain("09.00–10.30 WIB (10.00–11.30 WITA)");
    const itinerary = smtp.received.find((m) => kind(m) === "itinerary")!;
    expect(itinerary.parsed.text).toContain("09.00–10.30 WIB (10.00–11.30 WITA)");
    smtp.received.length = 0;

    const current = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    await changeItem(service, item.id, {
      version: current!.version,
      startsAt: new Date("2026-03-10T03:00:00Z"),
      endsAt: new Date("2026-03-10T04:30:00Z"),
    } as never);
    expect((await send("sessions")).status).toBe(202);
    await runMailJobs(t, smtpTransport(smtp.url));
    const update = smtp.received.find((m) => kind(m) === "update")!;
    expect(update.parsed.text).toContain("09.00–10.30 WIB (10.00–11.30 WITA)");
    expect(update.parsed.text).toContain("10.00–11.30 WIB (11.00–12.30 WITA)");
  });
});
