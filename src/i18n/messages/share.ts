/** @module Messages of itinerary share links (the agenda page's list, copy, WhatsApp, QR, revoke) and the host contact visitors see. */
import { defineMessages } from "../define-messages";

export const shareMessages = defineMessages({
  id: {
    "share.title": "Tautan jadwal untuk tamu",
    "share.intro":
      "Tautan ini membuka jadwal kunjungan tanpa perlu masuk. Setiap tautan yang masih aktif tercantum di bawah; cabut tautan yang tidak dipakai lagi.",
    "share.none": "Belum ada tautan aktif.",
    "share.issue": "Buat tautan",
    "share.reissue": "Buat tautan baru dan cabut yang lama",
    "share.revokeOne": "Cabut tautan ini",
    "share.revokeAll": "Cabut semua tautan",
    "share.createdBy": "Dibuat {at} oleh {name}",
    "share.createdByMail": "Dibuat {at} saat undangan dikirim oleh {name}",
    "share.someone": "petugas",
    "share.lastOpened": "Terakhir dibuka {at}",
    "share.neverOpened": "Belum pernah dibuka",
    "share.noUrl":
      "Alamat tautan lama ini tidak tersimpan. Cabut dan buat tautan baru bila perlu dibagikan lagi.",
    "share.copy": "Salin",
    "share.copied": "Tersalin",
    "share.whatsapp": "Bagikan lewat WhatsApp",
    "share.qr": "Tampilkan kode QR",
    "share.qrTitle": "Kode QR tautan jadwal {code}",
    "share.linkLabel": "Tautan jadwal",
    "share.whatsappText":
      "Yth. rombongan {institution}, jadwal kunjungan {code} dapat dibuka, disimpan ke kalender, dan dicetak melalui tautan berikut: {url}",
    "share.issued": "Tautan jadwal dibuat.",
    "share.revoked": "Tautan dicabut.",
    "share.revokedAll": "Semua tautan dicabut.",
    "share.confirmReissue":
      "Buat tautan baru untuk {code}? Tautan berikut akan dicabut dan tidak dapat dibuka lagi oleh penerimanya:",
    "share.confirmRevokeOne": "Cabut tautan jadwal {code} ini? Penerima tautan tidak dapat membukanya lagi:",
    "status.itinerary": "Jadwal kunjungan Anda sudah tersedia.",
    "status.itineraryOpen": "Buka jadwal kunjungan",
    "itinerary.hostContact": "Kontak protokol tuan rumah",
    "itinerary.hostPhone": "Telepon",
    "itinerary.hostWhatsapp": "WhatsApp",
    "itinerary.hostEmail": "Surel",
    "feeds.targetRequired": "Pilih tempat atau narasumber untuk cakupan ini.",
    "feeds.targetMismatch": "Pilihan ini tidak sesuai dengan cakupan yang dipilih.",
    "feeds.confirmRevoke":
      'Cabut tautan langganan "{label}"? Kalender yang berlangganan tidak menerima jadwal lagi.',
  },
  en: {
    "share.title": "Itinerary links for the visitors",
    "share.intro":
      "These links open the visit's itinerary without signing in. Every live link is listed below; revoke the ones no longer in use.",
    "share.none": "No live link.",
    "share.issue": "Create link",
    "share.reissue": "Create a new link and revoke the old ones",
    "share.revokeOne": "Revoke this link",
    "share.revokeAll": "Revoke all links",
    "share.createdBy": "Created {at} by {name}",
    "share.createdByMail": "Created {at} when {name} sent the invitations",
    "share.someone": "staff",
    "share.lastOpened": "Last opened {at}",
    "share.neverOpened": "Not opened yet",
    "share.noUrl":
      "This older link's address was not kept. Revoke it and create a new one if it must be shared again.",
    "share.copy": "Copy",
    "share.copied": "Copied",
    "share.whatsapp": "Share on WhatsApp",
    "share.qr": "Show QR code",
    "share.qrTitle": "QR code of the itinerary link for {code}",
    "share.linkLabel": "Itinerary link",
    "share.whatsappText":
      "Dear {institution} delegation, the itinerary of visit {code} can be opened, added to your calendar and printed from this link: {url}",
    "share.issued": "Itinerary link created.",
    "share.revoked": "Link revoked.",
    "share.revokedAll": "All links revoked.",
    "share.confirmReissue":
      "Create a new link for {code}? These links will be revoked and their recipients can no longer open them:",
    "share.confirmRevokeOne": "Revoke this itinerary link of {code}? Its recipients can no longer open it:",
    "status.itinerary": "Your visit itinerary is ready.",
    "status.itineraryOpen": "Open the itinerary",
    "itinerary.hostContact": "Host protocol contact",
    "itinerary.hostPhone": "Phone",
    "itinerary.hostWhatsapp": "WhatsApp",
    "itinerary.hostEmail": "E-mail",
    "feeds.targetRequired": "Choose a venue or presenter for this scope.",
    "feeds.targetMismatch": "This choice does not match the chosen scope.",
    "feeds.confirmRevoke":
      'Revoke the subscription link "{label}"? Subscribed calendars stop receiving the schedule.',
  },
});
