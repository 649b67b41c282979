/**
 * @module Which pages the accessibility tests open: a sample URL (and who opens it) for every page route
 * the app registers, so a new page without a sample fails `axe.e2e.test.ts`. Routes that answer files,
 * probes or redirects are listed in NOT_PAGES with why.
 */
import type { App } from "../../src/app";
import type { Seeded, Who } from "./axe";

export interface Sample {
  url: string;
  who: Who;
  /** The HTTP status the sample answers, when not 200. */
  status?: number;
}

/** Registered GET routes that are no page to check, with why. */
export const NOT_PAGES: Record<string, string> = {
  "/livez": "a probe",
  "/healthz": "a probe",
  "/favicon.ico": "an image",
  "/delegations/:id/letter": "the visitor's uploaded letter (a file)",
  "/delegations/:id/participants.csv": "CSV",
  "/admin/host-settings/logo": "an image",
  "/commitments.csv": "CSV",
  "/reports/:file": "CSV exports",
  "/kunjungan/feed.atom": "an Atom feed",
  "/delegations/:id/press-release/download.docx": "a Word file",
  "/delegations/:id/press-release/download.txt": "a text file",
  "/admin/audit.csv": "CSV",
  "/mail/preview/:name/raw": "the raw MIME message",
  "/feeds/:file": "iCalendar feeds",
  "/i/:token/calendar.ics": "iCalendar",
  "/i/:token/itinerary.pdf": "a PDF",
  "/availability/book": "redirects to /availability",
  "/delegations/:id/agenda/items": "redirects to the agenda",
  "/delegations/:id/agenda/items/:itemId": "redirects to the agenda",
  "/delegations/:id/agenda/items/:itemId/cancel": "redirects to the agenda",
  "/delegations/:id/agenda/items/:itemId/leave": "redirects to the agenda",
  "/delegations/:id/agenda/template": "redirects to the agenda",
};
const isFile = (path: string) =>
  /^\/assets\//.test(path) || (/^\/api\//.test(path) && path !== "/api/v1/docs");

/** The GET page routes Hono registered (each path once; guards and handlers share a path). */
export function pageRoutes(app: App): string[] {
  return [
    ...new Set(app.routes.filter((r) => r.method === "GET" && !r.path.includes("*")).map((r) => r.path)),
  ].filter((p) => !isFile(p) && !(p in NOT_PAGES));
}

