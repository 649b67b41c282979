/**
 * The SPPD papers read back with pdf.js: headed with the host, the delegation and the dates, the names in
 * precedence order (walk-ins placed by title and marked), the letter's number, place, date and signatory.
 */

import { describe, expect, it } from "vitest";
import { checkIn, getAttendance } from "../../src/attendance/service";
import { auditedTransaction } from "../../src/http/service-context";
import { buildAttendanceCsv, buildAttendancePdf, buildVisitLetterPdf } from "../../src/papers/service";
import { freshDb } from "../helpers/db";
import { makeDelegation, makeParticipant, saveTestHostSettings } from "../helpers/factories";
import { pdfPages, pdfText } from "../helpers/pdf-text";
import { readCsv } from "../helpers/read-csv";

const NOW = new Date("2026-03-18T03:00:00Z");
const ACTOR = { id: null, label: "test" };

async function visit() {
  const db = await freshDb();
  const d = await makeDelegation(db, {
    code: "SB-2026-0042",
    institution: "Pemerintah Provinsi Kepulauan Riau",
    purpose: "Studi banding Mal Pelayanan Publik.",
    confirmedDates: { start: "2026-03-16", end: "2026-03-17" },
  });
  // Inserted out of order on purpose; ranks as the precedence table suggests.
  await makeParticipant(db, d.id, { name: "Andi Staf", title: "Ajudan Gubernur", precedenceRank: 1000 });
  await makeParticipant(db, d.id, { name: "Darma Sampel", title: "Bupati Karimun", precedenceRank: 80 });
  await makeParticipant(db, d.id, {
    name: "H. Arif Contoh",
    title: "Gubernur Kepulauan Riau",
    precedenceRank: 10,
  });
  const absent = await makeParticipant(db, d.id, {
    name: "Yusuf Peraga",
    title: "Wakil Bupati Natuna",
    precedenceRank: 90,
  });
  return { db, d, absent };
}

describe("SPPD papers", () => {
  it("the attendance PDF lists the roster in precedence order under the host's letterhead", async () => {
    const { db, d } = await visit();
    const { bytes } = await buildAttendancePdf(db, d.id, NOW);
    const text = await pdfText(bytes);
    expect(text).toContain("PEMERINTAH KABUPATEN BANYUWANGI");
    expect(text).toContain("DAFTAR HADIR");
    expect(text).toContain("Pemerintah Provinsi Kepulauan Riau (SB-2026-0042)");
    expect(text).toContain("Senin, 16 Maret 2026 – Selasa, 17 Maret 2026 (WIB)");
    // The printing time, with its zone (NOW is 10.00 in Jakarta).
    expect(text).toContain("Dibuat oleh Sambang Rabu, 18 Maret 2026, 10.00 WIB");
    expect(text).toMatch(/No\s+Nama\s+Jabatan\s+Instansi\s+Tanda tangan/);
    const order = ["H. Arif Contoh", "Darma Sampel", "Yusuf Peraga", "Andi Staf"].map((n) => text.indexOf(n));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("after check-in, the papers list those present (walk-ins placed by title and marked), the CSV everyone", async () => {
    const { db, d, absent } = await visit();
    const roster = await getAttendance(db, d.id);
    await checkIn({ now: NOW, transaction: auditedTransaction(db, ACTOR, NOW) }, d.id, {
      marks: roster.participants.map((p) => ({ participantId: p.id, attended: p.id !== absent.id })),
      walkIns: [
        { name: "Rudi Simulasi", title: "Pj. Bupati Bintan", institution: "Pemerintah Kabupaten Bintan" },
      ],
    });
    const text = await pdfText((await buildAttendancePdf(db, d.id, NOW)).bytes);
    expect(text).not.toContain("Yusuf Peraga");
    expect(text).toContain("Rudi Simulasi (tamu");
    const names = ["H. Arif Contoh", "Darma Sampel", "Rudi Simulasi", "Andi Staf"];
    const at = names.map((n) => text.indexOf(n));
    expect(
      at.every((i) => i > 0),
      text,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);

    const { csv } = await buildAttendanceCsv(db, d.id, "id");
    const rows = readCsv(csv.replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["No", "Nama", "Jabatan", "Instansi", "Hadir", "Tamu tambahan"]);
    expect(rows.slice(1).map((r) => [r[1], r[4], r[5]])).toEqual([
      ["H. Arif Contoh", "Hadir", ""],
      ["Darma Sampel", "Hadir", ""],
      ["Rudi Simulasi", "Hadir", "Tamu tambahan"],
      ["Yusuf Peraga", "Tidak hadir", ""],
      ["Andi Staf", "Hadir", ""],
    ]);
  });

  it("the visit letter carries the number, place and date, the names in order, and the signatory from the settings", async () => {
    const { db, d } = await visit();
    await saveTestHostSettings(db, NOW, {
      officeName: "Bagian Protokol dan Komunikasi Pimpinan",
      address: "Jl. Ahmad Yani No. 100, Banyuwangi",
      phone: "(0333) 425001",
      email: "protokol@banyuwangikab.go.id",
      signatoryName: "Drs. Contoh Pejabat, M.Si.",
      signatoryNip: "19700101 199003 1 001",
      letterNumberFormat: "000.1.5/{seq}/429.011/{year}",
      // A host in central Indonesia: the papers say WITA.
      defaultTimeZone: "Asia/Makassar",
    });
    const pages = await pdfPages((await buildVisitLetterPdf(db, d.id, NOW)).bytes);
    const text = pages.flat().join("\n");
    expect(text).toContain("SURAT KETERANGAN KUNJUNGAN");
    expect(text).toContain("Nomor: 000.1.5/0042/429.011/2026");
    expect(text).toContain("Telp. (0333) 425001 · E-mail protokol@banyuwangikab.go.id");
    expect(text).toContain("Banyuwangi, 17 Maret 2026");
    expect(text.replace(/\s+/g, " ")).toContain("Senin, 16 Maret 2026 – Selasa, 17 Maret 2026 (WITA)");
    expect(text).toContain("Dibuat oleh Sambang Rabu, 18 Maret 2026, 11.00 WITA");
    expect(text).toContain("Drs. Contoh Pejabat, M.Si.");
    expect(text).toContain("NIP. 19700101 199003 1 001");
    const at = ["H. Arif Contoh", "Darma Sampel", "Yusuf Peraga", "Andi Staf"].map((n) => text.indexOf(n));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(at[0]).toBeGreaterThan(0);
  });

  it("refuses papers for a visit that is not confirmed", async () => {
    const db = await freshDb();
    const d = await makeDelegation(db, { status: "requested" });
    await expect(buildAttendancePdf(db, d.id, NOW)).rejects.toMatchObject({ code: "conflict" });
  });
});
