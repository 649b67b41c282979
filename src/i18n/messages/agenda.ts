/**
 * @module Messages of the agenda builder's forms and links, the rundown's print details and the
 * availability page's link back to a visit.
 */
import { defineMessages } from "../define-messages";

export const agendaMessages = defineMessages({
  id: {
    "agenda.startIn": "Mulai ({zone})",
    "agenda.endIn": "Selesai ({zone})",
    "agenda.zoneHint": "Jam diisi menurut waktu setempat tempat acara; acara tanpa tempat memakai {zone}.",
    "agenda.findSlot": "Cari slot untuk kunjungan ini",
    "rundown.printedAt": "Dicetak pada {at}",
    "rundown.printedBy": "oleh {name}",
    "availability.forVisit": "Mencari slot untuk kunjungan {code} ({range}, {size} orang).",
    "availability.backToAgenda": "Kembali ke agenda {code}",
    "availability.bookAnyway": "Tetap pesan {when}",
  },
  en: {
    "agenda.startIn": "Start ({zone})",
    "agenda.endIn": "End ({zone})",
    "agenda.zoneHint": "Times are the venue's local time; an item without a venue uses {zone}.",
    "agenda.findSlot": "Find a slot for this visit",
    "rundown.printedAt": "Printed at {at}",
    "rundown.printedBy": "by {name}",
    "availability.forVisit": "Finding a slot for visit {code} ({range}, {size} people).",
    "availability.backToAgenda": "Back to the agenda of {code}",
    "availability.bookAnyway": "Book {when} anyway",
  },
});