/** Every page template once, in the role that uses it. */
export function samples(s: Seeded): Record<string, Sample[]> {
  const d = s.delegation;
  const staff = (url: string, who: Who = "admin"): Sample => ({ url, who });
  const visitor = (url: string, status?: number): Sample => ({ url, who: "visitor", status });
  return {
    "/": [staff("/"), staff("/", "protocol"), staff("/", "humas")],
    "/login": [visitor("/login")],
    "/forgot-password": [visitor("/forgot-password"), visitor("/forgot-password?sent=1")],
    "/reset-password/:token": [visitor(s.resetPath), visitor("/reset-password/not-a-real-token", 404)],
    "/account/password": [staff("/account/password", "protocol")],
    "/admin/users": [staff("/admin/users")],
    "/admin/tokens": [staff("/admin/tokens")],
    "/admin/audit": [staff("/admin/audit")],
    "/admin/topics": [staff("/admin/topics")],
    "/admin/host-settings": [staff("/admin/host-settings")],
    "/admin/targets": [staff("/admin/targets")],
    "/admin/closures": [staff("/admin/closures")],
    "/admin/closures/:id/edit": [staff(`/admin/closures/${s.closureId}/edit`)],
    "/admin/feeds": [staff("/admin/feeds")],
    "/admin/outbox": [staff("/admin/outbox", "protocol")],
    "/api/v1/docs": [staff("/api/v1/docs")],
    "/venues": [staff("/venues", "protocol")],
    "/venues/:id": [staff(`/venues/${s.venueId}`, "protocol")],
    "/hosts": [staff("/hosts", "protocol")],
    "/hosts/:id": [staff(`/hosts/${s.hostId}`, "protocol")],
    "/availability": [staff("/availability", "protocol")],
    "/templates": [staff("/templates", "protocol")],
    "/templates/new": [staff("/templates/new", "protocol")],
    "/templates/:id": [staff(`/templates/${s.templateId}`, "protocol")],
    "/calendar": [staff(`/calendar?week=${s.agendaDate}`, "protocol")],
    "/calendar/day": [staff(`/calendar/day?date=${s.agendaDate}`, "protocol")],
    "/calendar/venues/:id": [staff(`/calendar/venues/${s.venueId}?week=${s.agendaDate}`, "protocol")],
    "/calendar/hosts/:id": [staff(`/calendar/hosts/${s.hostId}?day=${s.agendaDate}`, "protocol")],
    "/delegations": [staff("/delegations", "protocol")],
    "/delegations/new": [staff("/delegations/new", "protocol")],
    "/delegations/:id": [
      staff(`/delegations/${d.requested}`, "protocol"),
      staff(`/delegations/${d.confirmed}`, "protocol"),
      staff(`/delegations/${d.completed}`, "humas"),
      staff(`/delegations/${d.declined}`),
      staff(`/delegations/${d.cancelled}`),
    ],
    "/delegations/:id/edit": [staff(`/delegations/${d.requested}/edit`, "protocol")],
    "/delegations/:id/participants": [staff(`/delegations/${d.confirmed}/participants`, "protocol")],
    "/delegations/:id/participants/:pid/edit": [
      staff(`/delegations/${d.confirmed}/participants/${s.participantId}/edit`, "protocol"),
    ],
    "/delegations/:id/agenda": [staff(`/delegations/${d.confirmed}/agenda`, "protocol")],
    "/delegations/:id/rundown": [staff(`/delegations/${d.confirmed}/rundown`, "protocol")],
    "/delegations/:id/invitations": [staff(`/delegations/${d.confirmed}/invitations`, "protocol")],
    "/delegations/:id/attendance": [staff(`/delegations/${d.confirmed}/attendance`, "humas")],
    "/delegations/:id/outcome": [staff(`/delegations/${d.completed}/outcome`, "humas")],
    "/delegations/:id/outcome/complete": [staff(`/delegations/${d.confirmed}/outcome/complete`, "humas")],
    "/delegations/:id/publication": [staff(`/delegations/${d.completed}/publication`, "humas")],
    "/delegations/:id/publication/unpublish": [
      staff(`/delegations/${d.completed}/publication/unpublish`, "humas"),
    ],
    "/delegations/:id/press-release": [staff(`/delegations/${d.completed}/press-release`, "humas")],
    "/commitments": [staff("/commitments", "humas")],
    "/commitments/new": [staff(`/commitments/new?delegationId=${d.completed}`, "humas")],
    "/commitments/:cid": [staff(`/commitments/${s.commitmentId}`, "humas")],
    "/reports": [staff("/reports")],
    "/mail/preview": [staff("/mail/preview", "protocol")],
    "/mail/preview/:name": [staff(`/mail/preview/${s.mailPreview}`, "protocol")],
    "/mail/preview/:name/html": [staff(`/mail/preview/${s.mailPreview}/html`, "protocol")],
    "/kunjungan/ajukan": [visitor("/kunjungan/ajukan")],
    "/kunjungan/status/:code": s.statusPaths.map((url) => visitor(url)),
    "/kunjungan": [visitor("/kunjungan")],
    "/kunjungan/:slug": [visitor(s.publicVisitPath)],
    "/i/:token": [visitor(s.itineraryPath)],
    "/f/:token": [visitor(s.surveyPath)],
  };
}

/** Pages no route names: the error pages. */
export const ERROR_PAGES: Sample[] = [
  { url: "/halaman-yang-tidak-ada", who: "visitor", status: 404 },
  { url: "/halaman-yang-tidak-ada", who: "protocol", status: 404 },
  { url: "/admin/users", who: "humas", status: 403 },
];

/**
 * The pages visitors open on a phone, the staff pages used most on one, the pages whose tables scroll
 * sideways there (the day grid, the rundown, template steps), and the invitations page, whose recipients
 * table becomes one card per recipient.
 */
export function phonePages(s: Seeded): Sample[] {
  return [
    { url: s.statusPaths[0] as string, who: "visitor" },
    { url: s.itineraryPath, who: "visitor" },
    { url: s.surveyPath, who: "visitor" },
    { url: "/kunjungan/ajukan", who: "visitor" },
    { url: "/delegations", who: "protocol" },
    { url: `/delegations/${s.delegation.confirmed}`, who: "protocol" },
    { url: `/delegations/${s.delegation.confirmed}/agenda`, who: "protocol" },
    { url: `/delegations/${s.delegation.confirmed}/invitations`, who: "protocol" },
    { url: `/calendar/day?date=${s.agendaDate}`, who: "protocol" },
    { url: `/delegations/${s.delegation.confirmed}/rundown`, who: "protocol" },
    { url: "/templates", who: "protocol" },
  ];
}
