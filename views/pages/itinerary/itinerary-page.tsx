/**
 * @module The visitor's itinerary (`/i/{token}`): a standalone phone-first document (no staff navigation),
 * day by day, with the QR code of the link for printed letters. A4 print rules live in views/styles.ts
 * (`.itin` selectors). Rendered once per agenda version and cached, so it takes plain data only.
 */

import { raw } from "hono/html";
import type { Translate } from "../../../src/i18n/dictionary";
import { otherLocale } from "../../../src/i18n/dictionary";
import type { ItemView, ItineraryView } from "../../../src/itinerary/view-model";
import { hostLabel } from "../../../src/venues/host-label";
import { mapLinks } from "../../../src/venues/map-links";
import { HostContact } from "../../components/host-contact";

export interface ItineraryPageProps {
  view: ItineraryView;
  t: Translate;
  /** Path of the page, e.g. `/i/<token>`, for the language switch and downloads. */
  path: string;
  url: string;
  webcalUrl: string;
  qrSvg: string;
}

function Item({ item, t }: { item: ItemView; t: Translate }) {
  return (
    <li class={item.cancelled ? "itin-item cancelled" : "itin-item"} data-testid="itinerary-item">
      <div class="itin-time">
        <span class="itin-local" data-testid="item-time">
          {item.time}
        </span>
        {item.homeTime && (
          <span class="itin-home" data-testid="home-time">
            ({item.homeTime})
          </span>
        )}
      </div>
      <div class="itin-body">
        <h3>
          {item.title}
          {item.cancelled && <span class="badge danger">{t("itinerary.itemCancelled")}</span>}
        </h3>
        {item.venue && (
          <p class="itin-venue">
            <strong>{item.venue.name}</strong>
            <br />
            <span class="muted">{item.venue.address}</span>
            <br />
            <span class="map-links no-print">
              <a
                href={mapLinks(item.venue).google}
                rel="noopener noreferrer"
                target="_blank"
                data-testid="map-google"
              >
                {t("map.google")}
              </a>
              <a
                href={mapLinks(item.venue).osm}
                rel="noopener noreferrer"
                target="_blank"
                data-testid="map-osm"
              >
                {t("map.osm")}
              </a>
              {item.venue.mapUrl && mapLinks(item.venue).other && (
                <a href={item.venue.mapUrl} rel="noopener noreferrer" target="_blank">
                  {t("itinerary.map")}
                </a>
              )}
            </span>
          </p>
        )}
        <dl class="itin-facts">
          {item.dressCode && (
            <>
              <dt>{t("itinerary.dressCode")}</dt>
              <dd>{item.dressCode}</dd>
            </>
          )}
          {item.personInCharge && (
            <>
              <dt>{t("itinerary.personInCharge")}</dt>
              <dd>
                {item.personInChargeWhatsapp ? (
                  <a href={item.personInChargeWhatsapp} rel="noopener noreferrer">
                    {item.personInCharge}
                  </a>
                ) : (
                  item.personInCharge
                )}
              </dd>
            </>
          )}
          {item.hosts.length > 0 && (
            <>
              <dt>{t("itinerary.hosts")}</dt>
              <dd>{item.hosts.map((h) => hostLabel(h)).join(", ")}</dd>
            </>
          )}
        </dl>
        {item.notes && <p class="itin-notes">{item.notes}</p>}
      </div>
    </li>
  );
}

export function ItineraryPage({ view, t, path, url, webcalUrl, qrSvg }: ItineraryPageProps) {
  const other = otherLocale(view.locale);
  const q = `?lang=${view.locale}`;
  return (
    <html lang={view.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${t("itinerary.title")} ${view.code} · ${t("app.name")}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script src="/assets/app.js" defer />
      </head>
      <body class="itin">
        <header class="itin-top">
          <span class="brand">{t("app.name")}</span>
          <a href={`${path}?lang=${other}`} hreflang={other} lang={other} data-testid="itinerary-lang">
            {t("itinerary.switchLang")}
          </a>
        </header>
        <main id="content" class="itin-main">
          <div class="itin-head">
            <div>
              <h1>{t("itinerary.title")}</h1>
              <p class="itin-who">{t("itinerary.for", { institution: view.institution, code: view.code })}</p>
              <p class="muted">{view.leader}</p>
            </div>
            <figure class="itin-qr" aria-label={t("itinerary.qr")}>
              {raw(qrSvg)}
            </figure>
          </div>

          {view.withdrawn ? (
            <div class="alert error" role="alert" data-testid="itinerary-withdrawn">
              <strong>{t("itinerary.cancelledTitle")}</strong>
              <p>
                {t(view.withdrawn === "declined" ? "itinerary.declinedBody" : "itinerary.cancelledBody", {
                  code: view.code,
                })}
              </p>
            </div>
          ) : (
            <>
              <nav class="itin-actions no-print" aria-label={t("itinerary.calendar")}>
                <a class="button" href={`${path}/calendar.ics${q}`} data-testid="itinerary-ics">
                  {t("itinerary.calendar")}
                </a>
                <a class="button secondary" href={webcalUrl}>
                  {t("itinerary.subscribe")}
                </a>
                <a class="button secondary" href={`${path}/itinerary.pdf${q}`} data-testid="itinerary-pdf">
                  {t("itinerary.pdf")}
                </a>
                <button type="button" class="secondary" data-print hidden data-testid="itinerary-print">
                  {t("itinerary.print")}
                </button>
              </nav>
              {view.changes.length > 0 && (
                <section
                  class="alert warn itin-changes"
                  aria-labelledby="changes-h"
                  data-testid="itinerary-changes"
                >
                  <h2 id="changes-h">{t("itinerary.changes")}</h2>
                  <ul>
                    {view.changes.map((c) => (
                      <li>{c}</li>
                    ))}
                  </ul>
                  {view.changesAt && <p class="muted">{t("itinerary.changesAt", { at: view.changesAt })}</p>}
                </section>
              )}
              {view.homeZoneLabel && (
                <p class="muted itin-zone-note">
                  {t("itinerary.homeTimeNote", { zone: view.homeZoneLabel })}
                </p>
              )}
              {view.days.length === 0 && <p>{t("itinerary.empty")}</p>}
              {view.days.map((day, i) => (
                <section class="itin-day" aria-labelledby={`day-${i}`}>
                  <h2 id={`day-${i}`}>
                    <span class="itin-daynum">{t("itinerary.day", { n: i + 1 })}</span> {day.label}
                  </h2>
                  <ol class="itin-list">
                    {day.items.map((item) => (
                      <Item item={item} t={t} />
                    ))}
                  </ol>
                </section>
              ))}
            </>
          )}

          {view.contacts.length > 0 && (
            <section class="itin-contacts" aria-labelledby="contacts-h">
              <h2 id="contacts-h">{t("itinerary.contacts")}</h2>
              <ul>
                {view.contacts.map((c) => (
                  <li>
                    <strong>{c.name}</strong> <span class="muted">{c.role}</span>
                    <br />
                    {c.whatsappUrl ? (
                      <a href={c.whatsappUrl} rel="noopener noreferrer" data-testid="whatsapp-link">
                        {t("itinerary.whatsapp", { name: c.phone })}
                      </a>
                    ) : (
                      c.phone
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {view.host && <HostContact host={view.host} t={t} />}
          <p class="muted itin-url">{url}</p>
        </main>
      </body>
    </html>
  );
}
