/**
 * @module The attendance JSON API under /api/v1/delegations/{id}: the roster with each mark, check-in
 * marks and walk-ins in one all-or-nothing call, and the attendance list as CSV.
 */
import { z } from "zod";
import { FOLLOW_UP, STAFF } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import { serviceContext } from "../http/service-context";
import { buildAttendanceCsv } from "../papers/service";
import { checkIn, checkInSchema, getAttendance } from "./service";

const tag = "attendance";
const idParam = z.object({ id: z.string() });
const row = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  institution: z.string().nullable(),
  precedenceRank: z.number().int(),
  attended: z.boolean().nullable(),
  walkIn: z.boolean(),
});
const attendanceOut = z.object({
  participants: z.array(row),
  attended: z.number().int(),
  listed: z.number().int(),
});

const read = apiRoute({
  method: "get",
  path: "/attendance",
  operationId: "getAttendance",
  summary:
    "The roster in precedence order with each check-in mark (true, false, or null = not marked) and the counts",
  tag,
  roles: STAFF,
  request: { params: idParam },
  responses: { 200: json(attendanceOut) },
});

const write = apiRoute({
  method: "post",
  path: "/attendance",
  operationId: "checkIn",
  summary:
    "Check-in: marks [{participantId, attended}] and walk-ins [{name, title, institution}] in one call, all or nothing",
  tag,
  roles: FOLLOW_UP,
  request: {
    params: idParam,
    body: { required: true, content: { "application/json": { schema: checkInSchema } } },
  },
  responses: { 200: json(attendanceOut.extend({ marked: z.number().int(), added: z.array(row) })) },
});

const csv = apiRoute({
  method: "get",
  path: "/attendance.csv",
  operationId: "getAttendanceCsv",
  summary: "The attendance list as CSV (UTF-8 with BOM; No, Nama, Jabatan, Instansi, Hadir, Tamu tambahan)",
  tag,
  roles: STAFF,
  request: { params: idParam },
  responses: { 200: { description: "CSV file", content: { "text/csv": { schema: z.string() } } } },
});

export function attendanceApi() {
  const app = featureApi();
  app.openapi(read, async (c) => c.json(await getAttendance(c.get("deps").db, c.req.valid("param").id), 200));
  app.openapi(write, async (c) => {
    const { id } = c.req.valid("param");
    const result = await checkIn(serviceContext(c), id, c.req.valid("json"));
    return c.json({ ...(await getAttendance(c.get("deps").db, id)), ...result }, 200);
  });
  app.openapi(csv, async (c) => {
    const { code, csv: text } = await buildAttendanceCsv(
      c.get("deps").db,
      c.req.valid("param").id,
      c.get("locale"),
    );
    return c.body(text, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${code}-daftar-hadir.csv"`,
      "Cache-Control": "private, no-store",
    });
  });
  return app;
}
