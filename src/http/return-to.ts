/**
 * @module Where the language switch returns to: the same page with its query string after a GET; after a
 * POST (a form shown again with errors, a confirmation step) the nearest page above the POST's path that
 * answers GET, since a POST path may have no page of its own. `pageMatcher` reads the app's route table.
 */
import type { AppContext } from "./context";

interface RouteEntry {
  method: string;
  path: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function compile(path: string): RegExp {
  const parts = path
    .split("/")
    .filter((seg) => seg !== "")
    .map((seg) => {
      if (!seg.startsWith(":")) return `/${escapeRegExp(seg)}`;
      return seg.endsWith("?") ? "(?:/[^/]+)?" : "/[^/]+";
    });
  return new RegExp(`^${parts.join("") || "/"}/?$`);
}

/** Whether a path is a page (a GET route outside the API, not a download). Compiled on first use. */
export function pageMatcher(routes: () => readonly RouteEntry[]): (path: string) => boolean {
  let patterns: RegExp[] | null = null;
  return (path) => {
    patterns ??= routes()
      .filter((r) => r.method === "GET" && !r.path.startsWith("/api/") && !/[*.]/.test(r.path))
      .map((r) => compile(r.path));
    return patterns.some((p) => p.test(path));
  };
}

/** The page a request came from, as a same-site path with its query. */
export function returnPath(c: AppContext): string {
  const method = c.req.method;
  if (method === "GET" || method === "HEAD") return `${c.req.path}${new URL(c.req.url).search}`;
  const isPage = c.get("isPage");
  const segments = c.req.path.split("/").filter((s) => s !== "");
  for (let n = segments.length; n > 0; n--) {
    const candidate = `/${segments.slice(0, n).join("/")}`;
    if (isPage?.(candidate)) return candidate;
  }
  return "/";
}

/** `path` for the switch to `locale`: a `lang` in its query would override the choice, so it follows it. */
export function switchTarget(path: string, locale: string): string {
  const url = new URL(path, "http://same.site");
  if (url.searchParams.has("lang")) url.searchParams.set("lang", locale);
  return `${url.pathname}${url.search}`;
}
