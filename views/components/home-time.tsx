/**
 * @module The visitors' home time beside a venue's time, " (10.00–11.00 WITA)", when their zone reads
 * differently from the venue's; nothing otherwise. Used on the staff agenda and the rundown.
 */
import type { Locale } from "../../src/i18n/dictionary";
import { homeTimeSuffix } from "../../src/mail/compose";

export function HomeTime(props: {
  item: { startsAt: Date; endsAt: Date; timeZone: string };
  locale: Locale;
  homeZone: string;
}) {
  const text = homeTimeSuffix(props.item, props.locale, props.homeZone);
  return text ? (
    <span class="muted" data-testid="home-time">
      {text}
    </span>
  ) : null;
}
