/** @module Messages of input hygiene, sessions, passwords (change, forgot, reset) and sign-in limits. */
import { defineMessages } from "../define-messages";

export const security = defineMessages({
  id: {
    "error.controlChars": "Berisi karakter kendali yang tidak diizinkan.",
    "error.jsonContentType": "Kirim isi permintaan sebagai application/json.",
    "error.malformedForm": "Isi formulir rusak atau tidak lengkap.",
    "error.dateInvalid": "Tanggal tidak valid (tahun 1900–2999).",
    "error.instantInvalid": "Waktu harus berformat RFC 3339 dengan zona, mis. 2026-03-10T09:00:00+07:00.",
    "error.busy": "Server sedang sibuk. Coba lagi sebentar lagi.",
  },
  en: {
    "error.controlChars": "Contains control characters that are not allowed.",
    "error.jsonContentType": "Send the request body as application/json.",
    "error.malformedForm": "The form body is damaged or incomplete.",
    "error.dateInvalid": "Not a valid date (years 1900–2999).",
    "error.instantInvalid": "Times must be RFC 3339 with an offset, e.g. 2026-03-10T09:00:00+07:00.",
    "error.busy": "The server is busy. Try again in a moment.",
  },
});
