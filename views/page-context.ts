/**
 * @module What every page needs from the request: language, translator, the signed-in user, the path,
 * the host's zone.
 */
import type { CurrentUser } from "../src/http/context";
import type { Locale, Translate } from "../src/i18n/dictionary";

export interface PageContext {
  locale: Locale;
  t: Translate;
  user: CurrentUser | null;
  path: string;
  /** The page to come back to (the path with its query; after a POST, the page it was posted from). */
  returnTo?: string;
  /**
   * The host's zone (HOST_TIME_ZONE). Times that belong to no venue (a request's arrival, an audit entry, a
   * token's last use, an item without a venue) are shown in it; a venue's times always in the venue's zone.
   */
  hostTimeZone: string;
}
