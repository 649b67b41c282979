/**
 * What staff read about a mail's delivery is what happened: without an SMTP server a mail is "not sent
 * (saved as a file)", never "sent"; "sent" only when a server accepted it; a temporary failure reads
 * "waiting to retry". The same words on the outbox, the invitations page and the delegation timeline.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outboxMessages } from "../../db/schema/outbox";
import { runJobs } from "../../src/jobs/run-jobs";
import { createFileTransport } from "../../src/mail/node/file-transport";
import { MailDeliveryError, type MailTransport } from "../../src/mail/transport";
import { makeRequest } from "../delegations/helpers";
import { makeTestApp, type TestApp } from "../helpers/test-app";

const NOT_SENT = "Tidak dikirim (disimpan sebagai berkas)";
const SENT = "Terkirim (diterima server e-mail)";

async function oneRequest(transport: MailTransport) {
  const t = await makeTestApp({ mail: { transport } });
  const { seedTopics } = await import("../../src/delegations/topics");
  await seedTopics(t.db, t.clock());
  const r = await makeRequest(t);
  const report = await runJobs({
    db: t.db,
    config: t.deps.config,
    clock: t.clock,
    logger: t.deps.logger,
    transport,
  });
  const staff = await t.as("protocol");
  return { t, r, report, headers: staff.headers };
}

const page = async (t: TestApp, path: string, headers: Record<string, string>) =>
  (await t.app.request(path, { headers })).text();

const stateOf = (html: string) =>
  [...html.matchAll(/data-mail-state="(\w+)">([^<]+)</g)].map((m) => [m[1], m[2]]);

describe("honest mail statuses", () => {
  it("without SMTP: the mail is saved as a file and every page says it was not sent", async () => {
    const file = createFileTransport(mkdtempSync(join(tmpdir(), "sambang-honest-")));
    const { t, r, report, headers } = await oneRequest(file);
    expect(report.delivery?.sent).toBe(1);
    const row = await t.db.orm.query.outboxMessages.findFirst({
      where: eq(outboxMessages.delegationId, r.id),
    });
    expect(row?.status).toBe("written");

    const outbox = await page(t, "/admin/outbox", headers);
    expect(outbox).toContain('data-testid="not-sent-banner"');
    expect(stateOf(outbox)).toEqual([["written", NOT_SENT]]);
    expect(outbox).not.toContain('data-mail-state="sent"');
    const invitations = await page(t, `/delegations/${r.id}/invitations`, headers);
    expect(stateOf(invitations)).toEqual([["written", NOT_SENT]]);
    const timeline = await page(t, `/delegations/${r.id}`, headers);
    expect(stateOf(timeline)).toEqual([["written", NOT_SENT]]);
    const english = await page(t, "/admin/outbox?lang=en", headers);
    expect(stateOf(english)).toEqual([["written", "Not sent (saved as a file)"]]);

    // The filter finds it under "not sent", not under "sent"; every filter has its own words.
    expect(stateOf(await page(t, "/admin/outbox?status=written", headers))).toHaveLength(1);
    expect(await page(t, "/admin/outbox?status=sent", headers)).toContain("Tidak ada pesan.");
    const filters = [
      ...outbox
        .split('data-testid="outbox-filters"')[1]!
        .split("</ul>")[0]!
        .matchAll(/>([^<]+) \(\d+\)</g),
    ].map((m) => m[1]);
    expect(filters).toEqual([
      "Menunggu dikirim",
      "Sedang dikirim",
      "Menunggu percobaan ulang",
      SENT,
      NOT_SENT,
      "Gagal dikirim",
      "Dibatalkan",
    ]);

    // Once a server is set up, staff can send it for real: "retry" puts it back in the queue.
    const retry = await t.app.request(`/admin/outbox/${row?.id}/retry`, { method: "POST", headers });
    expect(retry.status).toBe(303);
    expect(retry.headers.get("Location")).toBe("/admin/outbox?done=retried");
  });

  it("with an SMTP server: sent means accepted; a temporary failure waits to retry", async () => {
    let fail = true;
    const smtp: MailTransport = {
      kind: "smtp",
      description: "relay",
      async send() {
        if (fail) throw new MailDeliveryError("421 try again later", false, 421);
        return { response: "250 OK" };
      },
    };
    const { t, r, headers } = await oneRequest(smtp);
    const retrying = await page(t, `/delegations/${r.id}`, headers);
    expect(stateOf(retrying)).toEqual([["retrying", "Menunggu percobaan ulang"]]);
    expect(stateOf(await page(t, "/admin/outbox", headers))).toEqual([
      ["retrying", "Menunggu percobaan ulang"],
    ]);
    fail = false;
    t.clock.advance(2 * 60_000);
    await runJobs({
      db: t.db,
      config: t.deps.config,
      clock: t.clock,
      logger: t.deps.logger,
      transport: smtp,
    });
    expect(stateOf(await page(t, `/delegations/${r.id}/invitations`, headers))).toEqual([["sent", SENT]]);
    expect(stateOf(await page(t, "/admin/outbox", headers))).toEqual([["sent", SENT]]);
  });
});
