/**
 * @module Messages of the protocol journey's safety rails: confirmation steps before destructive or
 * outward actions, releasing a withdrawn visit's sessions, leaving a merged session, the venue's turnover
 * buffer in conflicts, and agenda items outside the confirmed dates.
 */
import { defineMessages } from "../define-messages";

export const journeyMessages = defineMessages({
  id: {
    "scheduling.leaveAlone":
      "Rombongan ini satu-satunya peserta sesi. Batalkan agendanya, bukan keluar dari sesi.",
    "agenda.leave": "Keluar dari sesi gabungan",
    "agenda.left": "Rombongan keluar dari sesi gabungan. Sesi tetap berjalan untuk rombongan lain.",
    "agenda.readOnly":
      "Kunjungan ini {status}: agendanya hanya dapat dibaca. Tempat dan narasumber sudah dilepas.",
    "conflict.requested": "Diminta {from}–{to} {zone}",
    "conflict.buffer": "+ {minutes} menit jeda persiapan tempat",
    "conflict.bufferOnly": "bentrok karena jeda persiapan tempat",
    "conflict.delegations": "Rombongan:",
    "dates.outside": "Di luar tanggal terkonfirmasi",
    "dates.change": "Ubah tanggal terkonfirmasi",
    "dates.outsideTitle": "Agenda di luar tanggal yang dikonfirmasi",
    "dates.outsideIntro":
      "Agenda berikut jatuh di luar tanggal {range}. Pilih apa yang dilakukan dengan agenda tersebut.",
    "dates.outsideWarning": "{count} agenda jatuh di luar tanggal terkonfirmasi ({range}).",
    "dates.choice": "Agenda di luar tanggal",
    "dates.choice.keep": "Biarkan agendanya; saya akan memindahkannya sendiri",
    "dates.choice.cancel": "Batalkan agenda di luar tanggal tersebut",
    "dates.choiceRequired": "Pilih apa yang dilakukan dengan agenda di luar tanggal.",
    "dates.availabilityOutside": "Slot ini di luar tanggal kunjungan {code} ({range}).",
    "confirm.title": "Konfirmasi tindakan",
    "confirm.go": "Ya, lanjutkan",
    "confirm.back": "Kembali tanpa mengubah apa pun",
    "confirm.decline": "Tolak permohonan {code}? Pemohon akan menerima surel penolakan dengan alasan ini.",
    "confirm.cancel":
      "Batalkan kunjungan {code}? Semua agendanya dibatalkan, tempat dan narasumber dilepas, dan pemohon serta semua undangan menerima pemberitahuan pembatalan.",
    "confirm.complete": "Tandai kunjungan {code} selesai?",
    "confirm.deleteParticipant": "Hapus {name} dari daftar peserta {code}?",
    "confirm.revokeLinks":
      "Cabut semua tautan jadwal {code}? Tautan yang sudah dikirim tidak dapat dibuka lagi.",
    "confirm.disableUser":
      "Nonaktifkan akun {email}? Pengguna ini tidak dapat masuk lagi sampai diaktifkan kembali.",
    "confirm.leave":
      "Keluarkan {code} dari sesi gabungan “{title}”? Sesi tetap berjalan untuk rombongan lain.",
    "confirm.reason": "Alasan",
  },
  en: {
    "scheduling.leaveAlone":
      "This delegation is the only one in the session. Cancel the item instead of leaving it.",
    "agenda.leave": "Leave the merged session",
    "agenda.left": "The delegation left the merged session. It goes on for the other delegations.",
    "agenda.readOnly":
      "This visit is {status}: its agenda is read-only. Its venues and hosts have been released.",
    "conflict.requested": "Requested {from}–{to} {zone}",
    "conflict.buffer": "+ {minutes} min venue turnover",
    "conflict.bufferOnly": "clashes only through the venue turnover time",
    "conflict.delegations": "Delegation:",
    "dates.outside": "Outside the confirmed dates",
    "dates.change": "Change the confirmed dates",
    "dates.outsideTitle": "Agenda items outside the confirmed dates",
    "dates.outsideIntro": "These agenda items fall outside {range}. Choose what to do with them.",
    "dates.outsideWarning": "{count} agenda item(s) fall outside the confirmed dates ({range}).",
    "dates.choice": "Items outside the dates",
    "dates.choice.keep": "Keep them; I will move them myself",
    "dates.choice.cancel": "Cancel the items outside those dates",
    "dates.choiceRequired": "Choose what to do with the items outside the dates.",
    "dates.availabilityOutside": "This slot is outside the dates of visit {code} ({range}).",
    "confirm.title": "Confirm the action",
    "confirm.go": "Yes, go ahead",
    "confirm.back": "Go back without changing anything",
    "confirm.decline": "Decline request {code}? The requester gets an e-mail with this reason.",
    "confirm.cancel":
      "Cancel visit {code}? All its agenda items are cancelled, venues and hosts released, and the requester and everyone invited are told.",
    "confirm.complete": "Mark visit {code} as completed?",
    "confirm.deleteParticipant": "Remove {name} from the participants of {code}?",
    "confirm.revokeLinks": "Revoke every itinerary link of {code}? Links already sent stop working.",
    "confirm.disableUser":
      "Deactivate the account {email}? This person cannot sign in until it is enabled again.",
    "confirm.leave": "Take {code} out of the merged session “{title}”? It goes on for the other delegations.",
    "confirm.reason": "Reason",
  },
});
