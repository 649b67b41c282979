/**
 * @module What every page needs from the request: language, translator, the signed-in user, the path.
 */
import type { CurrentUser } from "../src/http/context";
import type { Locale, Translate } from "../src/i18n/dictionary";

export interface PageContext {
  locale: Locale;
  t: Translate;
  user: CurrentUser | null;
  path: string;
}
