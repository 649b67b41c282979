/**
 * @module The host's protocol contact block (government, office, address, phone, WhatsApp, e-mail), shown
 * to visitors on the itinerary (also when withdrawn) and on their status page. Renders plain data.
 */
import type { Translate } from "../../src/i18n/dictionary";
import type { HostContactView } from "../../src/itinerary/host-contact";

export function HostContact({ host, t }: { host: HostContactView; t: Translate }) {
  return (
    <section class="host-contact" aria-labelledby="host-contact-h" data-testid="host-contact">
      <h2 id="host-contact-h">{t("itinerary.hostContact")}</h2>
      <p>
        <strong>{host.government}</strong>
        <br />
        {host.office}
        <br />
        <span class="muted">{host.address}</span>
      </p>
      <ul class="plain">
        {host.phone && (
          <li>
            {t("itinerary.hostPhone")}: <a href={`tel:${host.phone.replace(/[^\d+]/g, "")}`}>{host.phone}</a>
          </li>
        )}
        {host.whatsapp && (
          <li>
            {t("itinerary.hostWhatsapp")}:{" "}
            {host.whatsappUrl ? (
              <a href={host.whatsappUrl} rel="noopener noreferrer" data-testid="host-whatsapp">
                {host.whatsapp}
              </a>
            ) : (
              host.whatsapp
            )}
          </li>
        )}
        {host.email && (
          <li>
            {t("itinerary.hostEmail")}: <a href={`mailto:${host.email}`}>{host.email}</a>
          </li>
        )}
      </ul>
    </section>
  );
}
