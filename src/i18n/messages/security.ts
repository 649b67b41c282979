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
    "users.passwordWeak":
      "Kata sandi terlalu mudah ditebak (kata umum, pola, atau nama/e-mail Anda). Pakai frasa beberapa kata yang tidak umum.",
    "users.passwordTooLong": "Kata sandi maksimal 200 karakter.",
    "account.password.title": "Ganti kata sandi",
    "account.password.nav": "Kata sandi",
    "account.password.intro":
      "Kata sandi baru minimal 12 karakter dan tidak mudah ditebak. Setelah diganti, sesi Anda di perangkat lain dan semua token API Anda berakhir.",
    "account.password.current": "Kata sandi saat ini",
    "account.password.new": "Kata sandi baru",
    "account.password.confirm": "Ulangi kata sandi baru",
    "account.password.mismatch": "Kedua kata sandi baru tidak sama.",
    "account.password.wrongCurrent": "Kata sandi saat ini salah.",
    "account.password.changed": "Kata sandi diganti. Sesi lain dan token API Anda telah diakhiri.",
    "account.password.submit": "Ganti kata sandi",
    "auth.forgot.link": "Lupa kata sandi?",
    "auth.forgot.title": "Lupa kata sandi",
    "auth.forgot.intro":
      "Masukkan e-mail akun Anda. Jika akun itu ada dan aktif, kami mengirim tautan untuk membuat kata sandi baru (berlaku 30 menit, sekali pakai).",
    "auth.forgot.submit": "Kirim tautan",
    "auth.forgot.sent":
      "Jika e-mail itu terdaftar, tautan untuk membuat kata sandi baru sudah dikirim. Periksa kotak masuk Anda.",
    "auth.reset.title": "Buat kata sandi baru",
    "auth.reset.intro":
      "Kata sandi baru minimal 12 karakter dan tidak mudah ditebak. Semua sesi dan token API akun ini akan diakhiri.",
    "auth.reset.submit": "Simpan kata sandi baru",
    "auth.reset.invalid":
      "Tautan ini tidak berlaku lagi (sudah dipakai, kedaluwarsa setelah 30 menit, atau salah). Minta tautan baru.",
    "auth.reset.done": "Kata sandi baru disimpan. Silakan masuk.",
    "auth.reset.mailSubject": "Membuat kata sandi baru Sambang",
    "auth.reset.mailIntro":
      "Ada permintaan untuk membuat kata sandi baru akun Sambang Anda. Tautan berikut berlaku 30 menit dan hanya sekali pakai.",
    "auth.reset.mailIgnore": "Jika Anda tidak memintanya, abaikan e-mail ini; kata sandi Anda tidak berubah.",
    "auth.reset.mailLink": "Buat kata sandi baru",
  },
  en: {
    "error.controlChars": "Contains control characters that are not allowed.",
    "error.jsonContentType": "Send the request body as application/json.",
    "error.malformedForm": "The form body is damaged or incomplete.",
    "error.dateInvalid": "Not a valid date (years 1900–2999).",
    "error.instantInvalid": "Times must be RFC 3339 with an offset, e.g. 2026-03-10T09:00:00+07:00.",
    "error.busy": "The server is busy. Try again in a moment.",
    "users.passwordWeak":
      "This password is too easy to guess (a common word, a pattern, or your name or e-mail). Use a phrase of several uncommon words.",
    "users.passwordTooLong": "Passwords can have at most 200 characters.",
    "account.password.title": "Change password",
    "account.password.nav": "Password",
    "account.password.intro":
      "The new password needs at least 12 characters and must not be easy to guess. Changing it ends your sessions on other devices and all your API tokens.",
    "account.password.current": "Current password",
    "account.password.new": "New password",
    "account.password.confirm": "Repeat the new password",
    "account.password.mismatch": "The two new passwords differ.",
    "account.password.wrongCurrent": "The current password is wrong.",
    "account.password.changed": "Password changed. Your other sessions and API tokens have been ended.",
    "account.password.submit": "Change password",
    "auth.forgot.link": "Forgot your password?",
    "auth.forgot.title": "Forgot password",
    "auth.forgot.intro":
      "Enter your account's e-mail. If that account exists and is active, we send a link to set a new password (valid 30 minutes, single use).",
    "auth.forgot.submit": "Send link",
    "auth.forgot.sent":
      "If that e-mail is registered, a link to set a new password has been sent. Check your inbox.",
    "auth.reset.title": "Set a new password",
    "auth.reset.intro":
      "The new password needs at least 12 characters and must not be easy to guess. Every session and API token of the account will end.",
    "auth.reset.submit": "Save the new password",
    "auth.reset.invalid":
      "This link no longer works (already used, expired after 30 minutes, or wrong). Ask for a new one.",
    "auth.reset.done": "New password saved. Please sign in.",
    "auth.reset.mailSubject": "Setting a new Sambang password",
    "auth.reset.mailIntro":
      "Someone asked to set a new password for your Sambang account. The link below works for 30 minutes, once.",
    "auth.reset.mailIgnore": "If it was not you, ignore this e-mail; your password stays as it is.",
    "auth.reset.mailLink": "Set a new password",
  },
});
