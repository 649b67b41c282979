/**
 * @module The SPPD papers under /api/v1/delegations/{id}/papers (any staff role; the session cookie works,
 * so the delegation page links here): the attendance list and the visit letter as PDF.
 */
import { z } from "zod";
import { STAFF } from "../auth/roles";
import { apiRoute, featureApi } from "../http/api";
import { buildAttendancePdf, buildVisitLetterPdf } from "./service";

const tag = "papers";
const idParam = z.object({ id: z.string() });
const pdf = {
  description: "PDF (A4)",
  content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) } },
};

const attendance = apiRoute({
  method: "get",
  path: "/attendance.pdf",
  operationId: "getAttendancePdf",
  summary:
    "Daftar hadir (attendance list) for the travel orders, in precedence order, headed with the host and the visit; 409 before confirmation",
  tag,
  roles: STAFF,
  errors: [409],
  request: { params: idParam },
  responses: { 200: pdf },
});

const letter = apiRoute({
  method: "get",
  path: "/visit-letter.pdf",
  operationId: "getVisitLetterPdf",
  summary:
    "Surat keterangan kunjungan (visit confirmation letter) with number, place, date and signatory from the host settings",
  tag,
  roles: STAFF,
  errors: [409],
  request: { params: idParam },
  responses: { 200: pdf },
});

const send = (bytes: Uint8Array, name: string) =>
  new Response(bytes.slice().buffer as ArrayBuffer, {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });

export function papersApi() {
  const app = featureApi();
  app.openapi(attendance, async (c) => {
    const { code, bytes } = await buildAttendancePdf(
      c.get("deps").db,
      c.req.valid("param").id,
      c.get("deps").clock(),
    );
    return send(bytes, `${code}-daftar-hadir.pdf`);
  });
  app.openapi(letter, async (c) => {
    const { code, bytes } = await buildVisitLetterPdf(
      c.get("deps").db,
      c.req.valid("param").id,
      c.get("deps").clock(),
    );
    return send(bytes, `${code}-surat-keterangan-kunjungan.pdf`);
  });
  return app;
}
